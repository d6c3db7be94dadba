/**
 * `rehearse load --hdr-out` and `--merge` against a real `rehearse serve` of the smoke model: two
 * runs' records merged give the same percentiles as one histogram of both runs' raw samples, and
 * the counts add; a bad record exits 2 naming the file and the field.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadResult } from '../../src-main/contract/load';
import type { LoadRecord, MergedLoad } from '../../src-main/engine/common/load/loadRecord';
import type { LatencyHistogram, LatencyView } from '../../src-main/engine/common/ports/latencyHistogram';
import { hdrLatencyHistogram } from '../../src-main/engine/node/load/hdrHistogram';
import { rounded, writeLoadRecord } from '../../src-main/engine/node/load/loadRecordFile';
import { runMeasuredLoad } from '../../src-main/engine/node/load/runLoad';
import { rehearse, startRehearse } from '../support/cli';
import { tempDir } from '../support/paths';
import { serveModel, type ServedModel } from '../support/servedModel';

async function rehearseAsync(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child: ChildProcess = startRehearse(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

/** HDR histograms that also keep every raw corrected latency they are given. */
function keepingRawSamples(): { factory: (view: LatencyView) => LatencyHistogram; raw: number[] } {
  const raw: number[] = [];
  const factory = (view: LatencyView): LatencyHistogram => {
    const inner = hdrLatencyHistogram();
    if (view !== 'corrected') {
      return inner;
    }
    return {
      record: (ms) => (raw.push(ms), inner.record(ms)),
      get count() {
        return inner.count;
      },
      percentiles: () => inner.percentiles(),
      encoded: () => inner.encoded!(),
    };
  };
  return { factory, raw };
}

const plan = (url: string, seed: number) =>
  ({ url, protocol: 'predict', rps: 40, shape: 'constant', durationMs: 2000, slaMs: 1000, timeoutMs: 5000, payload: { kind: 'numeric' }, seed }) as const;

let server: ServedModel;
beforeAll(async () => {
  server = await serveModel();
});

describe('rehearse load --hdr-out / --merge', () => {
  it('merges two real runs into the percentiles of one histogram of both runs’ raw samples, and sums their counts', async () => {
    const dir = tempDir();
    const first = keepingRawSamples();
    const second = keepingRawSamples();
    // Side by side, as two generators on two machines would run.
    const [a, b] = await Promise.all([runMeasuredLoad(plan(server.url, 1), first.factory), runMeasuredLoad(plan(server.url, 2), second.factory)]);
    writeLoadRecord(join(dir, 'a.hdr'), a);
    writeLoadRecord(join(dir, 'b.hdr'), b);
    const run = await rehearseAsync(['load', '--merge', join(dir, 'a.hdr'), join(dir, 'b.hdr'), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const merged = JSON.parse(run.stdout) as MergedLoad;

    const fromRaw = hdrLatencyHistogram();
    for (const ms of [...first.raw, ...second.raw]) {
      fromRaw.record(ms);
    }
    expect(first.raw.length).toBeGreaterThan(40);
    expect(second.raw.length).toBeGreaterThan(40);
    expect(merged.latencyMs).toEqual(rounded(fromRaw.percentiles()));
    expect(merged.runs).toBe(2);
    expect(merged.requests).toEqual({
      planned: a.result.requests.planned + b.result.requests.planned,
      sent: a.result.requests.sent + b.result.requests.sent,
      answered: first.raw.length + second.raw.length,
      ok: a.result.requests.ok + b.result.requests.ok,
      errors: a.result.errors + b.result.errors,
      timeouts: a.result.timeouts + b.result.timeouts,
      dropped: a.result.dropped + b.result.dropped,
    });
    expect(merged.plannedRps).toBe(80);
    expect(merged.elapsedMs).toBe(Math.max(a.result.elapsedMs, b.result.elapsedMs));
    // A merge of a run with itself doubles every count and keeps every percentile.
    const twice = JSON.parse((await rehearseAsync(['load', '--merge', join(dir, 'a.hdr'), join(dir, 'a.hdr'), '--json'])).stdout) as MergedLoad;
    expect(twice.latencyMs).toEqual(a.result.latencyMs);
    expect(twice.requests.ok).toBe(2 * a.result.requests.ok);
  });

  it('writes the record of a CLI run beside its result, and prints a merge for a person', async () => {
    const dir = tempDir();
    const out = join(dir, 'run.hdr');
    const run = await rehearseAsync(['load', '--url', server.url, '--rate', '30', '--duration', '1s', '--sla-ms', '1000', '--hdr-out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as LoadResult;
    const record = JSON.parse(readFileSync(out, 'utf8')) as LoadRecord;
    expect(record).toMatchObject({
      format: 'rehearse-load-histogram',
      version: 1,
      plannedRps: result.plannedRps,
      durationMs: 1000,
      elapsedMs: result.elapsedMs,
    });
    expect(record.requests).toEqual({ ...result.requests, answered: result.requests.ok, errors: 0, timeouts: 0, dropped: 0 });
    const merged = await rehearseAsync(['load', '--merge', out, out]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain(`requests: ${2 * result.requests.planned} planned, ${2 * result.requests.sent} sent`);
    expect(merged.stdout).toMatch(new RegExp(`corrected\\s+${result.latencyMs.p50.toFixed(2)}`));
  });

  it('exits 2 naming the file and the field of a bad record', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.hdr');
    writeLoadRecord(good, await runMeasuredLoad({ ...plan(server.url, 3), rps: 20, durationMs: 500 }));
    const record = JSON.parse(readFileSync(good, 'utf8')) as LoadRecord;
    const bad = (name: string, text: string): string => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const cases: [string, RegExp][] = [
      [bad('text.hdr', 'HISTFAAA not json'), /text\.hdr: expected a load record written by rehearse load --hdr-out \(JSON\)/],
      [bad('noOk.hdr', JSON.stringify({ ...record, requests: { ...record.requests, ok: undefined } })), /noOk\.hdr: requests\.ok: /],
      [bad('count.hdr', JSON.stringify({ ...record, requests: { ...record.requests, ok: -1 } })), /count\.hdr: requests\.ok: /],
      [
        bad('order.hdr', JSON.stringify({ ...record, requests: { ...record.requests, sent: record.requests.planned + 1 } })),
        /order\.hdr: requests: expected ok <= answered <= sent <= planned/,
      ],
      [
        bad('garbled.hdr', JSON.stringify({ ...record, latency: { ...record.latency, histogram: 'bm90IGEgaGlzdG9ncmFt' } })),
        /garbled\.hdr: latency\.histogram: expected hdr-histogram-js compressed base64/,
      ],
      [
        bad('short.hdr', JSON.stringify({ ...record, requests: { ...record.requests, answered: record.requests.answered - 1, ok: 0 } })),
        /short\.hdr: latency\.histogram: holds \d+ samples but requests\.answered is \d+/,
      ],
      [
        bad('max.hdr', JSON.stringify({ ...record, latency: { ...record.latency, maxUs: 10 ** 9 } })),
        /max\.hdr: latency\.maxUs: 1000000000 is above every value/,
      ],
      [join(dir, 'missing.hdr'), /missing\.hdr: cannot read it: ENOENT/],
    ];
    for (const [path, message] of cases) {
      const run = rehearse(['load', '--merge', good, path]);
      expect(run.code, path).toBe(2);
      expect(run.stderr, path).toMatch(message);
    }
    expect(rehearse(['load', '--merge']).stderr).toContain('--merge: name the load records to add');
    expect(rehearse(['load', '--merge', good, '--rate', '5']).stderr).toContain('--rate does not go with it');
  });
});
