/**
 * The abort paths, each on its own (they are where rollout tools had their bugs), on real
 * model servers behind the real router: abort twice, abort during a weight change, green crashing
 * mid-step, and the router dying and coming back. Each ends at blue 100% with no deadlock.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventOfKind, RunEvent } from '../../src-main/contract/events';
import type { RigEvent } from '../../src-main/engine/common/ports/rolloutRig';
import { RolloutDriver } from '../../src-main/engine/common/rollout/rolloutDriver';
import { weightsFor } from '../../src-main/engine/common/rollout/routing';
import type { RolloutStepSpec } from '../../src-main/engine/common/scenario/sections/rollout';
import { startRig, type ServerRig } from '../../src-main/engine/node/rollout/serverRig';
import { systemClock } from '../../src-main/engine/node/run/systemClock';
import { runScenario } from '../../src-main/engine/node/run/runScenario';
import { loadScenario } from '../../src-main/engine/node/scenario/loadScenario';
import { writeScenario } from '../support/cli';
import { FLIGHTS_3M, ROOT, tempDir } from '../support/paths';

const BLUE = join(ROOT, 'scenarios/demo/models/blue-v1');
const GREEN = join(ROOT, 'scenarios/demo/models/green-v2');
const RECORD = { date: '2001-03-01 06:05:00', distance: 337, origin: 'SFO', destination: 'LAX' };
const STEPS: RolloutStepSpec[] = [{ setWeight: 30 }, { pause: { duration: 86_400_000 } }, { setWeight: 100 }];
const traffic = (n: number) => Array.from({ length: n }, (_, i) => ({ record: { ...RECORD, distance: 150 + i * 13 }, key: null }));

let rigs: ServerRig[] = [];
afterEach(async () => {
  await Promise.all(rigs.map((r) => r.close()));
  rigs = [];
});

async function rigWithEvents(): Promise<{ rig: ServerRig; events: RigEvent[] }> {
  const events: RigEvent[] = [];
  const rig = await startRig(
    {
      blue: { model: BLUE, label: 'blue' },
      green: { model: GREEN, label: 'green' },
      twin: { maxBatch: 1, threads: 1 },
      maxBatch: 32,
      timeoutMs: 2000,
      executionProvider: 'cpu',
      allowUnverified: false,
      policy: { weights: weightsFor(0), header: { name: 'x-model-version', greenValue: 'v2' }, stickyHeader: null, shadow: false, compare: true },
      seed: 1,
    },
    (e) => events.push(e),
  );
  rigs.push(rig);
  return { rig, events };
}

async function routerGreen(rig: ServerRig): Promise<number> {
  const json = (await (await fetch(`${rig.routerUrl}/router/policy`)).json()) as { policy: { weights: { green: number } } };
  return json.policy.weights.green;
}

/** Resolves when the driver hands the rig a change to `green`% (the change is then on its way to the router). */
function handedToRouter(rig: ServerRig, green: number): Promise<void> {
  const setWeights = rig.setWeights.bind(rig);
  return new Promise((resolve) => {
    (rig as { setWeights: ServerRig['setWeights'] }).setWeights = (weights, reason) => {
      if (weights.green === green) {
        resolve();
      }
      return setWeights(weights, reason);
    };
  });
}

const weightChanges = (events: readonly RigEvent[]) => events.flatMap((e) => (e.kind === 'router.weights' ? [e.weights.green] : []));

