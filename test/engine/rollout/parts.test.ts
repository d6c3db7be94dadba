import { describe, expect, it } from 'vitest';
import type { RoutedRequest } from '../../../src-main/engine/common/ports/rolloutRig';
import type { ColumnChunk } from '../../../src-main/engine/common/ports/snapshot';
import { columnCompatibility, recordCompatibility } from '../../../src-main/engine/common/rollout/compatibility';
import { afterRetreat, between, duringRetreat, eventTimeAt } from '../../../src-main/engine/common/rollout/retreat';
import { copiesOf } from '../../../src-main/engine/common/rollout/routing';
import { sideAnswers, sideSamples } from '../../../src-main/engine/common/rollout/sideTraffic';
import { disagreementOf, labelledBy, outcomeOf } from '../../../src-main/engine/common/rollout/stepMetrics';
import { evenlySpaced, stepRequests } from '../../../src-main/engine/common/rollout/stepRequests';
import { WindowCursor } from '../../../src-main/engine/common/rollout/windowCursor';
import { durationText, stepText } from '../../../src-main/engine/common/rollout/planText';
import { servingPipeline } from '../../../src-main/engine/common/features/featureSpec';
import { smokeSpec } from '../../../scenarios/smoke/features/smoke';
import { rolloutSection } from '../../../src-main/engine/common/scenario/sections/rollout';

const HOUR = 3_600_000;

function chunk(times: number[], extra: Partial<ColumnChunk['columns']> = {}): ColumnChunk {
  return {
    rowCount: times.length,
    eventTime: Float64Array.from(times),
    label: Float64Array.from(times, (_, i) => i % 2),
    columns: {
      x: { kind: 'number', values: Float64Array.from(times, (_, i) => i), valid: new Uint8Array(times.length).fill(1) },
      ...extra,
    } as ColumnChunk['columns'],
  };
}

describe('Diffy copies', () => {
  const at = (target: 'blue' | 'green', mirrorToGreen = false) => ({ target, mirrorToGreen, reason: 'weight' as const });
  it('go to the twin for every request, to blue for each green served, and to green only in shadow mode', async () => {
    expect(copiesOf(at('blue'), true, true)).toEqual(['twin']);
    expect(copiesOf(at('green'), true, true)).toEqual(['blue', 'twin']);
    expect(copiesOf(at('blue', true), true, true)).toEqual(['green', 'twin']);
    expect(copiesOf(at('blue', true), false, true)).toEqual(['green']);
    expect(copiesOf(at('green'), true, false)).toEqual(['blue']);
    expect(copiesOf(at('blue'), false, true)).toEqual([]);
  });
});

describe("rollback compatibility over today's records", () => {
  const pipeline = servingPipeline(smokeSpec, {});
  const record = (i: number) => ({ date: '2001-03-15 06:05:00', distance: 300 + i });
  it('finds a field upstream stopped sending, counted alone even when another is missing too', async () => {
    const records = Array.from({ length: 200 }, (_, i) => ({ date: i % 2 === 0 ? null : '2001-03-15 07:00:00' }));
    const result = await recordCompatibility(pipeline, records);
    expect(result).toMatchObject({ compatible: false, missing: ['distance', 'date'], present: [], records: 200, failedRecords: 200 });
    expect(result.failures.map((f) => [f.field, f.records])).toEqual([
      ['distance', 200],
      ['date', 100],
    ]);
  });
  it('tolerates occasional unreadable records (1%) and says how many', async () => {
    const records = Array.from({ length: 300 }, (_, i) => (i < 3 ? { date: '2001-03-15 06:05:00', distance: 'n/a' } : record(i)));
    expect(await recordCompatibility(pipeline, records)).toMatchObject({ compatible: true, missing: [], failedRecords: 3 });
    const worse = Array.from({ length: 300 }, (_, i) => (i < 4 ? { date: '2001-03-15 06:05:00', distance: 'n/a' } : record(i)));
    expect(await recordCompatibility(pipeline, worse)).toMatchObject({ compatible: false, missing: ['distance'], failedRecords: 4 });
  });
  it('finds a plain input column that is not a number, and none when no record was read', async () => {
    expect(
      columnCompatibility(
        ['a', 'b'],
        [
          { a: 1, b: null },
          { a: 2, b: null },
        ],
      ),
    ).toMatchObject({ compatible: false, missing: ['b'], present: ['a'] });
    expect(columnCompatibility(['a'], [])).toMatchObject({ compatible: false, missing: ['a'] });
  });
});

