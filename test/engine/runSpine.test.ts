/**
 * One run, one data path, on in-memory ports: every phase of the product (preflight, replay, load,
 * rollout) in one run opens production and each reference once, asks whether Docker answers once,
 * and never decides a check itself: each `check.resolved` is appended by the spine after every
 * phase it reads has ended. The load sends production's window, and the rollout compares its steps
 * with the replay's seasonal reference without reading the reference again.
 */
import { describe, expect, it } from 'vitest';
import type { EventOfKind, RunEvent } from '../../src-main/contract/events';
import type { LoadPlan } from '../../src-main/engine/common/load/loadPlan';
import type { ServingPort } from '../../src-main/engine/common/ports/serving';
import type { SnapshotStore } from '../../src-main/engine/common/ports/snapshot';
import { CHECK_RESOLVERS } from '../../src-main/engine/common/checks/resolvers/checkResolvers';
import { EventLog } from '../../src-main/engine/common/run/eventLog';
import { rehearse } from '../../src-main/engine/common/run/rehearse';
import { parseScenarioText } from '../../src-main/engine/common/scenario/parse';
import { loadResultAt } from './load/fixtures';
import { memoryEnvironment, memoryModelStore, memoryWriter, steppingClock, tableSnapshotStore, type MemoryTable } from '../support/memoryPorts';
import { memoryRig, type MemoryUpstream } from '../support/memoryRig';

const HOUR = 3_600_000;
const hourly = (from: number, hours: number): MemoryTable => {
  const eventTime = Array.from({ length: hours }, (_, i) => from + i * HOUR);
  const a = eventTime.map((_, i) => Math.sin(i / 5));
  const b = eventTime.map((_, i) => Math.cos(i / 7));
  return { eventTime, label: a.map((x, i) => (x - b[i]! > 0 ? 1 : 0)), columns: { a, b } };
};
const PRODUCTION = hourly(Date.UTC(2001, 1, 26), 24 * 12);
const REFERENCE = hourly(Date.UTC(2001, 0, 1), 24 * 21);

const SCENARIO = `name: one-path
models:
  blue:
    path: blue
    inputs: [a, b]
  green:
    path: green
    inputs: [a, b]
snapshots:
  production:
    path: s
    timestamp: t
    label: y
    labelDelay: 1d
    from: 2001-03-01
    to: 2001-03-09
  reference:
    blue: { path: r, timestamp: t, label: y }
    green: { path: r, timestamp: t, label: y }
alerts:
  drift: { window: 1d, minRows: 5 }
profiles:
  staging: { memory: 1Gi }
  production: { memory: 512Mi }
load:
  peakRps: 10
  duration: 1s
rollout:
  start: 2001-03-01
  stepDuration: 1d
  realRate: 50
  maxRequestsPerStep: 12
  abortDelay: 1s
  gates:
    minRequests: 2
  steps:
    - setWeight: 50
    - analysis: { gates: [errorRate, inputDrift] }
    - setWeight: 100
`;

/** Opens counted by role. */
function countingStore(store: SnapshotStore, opens: string[]): SnapshotStore {
  return {
    async open(section, role) {
      opens.push(role);
      return store.open(section, role);
    },
  };
}

/** Servers that always answer, a load generator that records its plans, and a Docker that answers; pings counted. */
function memoryServing(
  pings: { n: number },
  plans: LoadPlan[],
): { serving: ServingPort; load: { run(plan: LoadPlan): Promise<ReturnType<typeof loadResultAt>> } } {
  return {
    serving: {
      dockerStatus: async () => {
        pings.n += 1;
        return { available: true };
      },
      host: async () => ({ cpus: 2, memoryBytes: 8 * 2 ** 30, gpus: [] }),
      async start(request) {
        const stopped = {
          kind: 'server.stopped' as const,
          label: request.label,
          requested: true,
          exitCode: 0,
          signal: null,
          message: 'stopped as asked',
          oomKilled: false,
        };
        return {
          url: `http://127.0.0.1/${request.label}`,
          image: null,
          memoryPeakBytes: async () => 100 * 2 ** 20,
          setFaults: async (faults) => faults,
          clearFaults: async () => ({ seed: 1 }),
          stop: async () => stopped,
        };
      },
    },
    load: {
      async run(plan) {
        plans.push(plan);
        return loadResultAt(30, 20, { slaMs: 100 });
      },
    },
  };
}

async function oneRun(): Promise<{ events: RunEvent[]; opens: string[]; pings: number; plans: LoadPlan[] }> {
  const parsed = parseScenarioText(SCENARIO, 's.yaml');
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.issues));
  }
  const clock = steppingClock();
  const opens: string[] = [];
  const pings = { n: 0 };
  const plans: LoadPlan[] = [];
  const store = countingStore(tableSnapshotStore({ production: PRODUCTION, 'reference.blue': REFERENCE, 'reference.green': REFERENCE }), opens);
  const logistic = (w: number): MemoryUpstream => ({ predict: (r) => 1 / (1 + Math.exp(-w * (Number(r['a']) - Number(r['b'])))), latencyMs: () => 2 });
  const { rig } = memoryRig(clock, { blue: logistic(3), green: logistic(3), twin: logistic(3) });
  const { serving, load } = memoryServing(pings, plans);
  const writer = memoryWriter();
  const models = memoryModelStore({ blue: { verified: true, weights: [3, -3] }, green: { verified: true, weights: [3, -3] } });
  await rehearse({
    file: { path: '/s.yaml', scenario: parsed.scenario },
    ...memoryEnvironment(models, store, { clock, rollout: rig, serving, load: load as never }),
    log: new EventLog(clock, [writer]),
  });
  return { events: writer.events, opens, pings: pings.n, plans };
}