describe('abort paths on real servers', () => {
  it('abort twice, mid-step: one retreat, blue 100%, green kept for the delay and then stopped', async () => {
    const { rig, events } = await rigWithEvents();
    const driver = new RolloutDriver(STEPS, rig, systemClock, 300);
    expect(await driver.command({ type: 'start' })).toMatchObject({ type: 'run-step', index: 1 });
    let retreats: ReturnType<RolloutDriver['abort']>[] = [];
    const sent = rig.send(traffic(60), 100, (i) => {
      if (i === 5) {
        retreats = [driver.abort('first'), driver.abort('second')];
      }
    });
    const routed = await sent;
    expect(retreats[1]).toBe(retreats[0]);
    const confirmedAt = await retreats[0]!.confirmed;
    expect(await routerGreen(rig)).toBe(0);
    expect(weightChanges(events)).toEqual([30, 0]);
    // Whatever was still on its way after the router confirmed, and everything sent since, is blue's.
    expect(routed.filter((r) => r.sentAt > confirmedAt).every((r) => r.side === 'blue' && r.status === 200)).toBe(true);
    expect((await rig.send(traffic(20), 100)).every((r) => r.side === 'blue' && r.status === 200)).toBe(true);
    const greenStopped = await rig.servers.green.exited;
    expect(greenStopped).toMatchObject({ requested: true, message: 'stopped as asked' });
    expect(events.find((e) => e.kind === 'server.stopped' && e.label === 'blue')).toBeUndefined();
  });

  it('abort during a weight change: the retreat lands after the change on its way', async () => {
    const { rig, events } = await rigWithEvents();
    const driver = new RolloutDriver(STEPS, rig, systemClock, 0);
    await driver.command({ type: 'start' });
    // The pause ends (the plan goes to 100%) and, once that change is on its way to the router but
    // before the router has confirmed it, an abort.
    const hundred = handedToRouter(rig, 100);
    const promoting = driver.command({ type: 'step-done' });
    await hundred;
    const retreat = driver.abort('abort while promoting');
    await promoting;
    await retreat.confirmed;
    expect(await routerGreen(rig)).toBe(0);
    expect(weightChanges(events)).toEqual([30, 100, 0]);
    expect(driver.state).toMatchObject({ status: 'aborted', weights: { green: 0 } });
    const after = await rig.send(traffic(10), 100);
    expect(after.every((r) => r.side === 'blue' && r.status === 200)).toBe(true);
  });

  it('abort during a promotion: the queued 100% is cancelled, the router goes from 90% straight back to blue', async () => {
    const { rig, events } = await rigWithEvents();
    const promotion: RolloutStepSpec[] = [{ setWeight: 30 }, { pause: {} }, { setWeight: 90 }, { setWeight: 100 }];
    const driver = new RolloutDriver(promotion, rig, systemClock, 0);
    expect(await driver.command({ type: 'start' })).toMatchObject({ type: 'await-person' });
    // Promote (90% on its way, 100% queued behind it) and abort before the router has confirmed 90%.
    const ninety = handedToRouter(rig, 90);
    const promoting = driver.command({ type: 'promote' });
    await ninety;
    const retreat = driver.abort('abort while promoting');
    await promoting;
    await retreat.confirmed;
    expect(await routerGreen(rig)).toBe(0);
    expect(weightChanges(events)).toEqual([30, 90, 0]);
    const after = await rig.send(traffic(10), 100);
    expect(after.every((r) => r.side === 'blue' && r.status === 200)).toBe(true);
  });

  it('the router dies mid-step: it comes back on its port with the weights it had, and an abort while it is down still lands', async () => {
    const { rig, events } = await rigWithEvents();
    const driver = new RolloutDriver(STEPS, rig, systemClock, 0);
    await driver.command({ type: 'start' });
    const during = rig.send(traffic(80), 100, (i) => {
      if (i === 10) {
        void rig.killRouter();
      }
    });
    const routed = await during;
    expect(routed.some((r) => r.side === null)).toBe(true);
    // However long the restart took on this machine, once it is back every request is served.
    await vi.waitFor(() => expect(events.some((e) => e.kind === 'router.started' && e.restart === 1)).toBe(true), { timeout: 60_000, interval: 50 });
    const after = await rig.send(traffic(5), 100);
    expect(after.map((r) => r.side === null)).toEqual([false, false, false, false, false]);
    expect(await routerGreen(rig)).toBe(30);
    expect(events.filter((e) => e.kind === 'router.stopped')[0]).toMatchObject({ requested: false, signal: 'SIGKILL' });
    expect(events.filter((e) => e.kind === 'router.started').map((e) => e.kind === 'router.started' && [e.restart, e.policy.weights.green])).toEqual([
      [0, 0],
      [1, 30],
    ]);
    // Down again, and the abort comes while it is: the change waits for the router and lands.
    const down = rig.killRouter();
    const retreat = driver.abort('router down');
    await Promise.all([down, retreat.confirmed]);
    expect(await routerGreen(rig)).toBe(0);
    expect(weightChanges(events).at(-1)).toBe(0);
  });
});

describe('green crashes mid-step', () => {
  it('the error gate rolls back between batches, blue takes the traffic, and stopping the dead green does not hang', async () => {
    const path = writeScenario(
      'crash',
      `name: green-crashes
models:
  blue: { path: ${BLUE} }
  green: { path: ${GREEN} }
snapshots:
  production: { path: ${FLIGHTS_3M}, timestamp: date, label: delay > 15, labelDelay: 1d, from: 2001-03-01, to: 2001-03-03 }
rollout:
  realRate: 100
  maxRequestsPerStep: 200
  abortDelay: 200ms
  gates: { p99LatencyMs: { max: 60000 }, minRequests: 10 }
  greenFaults: { crash: { afterRequests: 25 } }
  steps:
    - setWeight: 40
    - analysis: { gates: [errorRate] }
    - setWeight: 100
`,
    );
    const loaded = loadScenario(path);
    if (!loaded.ok) {
      throw new Error(JSON.stringify(loaded.issues));
    }
    const result = await runScenario(loaded.file, { outDir: tempDir(), printer: { unavailable: 'not needed' } });
    const events = result.events;
    const of = <K extends RunEvent['kind']>(kind: K) => events.filter((e): e is EventOfKind<K> => e.kind === kind);
    expect(of('server.crashing')[0]).toMatchObject({ label: 'green' });
    expect(of('server.stopped').find((e) => e.label === 'green')).toMatchObject({ requested: false, exitCode: 70 });
    const aborted = of('rollout.aborted')[0]!;
    expect(aborted).toMatchObject({ source: 'gate', stepIndex: 1 });
    expect(aborted.reason).toContain('errorRate failed');
    expect(of('router.weights').map((e) => e.weights.green)).toEqual([40, 0]);
    expect(of('rollout.finished')[0]).toMatchObject({ outcome: 'aborted', blueProbes: { failed: 0 } });
    const check = of('check.resolved').find((e) => e.check.id === 'rollback-readiness')!.check;
    expect(check.status).toBe('PASS');
    expect(result.inputError).toBeNull();
  });
});
