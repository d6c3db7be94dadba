/**
 * The rollout as a pure state machine: commands in, a new state and effects out. Every path to
 * an abort ends at blue 100% whatever the state (mid-step, during a weight change, during or after
 * promotion), and a second abort changes nothing, so abort is idempotent by construction.
 *
 * Steps follow Argo Rollouts' canary steps: `setWeight` changes the split at once and the plan
 * goes straight on; `pause` with a duration and `analysis` each last a stretch of event time
 * (traffic flows at the current weights meanwhile); `pause` without a duration waits for a person.
 * So the rehearsed plan and the exported `Rollout` walk the same steps.
 */
import type { GateOutcome } from '../../../contract/charts';
import type { RolloutStepSpec } from '../scenario/sections/rollout';
import { weightsFor, type RouteWeights } from './routing';

export type RolloutStatus = 'pending' | 'progressing' | 'awaiting-promotion' | 'promoted' | 'aborted';

export interface RolloutState {
  readonly status: RolloutStatus;
  /** The step running (or next to run). */
  readonly stepIndex: number;
  readonly weights: RouteWeights;
  readonly abortReason: string | null;
}

export type RolloutCommand =
  | { readonly type: 'start' }
  /** The step at `stepIndex` finished; an analysis says how. */
  | { readonly type: 'step-done'; readonly outcome?: GateOutcome }
  /** A person (or the headless rule) promotes: go on past a pause, or straight to 100%. */
  | { readonly type: 'promote'; readonly full?: boolean }
  | { readonly type: 'abort'; readonly reason: string };

export type RolloutEffect =
  | { readonly type: 'set-weights'; readonly weights: RouteWeights; readonly reason: string }
  | { readonly type: 'run-step'; readonly index: number; readonly step: RolloutStepSpec }
  | { readonly type: 'await-person'; readonly index: number; readonly why: string }
  | { readonly type: 'stop-green-later'; readonly reason: string }
  | { readonly type: 'finished'; readonly status: 'promoted' | 'aborted' };

/** One transition's result. */
export interface Transition {
  readonly state: RolloutState;
  readonly effects: RolloutEffect[];
}

/** Before the first step: all traffic on blue. */
export const INITIAL_ROLLOUT: RolloutState = { status: 'pending', stepIndex: 0, weights: weightsFor(0), abortReason: null };

/** Applies one command. Commands that make no sense in a state change nothing. */
export function transition(state: RolloutState, steps: readonly RolloutStepSpec[], command: RolloutCommand): Transition {
  if (state.status === 'aborted') {
    return { state, effects: [] };
  }
  if (command.type === 'abort') {
    const back = weightsFor(0);
    return {
      state: { ...state, status: 'aborted', weights: back, abortReason: command.reason },
      effects: [
        // Sent even when the weights already read blue 100%: a weight change may be on its way
        // to the router, and this one must land after it (the rig applies changes in order).
        { type: 'set-weights', weights: back, reason: `abort: ${command.reason}` },
        { type: 'stop-green-later', reason: command.reason },
        { type: 'finished', status: 'aborted' },
      ],
    };
  }
  if (state.status === 'promoted') {
    return { state, effects: [] };
  }
  switch (command.type) {
    case 'start':
      return state.status === 'pending' ? enterStep({ ...state, status: 'progressing' }, steps, 0, []) : { state, effects: [] };
    case 'step-done': {
      if (state.status !== 'progressing') {
        return { state, effects: [] };
      }
      if (command.outcome === 'fail') {
        return transition(state, steps, { type: 'abort', reason: `analysis at step ${state.stepIndex + 1} failed` });
      }
      if (command.outcome === 'inconclusive') {
        return {
          state: { ...state, status: 'awaiting-promotion' },
          effects: [{ type: 'await-person', index: state.stepIndex, why: 'the analysis was inconclusive' }],
        };
      }
      return enterStep(state, steps, state.stepIndex + 1, []);
    }
    case 'promote': {
      if (command.full || state.status === 'pending') {
        return promoteFully(state, []);
      }
      if (state.status === 'awaiting-promotion') {
        return enterStep({ ...state, status: 'progressing' }, steps, state.stepIndex + 1, []);
      }
      return { state, effects: [] };
    }
  }
}

/**
 * Runs steps from `index`: weight changes apply at once and the plan goes on, a timed pause or
 * an analysis runs, a pause without duration waits for a person.
 */
function enterStep(state: RolloutState, steps: readonly RolloutStepSpec[], index: number, effects: RolloutEffect[]): Transition {
  let current: RolloutState = { ...state, status: 'progressing' };
  for (let i = index; i < steps.length; i++) {
    const step = steps[i]!;
    current = { ...current, stepIndex: i };
    if ('setWeight' in step) {
      const weights = weightsFor(step.setWeight);
      if (weights.green !== current.weights.green) {
        effects.push({ type: 'set-weights', weights, reason: `step ${i + 1}: setWeight ${step.setWeight}` });
        current = { ...current, weights };
      }
      continue;
    }
    if ('pause' in step && step.pause.duration === undefined) {
      return {
        state: { ...current, status: 'awaiting-promotion' },
        effects: [...effects, { type: 'await-person', index: i, why: 'the plan pauses until a person promotes' }],
      };
    }
    return { state: current, effects: [...effects, { type: 'run-step', index: i, step }] };
  }
  return promoteFully({ ...current, stepIndex: steps.length }, effects);
}

function promoteFully(state: RolloutState, effects: RolloutEffect[]): Transition {
  const full = weightsFor(100);
  return {
    state: { ...state, status: 'promoted', weights: full },
    effects: [
      ...effects,
      ...(state.weights.green === 100 ? [] : [{ type: 'set-weights' as const, weights: full, reason: 'promoted' }]),
      { type: 'finished', status: 'promoted' },
    ],
  };
}
