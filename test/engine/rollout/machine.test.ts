import { describe, expect, it } from 'vitest';
import { INITIAL_ROLLOUT, transition, type RolloutCommand, type RolloutState } from '../../../src-main/engine/common/rollout/machine';
import type { RolloutStepSpec } from '../../../src-main/engine/common/scenario/sections/rollout';

const steps: RolloutStepSpec[] = [
  { setWeight: 10 },
  { analysis: { failureLimit: 0, inconclusiveLimit: 0 } },
  { setWeight: 50 },
  { pause: {} },
  { setWeight: 100 },
];

function run(commands: RolloutCommand[], from: RolloutState = INITIAL_ROLLOUT) {
  let state = from;
  const effects = [];
  for (const command of commands) {
    const next = transition(state, steps, command);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

describe('rollout state machine', () => {
  it('walks the plan: weights change at setWeight, a pause without duration waits for a person', () => {
    const { state, effects } = run([{ type: 'start' }, { type: 'step-done' }, { type: 'step-done', outcome: 'pass' }, { type: 'step-done' }]);
    expect(state).toMatchObject({ status: 'awaiting-promotion', stepIndex: 3, weights: { blue: 50, green: 50 } });
    expect(effects.filter((e) => e.type === 'set-weights').map((e) => e.type === 'set-weights' && e.weights.green)).toEqual([10, 50]);
    const done = run([{ type: 'promote' }, { type: 'step-done' }], state);
    expect(done.state).toMatchObject({ status: 'promoted', weights: { blue: 0, green: 100 } });
  });

  it('aborts on a failed analysis: blue 100% at once, green stopped later', () => {
    const { state, effects } = run([{ type: 'start' }, { type: 'step-done' }, { type: 'step-done', outcome: 'fail' }]);
    expect(state).toMatchObject({ status: 'aborted', weights: { blue: 100, green: 0 }, abortReason: 'analysis at step 2 failed' });
    expect(effects.slice(-3).map((e) => e.type)).toEqual(['set-weights', 'stop-green-later', 'finished']);
  });

  it('an inconclusive analysis waits for a person', () => {
    const { state, effects } = run([{ type: 'start' }, { type: 'step-done' }, { type: 'step-done', outcome: 'inconclusive' }]);
    expect(state.status).toBe('awaiting-promotion');
    expect(effects.at(-1)).toEqual({ type: 'await-person', index: 1, why: 'the analysis was inconclusive' });
  });

  it.each<[string, RolloutCommand[]]>([
    ['before start', []],
    ['mid-step', [{ type: 'start' }]],
    ['during a weight change', [{ type: 'start' }, { type: 'step-done' }, { type: 'step-done' }]],
    ['while awaiting promotion', [{ type: 'start' }, { type: 'step-done' }, { type: 'step-done' }, { type: 'step-done' }]],
    ['after promotion', [{ type: 'promote', full: true }]],
  ])('abort %s ends at blue 100%, and a second abort changes nothing', (_when, before) => {
    const first = run([...before, { type: 'abort', reason: 'first' }]);
    expect(first.state).toMatchObject({ status: 'aborted', weights: { blue: 100, green: 0 }, abortReason: 'first' });
    const second = transition(first.state, steps, { type: 'abort', reason: 'second' });
    expect(second).toEqual({ state: first.state, effects: [] });
    expect(transition(first.state, steps, { type: 'promote', full: true }).effects).toEqual([]);
  });

  it('ignores step-done when no step runs', () => {
    expect(transition(INITIAL_ROLLOUT, steps, { type: 'step-done' })).toEqual({ state: INITIAL_ROLLOUT, effects: [] });
  });
});
