import { describe, expect, it } from 'vitest';
import type { EventOfKind, RunEvent } from '../../../src-main/contract/events';
import type { RawRecord } from '../../../src-main/engine/common/features/rawRecord';
import { RunControl } from '../../../src-main/engine/common/run/control';
import { EventLog } from '../../../src-main/engine/common/run/eventLog';
import { rehearse } from '../../../src-main/engine/common/run/rehearse';
import { parseScenarioText } from '../../../src-main/engine/common/scenario/parse';
import type { Upstream } from '../../../src-main/engine/common/rollout/routing';
import { memoryEnvironment, memoryModelStore, memorySnapshotStore, memoryWriter, steppingClock } from '../../support/memoryPorts';
import { memoryRig, type MemoryUpstream } from '../../support/memoryRig';
import { buildReport } from '../../../src-main/engine/common/report/buildReport';
import { rolloutLatencyData } from '../../../src-main/engine/common/report/charts/rolloutLatencyData';
import { reportSchemaErrors } from '../../support/reportSchema';
import { runView } from '../../../src-main/engine/common/view/runView';

const HOURS = 24 * 5;
// Four days of hourly rows: a rises and falls, b is its mirror; the label follows a - b.
const a = Array.from({ length: HOURS }, (_, i) => Math.sin(i / 5));
const b = Array.from({ length: HOURS }, (_, i) => Math.cos(i / 7));
const labels = a.map((x, i) => (x - b[i]! > 0 ? 1 : 0));

function scenario(rollout: string, blueInputs = '[a, b]'): ReturnType<typeof file> {
  return file(`name: rollout
models:
  blue:
    path: blue
    inputs: ${blueInputs}
  green:
    path: green
    inputs: [a, b]
snapshots:
  production:
    path: s
    timestamp: t
    label: y
    labelDelay: 1d
rollout:
  start: 2001-03-01
  stepDuration: 1d
  realRate: 50
  maxRequestsPerStep: 24
  abortDelay: 3s
${rollout}`);
}

function file(text: string) {
  const parsed = parseScenarioText(text, 's.yaml');
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.issues));
  }
  return { path: '/s.yaml', scenario: parsed.scenario };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logistic = (w: readonly number[]) => (r: RawRecord) => sigmoid(w[0]! * Number(r['a']) + w[1]! * Number(r['b']));
const fast = (w: readonly number[], ms = 2): MemoryUpstream => ({ predict: logistic(w), latencyMs: () => ms });
const GOOD = [3, -3];
const BAD = [-3, 3];

const PLAN = `  gates:
    p99LatencyMs: { max: 100 }
    minRequests: 4
    disagreement: { maxExcessFlipRate: 0.2 }
    businessOutcome: { maxAucDrop: 0.05, minLabelled: 10 }
  steps:
    - setWeight: 25
    - analysis: { gates: [errorRate, p99LatencyMs, predictionPsi, disagreement] }
    - setWeight: 50
    - analysis: { gates: [errorRate, p99LatencyMs, businessOutcome] }
    - setWeight: 100
`;

async function run(
  text: string,
  greenWeights: number[],
  upstreams: Partial<Record<Upstream, MemoryUpstream>> = {},
  hooks: Parameters<typeof memoryRig>[2] = {},
  control?: RunControl,
  blueColumn = b,
) {
  const clock = steppingClock();
  const { rig, log } = memoryRig(clock, { blue: fast(GOOD), twin: fast(GOOD), green: fast(greenWeights), ...upstreams }, hooks);
  const writer = memoryWriter();
  const models = memoryModelStore({ blue: { verified: true, weights: GOOD }, green: { verified: true, weights: greenWeights } });
  const snapshots = memorySnapshotStore({ a, b: blueColumn }, labels);
  const outcome = await rehearse({
    file: scenario(text),
    ...memoryEnvironment(models, snapshots, { clock, rollout: rig }),
    log: new EventLog(clock, [writer]),
    ...(control ? { control } : {}),
  });
  return { outcome, events: writer.events, rig: log };
}

