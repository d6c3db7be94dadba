/**
 * The rollout as a pure state machine: commands in, a new state and effects out. Every path to
 * an abort ends at blue 100% whatever the state (mid-step, during a weight change, during or after
 * promotion), and a second abort changes nothing, so abort is idempotent by construction.
 */
import type { RolloutStepSpec } from '../scenario/sections/rollout';
import type { GateOutcome } from './gates';
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

/** Before the first step: all traffic on blue. */
export const INITIAL_ROLLOUT: RolloutState = { status: 'pending', stepIndex: 0, weights: weightsFor(0), abortReason: null };

/** Applies one command. Commands that make no sense in a state change nothing. */
export function transition(state: RolloutState, steps: readonly RolloutStepSpec[], command: RolloutCommand): { state: RolloutState; effects: RolloutEffect[] } {
  if (state.status === 'aborted') {
    return { state, effects: [] };
  }
  if (command.type === 'abort') {
    const back = weightsFor(0);
    return {
      state: { ...state, status: 'aborted', weights: back, abortReason: command.reason },
      effects: [
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
      return state.status === 'pending' ? enterStep({ ...state, status: 'progressing' }, steps, 0) : { state, effects: [] };
    case 'step-done': {
      if (state.status !== 'progressing') {
        return { state, effects: [] };
      }
      if (command.outcome === 'fail') {
        return transition(state, steps, { type: 'abort', reason: `analysis at step ${state.stepIndex + 1} failed` });
      }
      if (command.outcome === 'inconclusive') {
        return { state: { ...state, status: 'awaiting-promotion' }, effects: [{ type: 'await-person', index: state.stepIndex, why: 'the analysis was inconclusive' }] };
      }
      return enterStep(state, steps, state.stepIndex + 1);
    }
    case 'promote': {
      if (command.full || state.status === 'pending') {
        return promoteFully(state);
      }
      if (state.status === 'awaiting-promotion') {
        return enterStep({ ...state, status: 'progressing' }, steps, state.stepIndex + 1);
      }
      return { state, effects: [] };
    }
  }
}

/** Runs steps from `index`: weight changes apply at once; a pause without duration waits for a person. */
function enterStep(state: RolloutState, steps: readonly RolloutStepSpec[], index: number): { state: RolloutState; effects: RolloutEffect[] } {
  if (index >= steps.length) {
    return promoteFully({ ...state, stepIndex: index });
  }
  const step = steps[index]!;
  const next: RolloutState = { ...state, stepIndex: index };
  if ('setWeight' in step) {
    const weights = weightsFor(step.setWeight);
    return { state: { ...next, weights }, effects: [{ type: 'set-weights', weights, reason: `step ${index + 1}: setWeight ${step.setWeight}` }, { type: 'run-step', index, step }] };
  }
  if ('pause' in step && step.pause.duration === undefined) {
    return { state: { ...next, status: 'awaiting-promotion' }, effects: [{ type: 'await-person', index, why: 'the plan pauses until a person promotes' }] };
  }
  return { state: next, effects: [{ type: 'run-step', index, step }] };
}

function promoteFully(state: RolloutState): { state: RolloutState; effects: RolloutEffect[] } {
  const full = weightsFor(100);
  return {
    state: { ...state, status: 'promoted', weights: full },
    effects: [
      { type: 'set-weights', weights: full, reason: 'promoted' },
      { type: 'finished', status: 'promoted' },
    ],
  };
}