describe('window cursor', () => {
  it('takes stretches of event time across chunk edges, and peeks without taking', async () => {
    async function* chunks() {
      yield chunk([0, HOUR, 2 * HOUR]);
      yield chunk([3 * HOUR, 4 * HOUR, 5 * HOUR, 6 * HOUR]);
    }
    const cursor = new WindowCursor(chunks());
    const peeked = await cursor.peek(2 * HOUR);
    expect(peeked.map((p) => p.rowCount)).toEqual([2]);
    expect((await cursor.until(2 * HOUR)).map((p) => Array.from(p.eventTime))).toEqual([[0, HOUR]]);
    expect((await cursor.until(5 * HOUR)).map((p) => Array.from(p.eventTime))).toEqual([[2 * HOUR], [3 * HOUR, 4 * HOUR]]);
    expect(await cursor.until(5 * HOUR)).toEqual([]);
    expect((await cursor.until(24 * HOUR)).map((p) => p.rowCount)).toEqual([2]);
    await cursor.close();
  });
});

describe('step requests', () => {
  it('spread at most max rows evenly over the window, in order, as raw records with their sticky key', async () => {
    expect(evenlySpaced(10, 4)).toEqual([0, 2, 5, 7]);
    expect(evenlySpaced(3, 10)).toEqual([0, 1, 2]);
    // The timestamp column is carried as the reader hands it over (epoch ms marked as a timestamp) and sent as wall-clock text.
    const stamped = (times: number[]) => ({
      t: { kind: 'number' as const, values: Float64Array.from(times), valid: new Uint8Array(times.length).fill(1), time: 'timestamp' as const },
    });
    const pieces = [
      chunk([0, HOUR], stamped([0, HOUR])),
      chunk([2 * HOUR, 3 * HOUR], { origin: { kind: 'text', values: ['SFO', null] }, ...stamped([2 * HOUR, 3 * HOUR]) }),
    ];
    const requests = stepRequests(pieces, 3, { fields: ['t', 'x'], stickyKey: 'origin' });
    expect(requests.map((r) => r.eventTime)).toEqual([0, HOUR, 2 * HOUR]);
    expect(requests[2]!.request).toEqual({ record: { t: '1970-01-01 02:00:00', x: 0 }, key: 'SFO' });
    expect(requests[0]!.request.key).toBeNull();
  });
});

const answer = (side: 'blue' | 'green' | null, sentAt: number, prediction = 0.5, ms = 1, outcome: 'ok' | 'error' | 'timeout' = 'ok'): RoutedRequest => ({
  side,
  reason: side === null ? null : 'weight',
  status: side === null ? 0 : outcome === 'ok' ? 200 : 500,
  clientMs: ms,
  sentAt,
  served: side === null ? null : { status: 200, outcome, ms, prediction },
  copies: {},
});

describe('the retreat in both clocks', () => {
  const routed = [answer('green', 10), answer('green', 20), answer('blue', 30), answer('blue', 40)];
  const times = [100, 200, 300, 400];
  it('reads the event time reached at a real instant from the rows sent by then', async () => {
    expect(eventTimeAt(25, routed, times, 50)).toBe(200);
    expect(eventTimeAt(5, routed, times, 50)).toBe(50);
    expect(between({ real: 25, event: 200 }, { real: 35, event: 300 })).toEqual({ realMs: 10, eventMs: 100 });
    expect(between({ real: 25, event: 200 }, { real: 20, event: 100 })).toEqual({ realMs: 0, eventMs: 0 });
  });
  it('counts what was sent during it and checks that blue answered everything after it', async () => {
    expect(duringRetreat(routed, 15, 35)).toEqual({ sent: 2, green: 1 });
    expect(afterRetreat(routed, 25)).toEqual({ answered: 2, failed: 0 });
    expect(afterRetreat(routed, 5)).toEqual({ answered: 2, failed: 2 });
  });
});