function only<K extends RunEvent['kind']>(events: readonly RunEvent[], kind: K): EventOfKind<K>[] {
  return events.filter((e): e is EventOfKind<K> => e.kind === kind);
}

function rollbackCheck(events: readonly RunEvent[]) {
  return only(events, 'check.resolved').find((e) => e.check.id === 'rollback-readiness')!.check;
}

describe('rollout phase', () => {
  it('promotes a green that passes every gate, then drills the retreat to blue', async () => {
    const { events, rig } = await run(PLAN, GOOD);
    expect(rig.weights.map((w) => w.weights.green)).toEqual([25, 50, 100, 0]);
    expect(rig.weights.at(-1)!.reason).toBe('rollback drill after promotion');
    const analyses = only(events, 'rollout.analysis').filter((e) => !e.background);
    expect(analyses.map((e) => [e.index, e.outcome])).toEqual([
      [1, 'pass'],
      [3, 'pass'],
    ]);
    // The outcome gate of the second analysis reads the first day, whose labels arrived a day later.
    expect(analyses[1]!.gates.find((g) => g.gate === 'businessOutcome')).toMatchObject({ outcome: 'pass', observed: 0 });
    const steps = only(events, 'rollout.step');
    expect(steps.map((s) => [s.from, s.to, s.greenPercent, s.rows, s.sent])).toEqual([
      ['2001-03-01T00:00:00', '2001-03-02T00:00:00', 25, 24, 24],
      ['2001-03-02T00:00:00', '2001-03-03T00:00:00', 50, 24, 24],
    ]);
    expect(steps[0]!.metrics.disagreement).toMatchObject({ greenFlipRate: 0, noiseFlipRate: 0, excessFlipRate: 0 });
    expect(steps[0]!.metrics.predictionPsi).toBeCloseTo(0, 12);
    expect(only(events, 'rollout.finished')[0]).toMatchObject({ outcome: 'promoted', drill: { blueAnswered: 20, blueFailed: 0 } });
    expect(rollbackCheck(events).status).toBe('PASS');
    expect(
      only(events, 'progress')
        .filter((p) => p.task === 'rollout.steps')
        .map((p) => [p.done, p.total]),
    ).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(only(events, 'progress').find((p) => p.task === 'rollout.steps')!.range).toEqual({ from: '2001-03-01T00:00:00', to: '2001-03-03T00:00:00' });
    expect(rig.closed).toBe(1);
    expect(rig.greenStops).toEqual([]);
  });

  it('warms blue through the weighted route and green through the header route before any weight moves', async () => {
    const { events, rig } = await run(PLAN, GOOD);
    // The first day has 24 rows, fewer than the 40 warm-up requests: each round sends them all.
    expect(only(events, 'rollout.baseline')[0]).toMatchObject({ requests: 24, blueP99Ms: 2, greenP99Ms: 2, greenFaults: null });
    // Two rounds, each through the weighted route (to blue) and then the header route (to green).
    const sides = rig.sent.slice(0, 96).map((r) => `${r.side} ${r.reason}`);
    expect(sides).toEqual([
      ...Array(24).fill('blue weight'),
      ...Array(24).fill('green header'),
      ...Array(24).fill('blue weight'),
      ...Array(24).fill('green header'),
    ]);
  });

  it('rolls a slow green back between batches of the first step (p99 against the SLA), with the reason and both clocks', async () => {
    const { events, rig } = await run(PLAN, GOOD, { green: fast(GOOD, 400) });
    expect(rig.weights.map((w) => w.weights.green)).toEqual([25, 0]);
    const aborted = only(events, 'rollout.aborted')[0]!;
    expect(aborted).toMatchObject({ source: 'gate', stepIndex: 1 });
    expect(aborted.reason).toContain('p99LatencyMs failed: green p99 400.0 ms');
    expect(aborted.detect!.realMs).toBeGreaterThan(0);
    expect(aborted.detect!.eventMs).toBeGreaterThan(0);
    expect(aborted.detect!.eventMs).toBeLessThan(86_400_000);
    const step = only(events, 'rollout.step')[0]!;
    expect(step.cut).toBe(true);
    expect(only(events, 'rollout.analysis').find((e) => e.background && e.outcome === 'fail')).toBeDefined();
    // Green is kept for the plan's delay, then stopped.
    expect(rig.greenStops).toEqual([3000]);
    expect(only(events, 'rollout.finished')[0]).toMatchObject({ outcome: 'aborted' });
    expect(rollbackCheck(events)).toMatchObject({ status: 'PASS' });
  });

  it('rolls a worse green back at the analysis that first sees labels, and the judge agrees on log loss', async () => {
    // Green's predictions are blue's mirrored: the first analysis leaves out the gates that would see that at once.
    const { events, rig } = await run(PLAN.replace('predictionPsi, disagreement', 'inputDrift'), BAD);
    expect(rig.weights.map((w) => w.weights.green)).toEqual([25, 50, 0]);
    const aborted = only(events, 'rollout.aborted')[0]!;
    expect(aborted.reason).toMatch(/^analysis at step 4 failed: businessOutcome AUC blue 1\.0000, green 0\.0000/);
    expect(aborted.detect!.eventMs).toBe(2 * 86_400_000);
    const analysis = only(events, 'rollout.analysis').filter((e) => !e.background)[1]!;
    expect(analysis.judge.metrics.find((m) => m.metric === 'log loss per labelled row')).toMatchObject({ classification: 'high', failed: true });
  });

  it("takes a person's roll back mid-step: the batch goes on at blue 100% and blue answers what follows", async () => {
    const clock = steppingClock();
    const control = new RunControl(clock, { schedule: (_ms, task) => (task(), () => undefined) });
    const { events, rig } = await run(
      PLAN,
      GOOD,
      {},
      { beforeSend: (n) => n === 5 && void control.command({ kind: 'rollback', reason: 'on-call says no' }) },
      control,
    );
    const aborted = only(events, 'rollout.aborted')[0]!;
    expect(aborted).toMatchObject({ reason: 'on-call says no', source: 'person' });
    expect(rig.weights.map((w) => w.weights.green)).toEqual([25, 0]);
    // Warm-up was 96 requests in four batches; the fifth is the first step's, which took the
    // decision at its first answer and kept flowing: the whole batch went out.
    expect(rig.sent.slice(96, 120)).toHaveLength(24);
    expect(only(events, 'rollout.step')[0]).toMatchObject({ index: 1, cut: true, sent: 24 });
    expect(only(events, 'rollout.finished')[0]).toMatchObject({ outcome: 'aborted' });
    expect(rollbackCheck(events).status).toBe('PASS');
  });

  it('follows the headless rule when an analysis is inconclusive', async () => {
    const plan = PLAN.replace('minRequests: 4', 'minRequests: 1000').replace('  steps:', '  headless: { inconclusive: abort }\n  background: []\n  steps:');
    const { events } = await run(plan, GOOD);
    expect(only(events, 'rollout.analysis')[0]).toMatchObject({ outcome: 'inconclusive' });
    expect(only(events, 'rollout.aborted')[0]!.reason).toBe('the analysis at step 2 was inconclusive and the headless rule is to abort');
  });

  it("stops before the first step when blue cannot read today's records: the bridge is burned", async () => {
    const { events, rig, outcome } = await run(
      PLAN,
      GOOD,
      {},
      {},
      undefined,
      b.map(() => Number.NaN),
    );
    expect(outcome.verdict).toBe('NOT READY');
    expect(rig.plans).toEqual([]);
    expect(only(events, 'rollout.compatibility')[0]).toMatchObject({ compatible: false, missing: ['b'], present: ['a'] });
    expect(only(events, 'rollout.finished')[0]).toMatchObject({ outcome: 'not-started' });
    const check = rollbackCheck(events);
    expect(check.status).toBe('FAIL');
    expect(check.observed).toContain('The bridge is burned');
  });

  it('fills the traffic-split chart, the rollout-latency lane and a valid report from its events', async () => {
    const { events } = await run(PLAN, GOOD, { green: fast(GOOD, 400) });
    const report = buildReport(events);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.charts.trafficSplit).toMatchObject({
      measured: true,
      data: {
        range: { from: '2001-03-01T00:00:00' },
        weights: [{ at: '2001-03-01T00:00:00', greenPercent: 0 }, { at: '2001-03-01T00:00:00', greenPercent: 25 }, { greenPercent: 0 }],
        rollback: { reason: expect.stringContaining('p99LatencyMs failed') },
      },
    });
    const split = report.charts.trafficSplit.measured ? report.charts.trafficSplit.data : null;
    expect(split!.gates.map((g) => [g.name, g.outcome])).toEqual([['p99LatencyMs (between batches)', 'fail']]);
    const latency = rolloutLatencyData(events);
    expect(latency).toMatchObject({
      measured: true,
      data: { slaMs: 100, steps: [{ from: '2001-03-01T00:00:00', greenPercent: 25, p99Ms: { blue: 2, green: 400 } }] },
    });
    const view = runView({ runId: 'r', outDir: '/tmp', events, control: { state: 'finished', speed: 'max', phase: null, accepts: [] } });
    expect(view.lanes.traffic.measured).toBe(true);
    expect(view.lanes.latency.measured).toBe(true);
    // A brushed range inside the step still holds it: the step spans its stretch of event time.
    const inside = runView(
      { runId: 'r', outDir: '/tmp', events, control: { state: 'finished', speed: 'max', phase: null, accepts: [] } },
      { from: '2001-03-01T01:00:00', to: '2001-03-01T02:00:00' },
    );
    expect(inside.lanes.latency.measured).toBe(true);
  });

  it('in shadow mode green answers copies only: nothing green says reaches a caller, and its copies are what it is judged on', async () => {
    const plan = PLAN.replace('  steps:', '  shadow: true\n  steps:');
    const { events, rig } = await run(plan, GOOD, { green: fast(GOOD, 400) });
    const stepRequests = rig.sent.slice(96);
    expect(stepRequests.every((r) => r.side === 'blue' && r.reason === 'shadow' && r.copies.green !== undefined)).toBe(true);
    const aborted = only(events, 'rollout.aborted')[0]!;
    expect(aborted.reason).toContain('p99LatencyMs failed: green p99 400.0 ms');
    // Green "took traffic" from the first step on, as copies: detection is timed from there.
    expect(aborted.detect).not.toBeNull();
    expect(only(events, 'rollout.step')[0]!.sides.green.requests).toBeGreaterThan(0);
  });

  it('a plan that pauses for a person goes on under the headless rule, or rolls back when the rule says so', async () => {
    const pausing = PLAN.replace('    - setWeight: 100\n', '    - pause: {}\n    - setWeight: 100\n');
    expect(only((await run(pausing, GOOD)).events, 'rollout.finished')[0]!.outcome).toBe('promoted');
    const strict = pausing.replace('  steps:', '  headless: { pauses: abort }\n  steps:');
    const { events } = await run(strict, GOOD);
    expect(only(events, 'rollout.aborted')[0]!.reason).toBe('the plan paused for a person and the headless rule is to abort');
  });

  it('a stopped run rolls back to blue before it ends', async () => {
    const clock = steppingClock();
    const control = new RunControl(clock, { schedule: (_ms, task) => (task(), () => undefined) });
    const { events, rig } = await run(PLAN, GOOD, {}, { beforeSend: (n) => n === 5 && void control.command({ kind: 'stop' }) }, control);
    expect(only(events, 'rollout.aborted')[0]).toMatchObject({ reason: 'the run was stopped', source: 'stop' });
    expect(rig.weights.at(-1)!.weights).toEqual({ blue: 100, green: 0 });
    expect(rig.closed).toBe(1);
  });
});
