import { describe, expect, it } from 'vitest';
import { INITIAL_ROLLOUT, transition, type RolloutCommand, type RolloutEffect, type RolloutState } from '../../../src-main/engine/common/rollout/machine';
import type { RolloutStepSpec } from '../../../src-main/engine/common/scenario/sections/rollout';

const steps: RolloutStepSpec[] = [
  { setWeight: 10 },
  { analysis: { failureLimit: 0, inconclusiveLimit: 0 } },
  { setWeight: 50 },
  { pause: {} },
  { setWeight: 100 },
];

function run(commands: RolloutCommand[], from: RolloutState = INITIAL_ROLLOUT, plan: readonly RolloutStepSpec[] = steps) {
  let state = from;
  const effects: RolloutEffect[] = [];
  for (const command of commands) {
    const next = transition(state, plan, command);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

const greens = (effects: readonly RolloutEffect[]) => effects.flatMap((e) => (e.type === 'set-weights' ? [e.weights.green] : []));

describe('rollout state machine', () => {
  it('walks the plan as Argo does: setWeight at once, an analysis runs, a pause without duration waits for a person', () => {
    const started = run([{ type: 'start' }]);
    expect(started.state).toMatchObject({ status: 'progressing', stepIndex: 1, weights: { blue: 90, green: 10 } });
    expect(started.effects.map((e) => e.type)).toEqual(['set-weights', 'run-step']);
    const paused = run([{ type: 'step-done', outcome: 'pass' }], started.state);
    expect(paused.state).toMatchObject({ status: 'awaiting-promotion', stepIndex: 3, weights: { blue: 50, green: 50 } });
    expect(paused.effects.at(-1)).toEqual({ type: 'await-person', index: 3, why: 'the plan pauses until a person promotes' });
    const done = run([{ type: 'promote' }], paused.state);
    expect(done.state).toMatchObject({ status: 'promoted', weights: { blue: 0, green: 100 } });
    // setWeight 100 was the last step: promotion does not set the same weights twice.
    expect(greens(done.effects)).toEqual([100]);
    expect(done.effects.at(-1)).toEqual({ type: 'finished', status: 'promoted' });
  });

  it('aborts on a failed analysis: blue 100% at once, green stopped later', () => {
    const { state, effects } = run([{ type: 'start' }, { type: 'step-done', outcome: 'fail' }]);
    expect(state).toMatchObject({ status: 'aborted', weights: { blue: 100, green: 0 }, abortReason: 'analysis at step 2 failed' });
    expect(effects.slice(-3).map((e) => e.type)).toEqual(['set-weights', 'stop-green-later', 'finished']);
  });

  it('an inconclusive analysis waits for a person', () => {
    const { state, effects } = run([{ type: 'start' }, { type: 'step-done', outcome: 'inconclusive' }]);
    expect(state).toMatchObject({ status: 'awaiting-promotion', stepIndex: 1 });
    expect(effects.at(-1)).toEqual({ type: 'await-person', index: 1, why: 'the analysis was inconclusive' });
    expect(run([{ type: 'promote' }], state).state).toMatchObject({ status: 'awaiting-promotion', stepIndex: 3, weights: { green: 50 } });
  });

  it('a plan of weight changes only is promoted by its start', () => {
    const { state, effects } = run([{ type: 'start' }], INITIAL_ROLLOUT, [{ setWeight: 20 }, { setWeight: 100 }]);
    expect(state.status).toBe('promoted');
    expect(greens(effects)).toEqual([20, 100]);
  });

  it.each<[string, RolloutCommand[]]>([
    ['before start', []],
    ['mid-step', [{ type: 'start' }]],
    ['during a weight change', [{ type: 'start' }, { type: 'step-done' }]],
    ['while awaiting promotion', [{ type: 'start' }, { type: 'step-done' }]],
    ['after promotion', [{ type: 'promote', full: true }]],
  ])('abort %s ends at blue 100%, and a second abort changes nothing', (_when, before) => {
    const first = run([...before, { type: 'abort', reason: 'first' }]);
    expect(first.state).toMatchObject({ status: 'aborted', weights: { blue: 100, green: 0 }, abortReason: 'first' });
    // The retreat is always sent, even when the weights already read blue 100%: a change may be on its way.
    expect(first.effects.filter((e) => e.type === 'set-weights').at(-1)).toMatchObject({ weights: { blue: 100, green: 0 } });
    const second = transition(first.state, steps, { type: 'abort', reason: 'second' });
    expect(second).toEqual({ state: first.state, effects: [] });
    expect(transition(first.state, steps, { type: 'promote', full: true }).effects).toEqual([]);
  });

  it('ignores step-done when no step runs', () => {
    expect(transition(INITIAL_ROLLOUT, steps, { type: 'step-done' })).toEqual({ state: INITIAL_ROLLOUT, effects: [] });
  });
});
