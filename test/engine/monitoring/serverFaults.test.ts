/**
 * The scenario's server faults during the load, on in-memory ports and virtual time: the
 * real open-loop driver against an in-memory server whose answers follow the faults set through
 * its admin port. Each fault is set and cleared at its time on the load's schedule, the layer 1
 * rules are evaluated second by second, each fault gets its detection, and `monitoring-coverage`
 * is resolved once, after the replay and the load.
 */
import { describe, expect, it } from 'vitest';
import type { RunEvent, ServerFaults, ServerStopped } from '../../../src-main/contract/events';
import type { LoadIntervals } from '../../../src-main/contract/load';
import { bucketQuantile, INTERVAL_BOUNDS_MS, IntervalRecorder } from '../../../src-main/engine/common/load/loadIntervals';
import { loadResult } from '../../../src-main/engine/common/load/loadResult';
import { runOpenLoop } from '../../../src-main/engine/common/load/openLoop';
import { rateShape } from '../../../src-main/engine/common/load/rateShape';
import { evaluateLayer1 } from '../../../src-main/engine/common/monitoring/liveLayer1';
import { alertTimelineData } from '../../../src-main/engine/common/report/charts/alertTimelineData';
import type { LoadPort, ServingPort } from '../../../src-main/engine/common/ports/serving';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';
import { EventLog } from '../../../src-main/engine/common/run/eventLog';
import { rehearse } from '../../../src-main/engine/common/run/rehearse';
import { exactHistogram } from '../../support/exactHistogram';
import { memoryEnvironment, memoryModelStore, memoryWriter, steppingClock, tableSnapshotStore } from '../../support/memoryPorts';
import { JANUARY, MARCH, ofKind, scenario, table } from '../../support/replayTables';
import { virtualTime, type VirtualTime } from '../../support/virtualTime';

/** Every healthy answer takes this long; a latency fault adds its ms. */
const SERVICE_MS = 2;

/** A model server in memory: answers after SERVICE_MS plus any latency fault, and fails every k-th request under an error rate. */
function memoryRig(time: VirtualTime): { serving: ServingPort; load: LoadPort; admin: { at: number; faults: ServerFaults }[] } {
  let faults: ServerFaults = { seed: 1 };
  const admin: { at: number; faults: ServerFaults }[] = [];
  const stopped: ServerStopped = { kind: 'server.stopped', label: 'blue@production', requested: true, exitCode: 0, signal: null, message: 'stopped as asked' };
  const serving: ServingPort = {
    dockerStatus: async () => ({ available: false, reason: 'no Docker here' }),
    host: async () => ({ cpus: 2, memoryBytes: 8 * 2 ** 30, gpus: [] }),
    start: async () => ({
      url: 'http://127.0.0.1:1',
      image: null,
      memoryPeakBytes: async () => null,
      setFaults: async (next) => {
        faults = next;
        admin.push({ at: time.clock.monotonic(), faults: next });
        return next;
      },
      clearFaults: async () => {
        faults = { seed: 1 };
        admin.push({ at: time.clock.monotonic(), faults });
        return faults;
      },
      stop: async () => stopped,
    }),
  };
  const load: LoadPort = {
    async run(plan, hooks = {}) {
      const shape = rateShape(plan.shape, plan.rps, plan.durationMs);
      const transport = {
        send: (request: { seq: number }, resolve: (o: { kind: 'answered'; status: number; sentAt: number; doneAt: number }) => void) => {
          const sentAt = time.clock.monotonic();
          const extra = faults.latency?.distribution === 'fixed' ? faults.latency.ms : 0;
          const fails = faults.errorRate !== undefined && request.seq % 100 < faults.errorRate * 100;
          time.scheduler.schedule(SERVICE_MS + extra, () =>
            resolve({ kind: 'answered', status: fails ? 500 : 200, sentAt, doneAt: sentAt + SERVICE_MS + extra }),
          );
        },
        close: async () => undefined,
      };
      const running = runOpenLoop(shape, plan.timeoutMs, {
        clock: time.clock,
        scheduler: time.scheduler,
        transport,
        rng: seededRng(plan.seed),
        histogram: exactHistogram,
        watch: {
          ...hooks,
          ...(plan.intervalMs !== undefined ? { intervalMs: plan.intervalMs } : {}),
          ...(plan.marksMs !== undefined ? { marksMs: plan.marksMs } : {}),
        },
      });
      let done = false;
      void running.finally(() => (done = true));
      while (!done) {
        await time.advance(5);
      }
      return loadResult(shape, await running, {
        slaMs: plan.slaMs,
        scheduleToleranceMs: 10,
        protocol: plan.protocol,
        url: plan.url,
        payload: 'memory',
        connections: 1,
        seed: plan.seed,
      });
    },
  };
  return { serving, load, admin };
}

