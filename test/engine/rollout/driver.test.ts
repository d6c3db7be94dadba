import { describe, expect, it } from 'vitest';
import type { RouteWeights } from '../../../src-main/contract/events';
import type { RunningRig } from '../../../src-main/engine/common/ports/rolloutRig';
import { RolloutDriver } from '../../../src-main/engine/common/rollout/rolloutDriver';
import type { RolloutStepSpec } from '../../../src-main/engine/common/scenario/sections/rollout';
import { steppingClock } from '../../support/memoryPorts';

/** A rig whose weight changes wait until the test lets each one through, in the order they came. */
function gatedRig() {
  const pending: { weights: RouteWeights; reason: string; release: () => void }[] = [];
  const applied: number[] = [];
  const stops: number[] = [];
  const rig: RunningRig = {
    routerUrl: 'memory://',
    setWeights: (weights, reason) =>
      new Promise((resolve) => {
        pending.push({ weights, reason, release: () => (applied.push(weights.green), resolve(weights)) });
      }),
    send: async () => [],
    setGreenFaults: async (f) => f,
    stopGreenLater: (ms) => void stops.push(ms),
    blueProbes: () => ({ total: 0, failed: 0 }),
    close: async () => undefined,
  };
  return { rig, pending, applied, stops };
}

const steps: RolloutStepSpec[] = [{ setWeight: 30 }, { pause: { duration: 1000 } }, { setWeight: 100 }];
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('rollout driver', () => {
  it('an abort during a weight change lands after it: the router ends at blue 100%', async () => {
    const { rig, pending, applied, stops } = gatedRig();
    const driver = new RolloutDriver(steps, rig, steppingClock(), 1500);
    const started = driver.command({ type: 'start' });
    await tick();
    expect(pending.map((p) => p.weights.green)).toEqual([30]);
    // The person presses roll back while the router has not confirmed 30% yet.
    const retreat = driver.abort('on-call');
    expect(driver.state).toMatchObject({ status: 'aborted', weights: { blue: 100, green: 0 } });
    pending[0]!.release();
    await started;
    await tick();
    expect(pending.map((p) => p.weights.green)).toEqual([30, 0]);
    pending[1]!.release();
    const confirmedAt = await retreat.confirmed;
    expect(applied).toEqual([30, 0]);
    expect(driver.routerWeights).toEqual({ blue: 100, green: 0 });
    expect(confirmedAt).toBeGreaterThan(retreat.decidedAt);
    await tick();
    expect(stops).toEqual([1500]);
  });

  it('aborting twice returns the first retreat and sends one change', async () => {
    const { rig, pending } = gatedRig();
    const driver = new RolloutDriver(steps, rig, steppingClock(), 0);
    const first = driver.abort('first');
    const second = driver.abort('second');
    expect(second).toBe(first);
    await tick();
    expect(pending).toHaveLength(1);
    pending[0]!.release();
    await Promise.all([first.confirmed, driver.command({ type: 'abort', reason: 'third' })]);
    expect(pending).toHaveLength(1);
    expect(driver.state.abortReason).toBe('first');
  });

  it('a weight change that fails does not keep the abort from trying', async () => {
    let calls = 0;
    const rig: RunningRig = {
      routerUrl: 'memory://',
      setWeights: async (weights) => {
        calls += 1;
        if (weights.green > 0) {
          throw new Error('router down');
        }
        return weights;
      },
      send: async () => [],
      setGreenFaults: async (f) => f,
      stopGreenLater: () => undefined,
      blueProbes: () => ({ total: 0, failed: 0 }),
      close: async () => undefined,
    };
    const driver = new RolloutDriver(steps, rig, steppingClock(), 0);
    await expect(driver.command({ type: 'start' })).rejects.toThrow('router down');
    await driver.abort('after the failure').confirmed;
    expect(calls).toBe(2);
    expect(driver.routerWeights).toEqual({ blue: 100, green: 0 });
  });

  it('an abort during a promotion cancels the queued weight changes: after 90% is confirmed, the next sent is the retreat, never 100%', async () => {
    const { rig, pending, applied } = gatedRig();
    const promotion: RolloutStepSpec[] = [{ setWeight: 30 }, { pause: {} }, { setWeight: 90 }, { setWeight: 100 }];
    const driver = new RolloutDriver(promotion, rig, steppingClock(), 0);
    const started = driver.command({ type: 'start' });
    await tick();
    pending[0]!.release();
    expect(await started).toMatchObject({ type: 'await-person' });
    // The person promotes: 90% goes to the router, 100% is queued behind it; then the abort.
    const promoting = driver.command({ type: 'promote' });
    await tick();
    expect(pending.map((p) => p.weights.green)).toEqual([30, 90]);
    const retreat = driver.abort('abort while promoting');
    pending[1]!.release();
    await tick();
    expect(pending.map((p) => p.weights.green)).toEqual([30, 90, 0]);
    pending[2]!.release();
    await Promise.all([promoting, retreat.confirmed]);
    await tick();
    expect(applied).toEqual([30, 90, 0]);
    expect(pending).toHaveLength(3);
    expect(driver.routerWeights).toEqual({ blue: 100, green: 0 });
  });
});