const of = <K extends RunEvent['kind']>(events: readonly RunEvent[], kind: K): EventOfKind<K>[] => events.filter((e): e is EventOfKind<K> => e.kind === kind);

describe('one run, one data path', () => {
  it('opens production and each reference once, and asks whether Docker answers once', async () => {
    const { events, opens, pings } = await oneRun();
    expect(of(events, 'phase.finished').map((e) => [e.phase, e.outcome])).toEqual([
      ['preflight', 'ok'],
      ['replay', 'ok'],
      ['load', 'ok'],
      ['rollout', 'ok'],
    ]);
    expect([...opens].sort()).toEqual(['production', 'reference.blue', 'reference.green']);
    expect(of(events, 'snapshot.opened').map((e) => e.role)).toEqual(['production', 'reference.blue', 'reference.green']);
    expect(pings).toBe(1);
    expect(of(events, 'run.backends')).toEqual([
      expect.objectContaining({
        docker: { available: true, reason: null },
        profiles: [
          { profile: 'staging', wanted: 'docker', backend: 'docker' },
          { profile: 'production', wanted: 'docker', backend: 'docker' },
        ],
        serving: 'docker',
      }),
    ]);
    expect(of(events, 'lock.compared').map((e) => e.backend)).toEqual(['docker', 'docker']);
    expect(of(events, 'load.result').map((e) => [e.profile, e.backend])).toEqual([
      ['staging', 'docker'],
      ['production', 'docker'],
    ]);
  });

  it("sends production's window in the load, read once for both profiles", async () => {
    const { plans } = await oneRun();
    expect(plans).toHaveLength(2);
    const [payload, again] = plans.map((p) => p.payload);
    if (payload?.kind !== 'records' || again?.kind !== 'records') {
      throw new Error(`expected records, got ${payload?.kind}`);
    }
    // The same records, read once: not a second read of the snapshot for the second profile.
    expect(again.records).toBe(payload.records);
    expect(payload.description).toMatch(/^snapshot memory:production \[2001-03-01T00:00:00, 2001-03-09T00:00:00\), \d+ rows in event order$/);
    expect(Math.min(...payload.eventTimes)).toBe(Date.UTC(2001, 2, 1));
    expect(payload.records[0]).toEqual({ a: PRODUCTION.columns['a']![72], b: PRODUCTION.columns['b']![72] });
  });

  it("compares the rollout's steps with the replay's reference of green", async () => {
    const { events } = await oneRun();
    const steps = of(events, 'rollout.step');
    expect(steps.length).toBeGreaterThan(0);
    const drift = steps.map((s) => s.metrics.inputDrift);
    expect(drift.every((d) => d !== null && Number.isFinite(d.maxPsi) && ['a', 'b'].includes(d.feature))).toBe(true);
  });

  it('decides every check in the spine, after the phases it reads, never inside a phase', async () => {
    const { events } = await oneRun();
    const resolved = of(events, 'check.resolved');
    expect(resolved.map((e) => e.check.id).sort()).toEqual(CHECK_RESOLVERS.map((r) => r.id).sort());
    // No check is resolved while a phase runs.
    let running: string | null = null;
    for (const event of events) {
      if (event.kind === 'phase.started') {
        running = event.phase;
      } else if (event.kind === 'phase.finished') {
        running = null;
      } else if (event.kind === 'check.resolved') {
        expect(running, `${event.check.id} resolved inside ${running}`).toBeNull();
      }
    }
    const finishedAt = new Map(of(events, 'phase.finished').map((e) => [e.phase, e.seq]));
    const scenario = parseScenarioText(SCENARIO, 's.yaml');
    for (const check of resolved) {
      const resolver = CHECK_RESOLVERS.find((r) => r.id === check.check.id)!;
      for (const phase of resolver.phases(scenario.ok ? scenario.scenario : (undefined as never))) {
        expect(check.seq).toBeGreaterThan(finishedAt.get(phase) ?? 0);
      }
    }
    expect(resolved.find((e) => e.check.id === 'rollback-readiness')?.check.status).toBe('PASS');
  });
});

describe("the load's records for a model fed by input name", () => {
  it('carry each mapped column under its input name, as a server of that bare model reads them', async () => {
    const parsed = parseScenarioText(
      `name: by-name\nmodels:\n  blue:\n    path: blue\n    inputs: { x: a }\nsnapshots:\n  production:\n    path: s\n    timestamp: t\n    label: y\n    from: 2001-03-01\nload:\n  peakRps: 5\n  duration: 1s\n`,
      's.yaml',
    );
    if (!parsed.ok) {
      throw new Error(JSON.stringify(parsed.issues));
    }
    const plans: LoadPlan[] = [];
    const { serving, load } = memoryServing({ n: 0 }, plans);
    await rehearse({
      file: { path: '/s.yaml', scenario: parsed.scenario },
      ...memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1] } }), tableSnapshotStore({ production: PRODUCTION }), {
        serving,
        load: load as never,
      }),
      log: new EventLog(steppingClock(), []),
    });
    const payload = plans[0]!.payload;
    expect(payload.kind === 'records' && payload.records[0]).toEqual({ x: PRODUCTION.columns['a']![72] });
    expect(payload.kind === 'records' && payload.description).toMatch(/as the model's inputs \(x <- a\)$/);
  });
});
