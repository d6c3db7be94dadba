/**
 * The rollout machine bound to a running rig. Commands change the machine's state at
 * once (synchronously), and their effects go to the rig in the order they were made, so an abort
 * that arrives while a weight change is on its way lands after it: the end state is blue 100%
 * whatever the timing. An abort cancels the changes still queued behind that one (a promotion's
 * 90% then 100%): none of them reaches the router after the abort was decided. A second abort returns the first one's retreat. Nothing here waits on a
 * timer; the retreat is timed with the injected Clock.
 */
import type { GateOutcome } from '../../../contract/charts';
import type { RouteWeights } from '../../../contract/events';
import type { Clock } from '../ports/clock';
import type { RunningRig } from '../ports/rolloutRig';
import type { RolloutStepSpec } from '../scenario/sections/rollout';
import { INITIAL_ROLLOUT, transition, type RolloutCommand, type RolloutEffect, type RolloutState } from './machine';

/** What the machine asks of the phase after a command. */
export type Next =
  | { readonly type: 'run-step'; readonly index: number; readonly step: RolloutStepSpec }
  | { readonly type: 'await-person'; readonly index: number; readonly why: string }
  | { readonly type: 'finished'; readonly status: 'promoted' | 'aborted' }
  | { readonly type: 'none' };

/** A retreat to blue: when it was decided and when the router confirmed it, on the Clock's monotonic time. */
export interface Retreat {
  readonly reason: string;
  readonly decidedAt: number;
  /** Resolves with the monotonic time the router confirmed blue 100%. */
  readonly confirmed: Promise<number>;
}

/** Drives the machine against a rig. */
export class RolloutDriver {
  private machine: RolloutState = INITIAL_ROLLOUT;
  private applying: Promise<unknown> = Promise.resolve();
  private retreat: Retreat | null = null;
  private confirmedWeights: RouteWeights = INITIAL_ROLLOUT.weights;
  private greenSince: number | null = null;
  /** Bumped by an abort: a weight change queued under an older epoch is dropped, not sent. */
  private epoch = 0;

  constructor(
    private readonly steps: readonly RolloutStepSpec[],
    private readonly rig: RunningRig,
    private readonly clock: Clock,
    private readonly abortDelayMs: number,
  ) {}

  /** The machine's state now (weights as decided, perhaps not yet confirmed by the router). */
  get state(): RolloutState {
    return this.machine;
  }

  /** The weights the router last confirmed. */
  get routerWeights(): RouteWeights {
    return this.confirmedWeights;
  }

  /** Monotonic time the router first confirmed green above 0%, or null. */
  get greenTrafficSince(): number | null {
    return this.greenSince;
  }

  /** The retreat, once an abort was decided. */
  get aborted(): Retreat | null {
    return this.retreat;
  }

  /** Applies a command; resolves once its weight changes are confirmed, with what to do next. */
  async command(command: RolloutCommand): Promise<Next> {
    if (command.type === 'abort') {
      await this.abort(command.reason).confirmed;
      return { type: 'finished', status: 'aborted' };
    }
    const { effects } = this.apply(command);
    await this.applying;
    return nextOf(effects);
  }

  /**
   * Decides the retreat now: the machine is at blue 100% from this call on, and the router's
   * change is queued behind any still on its way. Idempotent: later calls return the first retreat.
   */
  abort(reason: string): Retreat {
    if (this.retreat !== null) {
      return this.retreat;
    }
    const decidedAt = this.clock.monotonic();
    this.epoch += 1;
    const { state } = this.apply({ type: 'abort', reason });
    if (state.status !== 'aborted') {
      throw new Error('the rollout machine refused an abort');
    }
    this.retreat = { reason, decidedAt, confirmed: this.applying.then(() => this.clock.monotonic()) };
    return this.retreat;
  }

  /** Green stays warm this long after an abort, then the rig stops it. */
  get greenStopDelayMs(): number {
    return this.abortDelayMs;
  }

  private apply(command: RolloutCommand): { state: RolloutState; effects: RolloutEffect[] } {
    const before = this.machine;
    const result = transition(before, this.steps, command);
    this.machine = result.state;
    for (const effect of result.effects) {
      if (effect.type === 'set-weights') {
        const { weights, reason } = effect;
        const epoch = this.epoch;
        // Each change waits for the one before, whether it worked or not: a failed change must
        // not keep an abort from trying. One still queued when an abort came is dropped.
        this.applying = this.applying
          .catch(() => undefined)
          .then(async () => {
            if (epoch !== this.epoch) {
              return;
            }
            this.confirmedWeights = await this.rig.setWeights(weights, reason);
            if (this.greenSince === null && this.confirmedWeights.green > 0) {
              this.greenSince = this.clock.monotonic();
            }
          });
      } else if (effect.type === 'stop-green-later') {
        // After the retreat is confirmed: green keeps answering what is still on its way meanwhile.
        this.applying = this.applying.then(() => this.rig.stopGreenLater(this.abortDelayMs));
      }
    }
    return result;
  }
}

function nextOf(effects: readonly RolloutEffect[]): Next {
  for (const effect of effects) {
    if (effect.type === 'run-step' || effect.type === 'await-person' || effect.type === 'finished') {
      return effect;
    }
  }
  return { type: 'none' };
}

/** The outcome an analysis gives the machine. */
export function stepDone(outcome?: GateOutcome): RolloutCommand {
  return outcome === undefined ? { type: 'step-done' } : { type: 'step-done', outcome };
}