describe('step metrics', () => {
  it("summarize each side at the router, with green's shadow copies in shadow mode", async () => {
    const shadowed = { ...answer('blue', 1), copies: { green: { status: 504, outcome: 'timeout' as const, ms: 900, prediction: null } } };
    const routed = [answer('blue', 1, 0.5, 2), answer('blue', 2, 0.5, 4), answer('green', 3, 0.5, 8, 'error'), shadowed, answer(null, 5)];
    expect(sideSamples(sideAnswers(routed, 'green', false)).traffic).toMatchObject({ requests: 1, errors: 1, timeouts: 0 });
    expect(sideSamples(sideAnswers(routed, 'green', true)).traffic).toMatchObject({ requests: 2, errors: 1, timeouts: 1 });
    expect(sideSamples(sideAnswers(routed, 'blue', false)).traffic).toMatchObject({ requests: 3, p50Ms: 2, p99Ms: 3.96 });
  });
  it('compare green with blue only where blue, green and the twin all answered', async () => {
    const full = (side: 'blue' | 'green', p: number, copies: RoutedRequest['copies']) => ({ ...answer(side, 0, p), copies });
    const routed = [
      full('green', 0.7, { blue: { status: 200, outcome: 'ok', ms: 1, prediction: 0.4 }, twin: { status: 200, outcome: 'ok', ms: 1, prediction: 0.4 } }),
      full('blue', 0.6, { twin: { status: 200, outcome: 'ok', ms: 1, prediction: 0.4 } }),
      full('green', 0.2, { blue: { status: 200, outcome: 'ok', ms: 1, prediction: 0.3 }, twin: { status: 200, outcome: 'ok', ms: 1, prediction: 0.31 } }),
    ];
    const d = disagreementOf(routed, 0.5, 0.5)!;
    expect(d.signal).toMatchObject({ n: 2, flipRate: 0.5 });
    expect(d.noise.n).toBe(2);
    expect(d.noise.maxAbsDiff).toBeCloseTo(0.01, 12);
    expect(d.excessFlipRate).toBe(0.5);
    expect(disagreementOf([answer('blue', 0)], 0.5, 0.5)).toBeNull();
  });
  it('count the outcome only on rows whose labels had arrived, and only where both models scored', async () => {
    const history = {
      eventTime: [Float64Array.from([0, HOUR, 2 * HOUR])],
      labels: [Float64Array.from([1, 0, 1])],
      blue: [Float32Array.from([0.9, 0.1, Number.NaN])],
      green: [Float32Array.from([0.2, 0.8, 0.5])],
    };
    const rows = labelledBy(history, 2 * HOUR, HOUR);
    expect(rows.labels).toEqual([1, 0]);
    expect(outcomeOf(rows)).toEqual({ labelled: 2, blueAuc: 1, greenAuc: 0 });
    expect(outcomeOf(labelledBy(history, 0, HOUR))).toBeNull();
  });
});

describe('plan text', () => {
  it("writes steps in Argo's words", async () => {
    const plan = rolloutSection.parse({
      stepDuration: '12h',
      steps: [{ setWeight: 10 }, { pause: {} }, { pause: { duration: '90s' } }, { analysis: { gates: ['errorRate'] } }, { analysis: {} }],
    });
    expect(plan.steps.map((s) => stepText(plan, s))).toEqual([
      'setWeight 10',
      'pause (until promoted)',
      'pause 90s',
      'analysis 12h: errorRate',
      'analysis 12h: errorRate, predictionPsi, disagreement, inputDrift, businessOutcome',
    ]);
    expect([durationText(86_400_000), durationText(1500), durationText(3_600_000 * 36)]).toEqual(['1d', '1500ms', '36h']);
  });
  it('refuses a p99 gate without a threshold', async () => {
    const parsed = rolloutSection.safeParse({ steps: [{ analysis: { gates: ['p99LatencyMs'] } }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['steps', 0, 'analysis', 'gates', 0],
      message: 'the p99LatencyMs gate needs a threshold: set gates.p99LatencyMs.max (in ms)',
    });
  });
});
