/** The dynamic batcher on virtual time: batches form by size or by delay, timeouts never hang. */
import { describe, expect, it } from 'vitest';
import { dynamicBatcher, type BatchOutcome } from '../../src-main/engine/common/serving/batcher';
import { virtualTime } from '../support/virtualTime';

/** An executor whose batches finish only when the test says so. */
function manualExecutor() {
  const batches: { payloads: string[]; finish(results?: string[]): void; fail(message: string): void }[] = [];
  const execute = (payloads: readonly string[]) =>
    new Promise<readonly string[]>((resolve, reject) => {
      batches.push({ payloads: [...payloads], finish: (results) => resolve(results ?? payloads.map((p) => `r:${p}`)), fail: (m) => reject(new Error(m)) });
    });
  return { batches, execute };
}

describe('dynamic batcher', () => {
  it('dispatches as soon as the queued rows reach max batch', async () => {
    const time = virtualTime();
    const { batches, execute } = manualExecutor();
    const batcher = dynamicBatcher({ maxBatch: 3, maxQueueDelayMs: 50, timeoutMs: 1000 }, time.clock, time.scheduler, execute);
    const answers = ['a', 'b', 'c'].map((p) => batcher.submit(p, 1));
    await time.settle();
    expect(batches.map((b) => b.payloads)).toEqual([['a', 'b', 'c']]);
    batches[0]!.finish();
    expect(await Promise.all(answers)).toEqual([
      { kind: 'done', result: 'r:a' },
      { kind: 'done', result: 'r:b' },
      { kind: 'done', result: 'r:c' },
    ]);
  });

  it('dispatches a partial batch when the oldest request has waited the queue delay', async () => {
    const time = virtualTime();
    const { batches, execute } = manualExecutor();
    const dispatched: number[][] = [];
    const batcher = dynamicBatcher({ maxBatch: 8, maxQueueDelayMs: 5, timeoutMs: 1000 }, time.clock, time.scheduler, execute, {
      onDidDispatch: (rows, waited) => dispatched.push([rows, ...waited]),
    });
    void batcher.submit('a', 1);
    await time.advance(3);
    void batcher.submit('b', 2);
    await time.advance(1.9);
    expect(batches).toHaveLength(0);
    await time.advance(0.1);
    expect(batches.map((b) => b.payloads)).toEqual([['a', 'b']]);
    expect(dispatched).toEqual([[3, 5, 2]]);
  });

  it('runs one batch at a time and forms the next from what queued meanwhile', async () => {
    const time = virtualTime();
    const { batches, execute } = manualExecutor();
    const batcher = dynamicBatcher({ maxBatch: 2, maxQueueDelayMs: 0, timeoutMs: 1000 }, time.clock, time.scheduler, execute);
    void batcher.submit('a', 1);
    await time.settle();
    for (const p of ['b', 'c', 'd']) {
      void batcher.submit(p, 1);
    }
    await time.settle();
    expect(batches.map((b) => b.payloads)).toEqual([['a']]);
    expect(batcher.queued).toEqual({ requests: 3, rows: 3 });
    batches[0]!.finish();
    await time.settle();
    expect(batches.map((b) => b.payloads)).toEqual([['a'], ['b', 'c']]);
    batches[1]!.finish();
    await time.settle();
    expect(batches.map((b) => b.payloads)).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('never splits a request and runs one larger than max batch alone', async () => {
    const time = virtualTime();
    const { batches, execute } = manualExecutor();
    const batcher = dynamicBatcher({ maxBatch: 4, maxQueueDelayMs: 10, timeoutMs: 1000 }, time.clock, time.scheduler, execute);
    void batcher.submit('three', 3);
    void batcher.submit('two', 2);
    void batcher.submit('nine', 9);
    await time.settle();
    expect(batches.map((b) => b.payloads)).toEqual([['three']]);
    batches[0]!.finish();
    await time.settle();
    expect(batches.map((b) => b.payloads)).toEqual([['three'], ['two']]);
    batches[1]!.finish();
    await time.settle();
    expect(batches.map((b) => b.payloads)).toEqual([['three'], ['two'], ['nine']]);
  });

  it('answers a queued request with a timeout and takes it out of the queue', async () => {
    const time = virtualTime();
    const { batches, execute } = manualExecutor();
    const depths: number[] = [];
    const batcher = dynamicBatcher({ maxBatch: 1, maxQueueDelayMs: 0, timeoutMs: 100 }, time.clock, time.scheduler, execute, {
      onDidChangeQueue: (n) => depths.push(n),
    });
    const first = batcher.submit('a', 1);
    const second = batcher.submit('b', 1);
    await time.advance(100);
    expect(await second).toEqual({ kind: 'timeout' });
    expect(batcher.queued.requests).toBe(0);
    expect(depths.at(-1)).toBe(0);
    batches[0]!.finish();
    await time.settle();
    // The first request timed out too, inside its running batch; its late result is dropped.
    expect(await first).toEqual({ kind: 'timeout' });
    expect(batches).toHaveLength(1);
  });

  it('answers every request of a batch that never returns with a timeout, and keeps queueing', async () => {
    const time = virtualTime();
    const { batches, execute } = manualExecutor();
    const batcher = dynamicBatcher({ maxBatch: 2, maxQueueDelayMs: 1, timeoutMs: 50 }, time.clock, time.scheduler, execute);
    const stuck = [batcher.submit('a', 1), batcher.submit('b', 1)];
    await time.settle();
    const waiting = batcher.submit('c', 1);
    await time.advance(60);
    const outcomes: BatchOutcome<string>[] = await Promise.all([...stuck, waiting]);
    expect(outcomes.map((o) => o.kind)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(batcher.busy).toBe(true);
    batches[0]!.finish();
    await time.settle();
    expect(batcher.busy).toBe(false);
    const after = batcher.submit('d', 1);
    await time.advance(1);
    batches[1]!.finish();
    expect(await after).toEqual({ kind: 'done', result: 'r:d' });
  });

  it('fails the requests of a batch whose run fails, then runs the next', async () => {
    const time = virtualTime();
    const { batches, execute } = manualExecutor();
    const batcher = dynamicBatcher({ maxBatch: 1, maxQueueDelayMs: 0, timeoutMs: 100 }, time.clock, time.scheduler, execute);
    const a = batcher.submit('a', 1);
    const b = batcher.submit('b', 1);
    await time.settle();
    batches[0]!.fail('ORT said no');
    expect(await a).toEqual({ kind: 'failed', message: 'ORT said no' });
    await time.settle();
    batches[1]!.finish(['ok']);
    expect(await b).toEqual({ kind: 'done', result: 'ok' });
  });

  it('answers queued requests as failed when closed and refuses new ones', async () => {
    const time = virtualTime();
    const { execute } = manualExecutor();
    const batcher = dynamicBatcher({ maxBatch: 1, maxQueueDelayMs: 0, timeoutMs: 100 }, time.clock, time.scheduler, execute);
    void batcher.submit('a', 1);
    const queued = batcher.submit('b', 1);
    batcher.close('stopping');
    expect(await queued).toEqual({ kind: 'failed', message: 'stopping' });
    expect(await batcher.submit('c', 1)).toEqual({ kind: 'failed', message: 'stopping' });
  });
});