const LOAD = `load:
  peakRps: 20
  duration: 10s
  sla: 500ms
  payload: numeric
alerts:
  live:
    for: 1s
    rateWindow: 1s
    p99: 10ms
`;

async function rehearseWithFaults(faults: string): Promise<{ events: RunEvent[]; admin: { at: number; faults: ServerFaults }[] }> {
  const time = virtualTime();
  const { serving, load, admin } = memoryRig(time);
  const writer = memoryWriter();
  const store = tableSnapshotStore({ production: table(MARCH, 48, 200, 2), 'reference.blue': table(JANUARY, 7 * 24, 200, 1) });
  const env = memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1, -1] } }), store, {
    serving,
    load,
    backend: 'embedded',
    clock: time.clock,
  });
  await rehearse({ file: scenario(`${LOAD}${faults}`), ...env, log: new EventLog(steppingClock(), [writer]) });
  return { events: writer.events, admin };
}

const TWO_FAULTS = `faults:
  - at: 2s
    for: 2s
    errorRate: 0.5
  - at: 6s
    for: 2s
    latency: { distribution: relative, timesBaselineP99: 10 }
`;

describe('server faults during the load', () => {
  it('sets and clears each fault at its time, alerts on layer 1 and passes monitoring-coverage once', async () => {
    const { events, admin } = await rehearseWithFaults(TWO_FAULTS);
    const injected = ofKind(events, 'fault.injected');
    const cleared = ofKind(events, 'fault.cleared');
    // On virtual time the admin answers at once: each fault acts exactly from `at` for `for`.
    expect(injected.map((e) => [e.index, e.atMs])).toEqual([
      [0, 2000],
      [1, 6000],
    ]);
    expect(cleared.map((e) => [e.index, e.atMs])).toEqual([
      [0, 4000],
      [1, 8000],
    ]);
    expect(admin.map((a) => a.at - admin[0]!.at)).toEqual([0, 2000, 4000, 6000]);
    expect(admin.map((a) => a.faults)).toEqual([
      { seed: 1, errorRate: 0.5 },
      { seed: 1 },
      { seed: 1, latency: { distribution: 'fixed', ms: 10 * SERVICE_MS } },
      { seed: 1 },
    ]);
    // The latency is ten times the baseline p99 measured just before on the same server.
    expect(injected[1]!.note).toContain('10 x the baseline p99 (2.00 ms');
    expect(injected[0]!.name).toBe('error rate 0.5');

    // The replay's own alerts (layer 4 here) are on event time; the load's carry `clock: real`.
    const firing = ofKind(events, 'alert.firing').filter((a) => a.clock === 'real');
    expect(firing.map((a) => [a.layer, a.rule, a.clock])).toEqual([
      [1, 'error-ratio', 'real'],
      [1, 'latency-p99', 'real'],
    ]);
    expect(
      ofKind(events, 'alert.resolved')
        .filter((a) => a.clock === 'real')
        .map((a) => a.rule),
    ).toEqual(['error-ratio', 'latency-p99']);

    const detections = ofKind(events, 'monitoring.detection').filter((d) => d.source === 'server-fault');
    // Pending at the first evaluation after the fault (1 s), firing one `for` (1 s) later.
    expect(detections.map((d) => [d.index, d.layers[0]!.outcome, d.layers[0]!.delayMs, d.layers[0]!.rule, d.blindSpot])).toEqual([
      [0, 'in-budget', 2000, 'error-ratio blue server', false],
      [1, 'in-budget', 2000, 'latency-p99 blue server', false],
    ]);
    expect(detections[0]!.layers.slice(1).map((l) => l.outcome)).toEqual(['missed', 'missed', 'missed']);

    const coverage = ofKind(events, 'check.resolved').filter((e) => e.check.id === 'monitoring-coverage');
    expect(coverage).toHaveLength(1);
    expect(coverage[0]!.check.status).toBe('PASS');
    expect(coverage[0]!.check.observed).toContain('2 of 2 injected faults were caught by layers 1-3 within budget.');
    expect(coverage[0]!.check.evidence).toContainEqual({
      label: 'error rate 0.5: layer 1 (budget 1 min), error-ratio blue server',
      value: 'in-budget after 2 s',
    });
    // The coverage check comes after the load's events, not at the end of the replay.
    const at = (kind: string) => events.findIndex((e) => e.kind === kind);
    expect(events.indexOf(coverage[0]!)).toBeGreaterThan(at('fault.cleared'));

    // The alert timeline draws on real time: the two faults as bars, layer 1's alerts in its lane.
    const chart = alertTimelineData(events);
    expect(chart.measured).toBe(true);
    if (chart.measured) {
      expect(chart.data.faults.map((f) => f.name)).toEqual(['error rate 0.5', 'latency 10 x baseline p99']);
      expect(chart.data.faults.every((f) => f.to !== null && f.to > f.from)).toBe(true);
      expect(chart.data.alerts.map((a) => a.layer)).toEqual([1, 1]);
      expect(chart.data.clock).toBe('real');
      // Layer 1's first alert on each fault, marked on the same real-time axis.
      expect(chart.data.detections!.map((d) => [d.fault, d.layer, d.outcome])).toEqual([
        ['error rate 0.5', 1, 'in-budget'],
        ['latency 10 x baseline p99', 1, 'in-budget'],
      ]);
    }
  });

  it('fails monitoring-coverage on a fault no layer catches (a blind spot)', async () => {
    const { events } = await rehearseWithFaults(`faults:
  - name: two percent errors
    at: 2s
    for: 2s
    errorRate: 0.02
`);
    const detection = ofKind(events, 'monitoring.detection').find((d) => d.source === 'server-fault')!;
    expect(detection.blindSpot).toBe(true);
    expect(detection.layers[0]).toMatchObject({ layer: 1, outcome: 'missed', at: null });
    const check = ofKind(events, 'check.resolved').find((e) => e.check.id === 'monitoring-coverage')!.check;
    expect(check.status).toBe('FAIL');
    expect(check.observed).toContain('blind spots: two percent errors (no layer alerted)');
  });

  it('leaves a scenario without faults as it was: the replay resolves the check', async () => {
    const { events, admin } = await rehearseWithFaults('');
    expect(admin).toEqual([]);
    expect(ofKind(events, 'alert.firing').filter((a) => a.clock === 'real')).toEqual([]);
    const coverage = ofKind(events, 'check.resolved').filter((e) => e.check.id === 'monitoring-coverage');
    expect(coverage).toHaveLength(1);
    expect(coverage[0]!.check.status).toBe('WARN');
    expect(events.indexOf(coverage[0]!)).toBeLessThan(events.findIndex((e) => e.kind === 'phase.started' && e.phase === 'load'));
  });
});

describe('the live layer 1 rules', () => {
  const intervals = (bad: readonly number[], slow: readonly number[] = []): LoadIntervals => {
    const recorder = new IntervalRecorder(1000);
    bad.forEach((errors, k) => {
      for (let i = 0; i < 100; i++) {
        recorder.record(k * 1000 + i, i < errors ? 'errors' : 'ok', slow.includes(k) ? 300 : 3);
      }
    });
    return recorder.finish(bad.length * 1000);
  };

  it('fires after the condition held for `for`, and resolves at the first evaluation it does not hold', () => {
    const alerts = evaluateLayer1(intervals([0, 50, 50, 50, 0, 0]), { rateWindowMs: 1000, forMs: 1000, errorRatio: 0.05, p99Ms: 100 });
    expect(alerts).toEqual([{ rule: 'error-ratio', firedAtMs: 3000, windowFromMs: 2000, resolvedAtMs: 5000, value: 0.5, threshold: 0.05 }]);
  });

  it('fires at once with no `for`, over a rate window of several intervals', () => {
    const alerts = evaluateLayer1(intervals([0, 0, 0, 0], [2]), { rateWindowMs: 2000, forMs: 0, errorRatio: 0.05, p99Ms: 100 });
    expect(alerts.map((a) => [a.rule, a.firedAtMs, a.windowFromMs, a.resolvedAtMs])).toEqual([['latency-p99', 3000, 1000, null]]);
    expect(alerts[0]!.value).toBeGreaterThan(250);
  });

  it('takes the p99 from bucket counts as histogram_quantile does', () => {
    const counts = new Array<number>(INTERVAL_BOUNDS_MS.length + 1).fill(0);
    counts[INTERVAL_BOUNDS_MS.indexOf(5)] = 100; // 100 answers in (2.5, 5] ms
    expect(bucketQuantile(0.99, INTERVAL_BOUNDS_MS, counts)).toBeCloseTo(2.5 + 2.5 * 0.99, 9);
    expect(
      bucketQuantile(
        0.99,
        INTERVAL_BOUNDS_MS,
        counts.map(() => 0),
      ),
    ).toBeNull();
  });
});
