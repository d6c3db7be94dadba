/**
 * The run-control port: pause, resume, step, speed, promote, roll back and stop, as
 * plain data commands. The spine and the phases consult it between chunks and windows
 * (`checkpoint`); a person's commands arrive from the app at any time (`command`) and each is
 * recorded at once as a `run.control` event at the event time the run has reached, so a drill
 * or a report sees who paused or rolled back, and when.
 *
 * Pacing: at speed s, a chunk or window that starts t ms of event time after the pacing anchor
 * is not begun before t / s ms of real time after it. Real time comes from the injected Clock
 * and waiting from the injected Scheduler (STYLE.md 3): this file has no timers.
 */
import type { ControlEffect, PhaseId, RunCommand, RunCommandKind, RunSpeed } from '../../../contract/events';
import type { ControlReceipt } from '../../../contract/rehearsalApi';
import type { RunControlState } from '../../../contract/runView';
import type { Clock } from '../ports/clock';
import type { Scheduler } from '../ports/scheduler';
import type { EventLog } from './eventLog';

/** A decision a person made for the rollout, for the rollout phase to take at its next step. */
export interface RolloutDecision {
  readonly kind: 'promote' | 'rollback';
  readonly reason: string | null;
  /** The event time (ms) the run had reached when the person decided; null before any. */
  readonly eventTime: number | null;
}

/** What to do before a chunk or window: go on, or stop (the run was told to). */
export type CheckpointOutcome = 'continue' | 'stop';

const RUNNING: readonly RunCommandKind[] = ['pause', 'speed', 'promote', 'rollback', 'stop'];
const PAUSED: readonly RunCommandKind[] = ['resume', 'step', 'speed', 'promote', 'rollback', 'stop'];

/** The controls of one run. Create one per run; the spine attaches it to the run's log. */
export class RunControl {
  private paused = false;
  private steps = 0;
  private speed: RunSpeed;
  private stopRequested = false;
  private finished = false;
  private phase: PhaseId | null = null;
  private readonly done = new Set<PhaseId>();
  private phases: readonly PhaseId[] = [];
  private log: EventLog | null = null;
  private readonly early: RunCommand[] = [];
  private position: number | null = null;
  private anchor: { readonly event: number; readonly real: number } | null = null;
  private readonly decisions: RolloutDecision[] = [];
  private waking: (() => void) | null = null;
  private readonly stopListeners = new Set<() => void>();

  constructor(
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    options: { readonly speed?: RunSpeed } = {},
  ) {
    this.speed = options.speed ?? 'max';
  }

  /** Gives the run a command; records it in the log (once the run has started) and says what it did. */
  command(command: RunCommand): ControlReceipt {
    if (this.finished) {
      return { command, effect: 'ignored', note: 'the run has finished' };
    }
    if (this.log === null) {
      this.early.push(command);
      return { command, effect: 'queued', note: 'the run has not started yet; the command applies when it does' };
    }
    const receipt = this.apply(command);
    this.log.append({ kind: 'run.control', ...receipt }, this.position ?? undefined);
    this.wake();
    return receipt;
  }

  /** Called by the spine once `run.started` is in the log: commands from now on are recorded there. */
  attach(log: EventLog, phases: readonly PhaseId[]): void {
    this.log = log;
    this.phases = phases;
    for (const command of this.early.splice(0)) {
      this.command(command);
    }
  }

  /**
   * Called between chunks and windows (and by the spine between phases): waits while the run is
   * paused (a step lets one unit through), paces event time at the chosen speed, and says
   * whether to go on. `eventTime` is where the next unit starts, in ms of the data's clock.
   */
  async checkpoint(eventTime?: number): Promise<CheckpointOutcome> {
    if (eventTime !== undefined) {
      this.position = eventTime;
    }
    for (;;) {
      if (this.stopped()) {
        return 'stop';
      }
      if (this.paused) {
        if (this.steps > 0) {
          this.steps -= 1;
          this.anchor = null;
          return 'continue';
        }
        await this.wait(null);
        continue;
      }
      if (this.speed === 'max' || eventTime === undefined) {
        return 'continue';
      }
      const now = this.clock.monotonic();
      if (this.anchor === null) {
        this.anchor = { event: eventTime, real: now };
        return 'continue';
      }
      const due = this.anchor.real + (eventTime - this.anchor.event) / this.speed;
      if (due <= now) {
        return 'continue';
      }
      await this.wait(due - now);
    }
  }

  /** Calls `listener` when the run is told to stop (once); returns its removal. */
  onDidStop(listener: () => void): () => void {
    this.stopListeners.add(listener);
    return () => this.stopListeners.delete(listener);
  }

  /** True once the run was told to stop (from the app, or by the caller's own stop, e.g. Ctrl-C). */
  stopped(): boolean {
    return this.stopRequested;
  }

  /** The next decision for the rollout, oldest first; undefined when there is none. */
  takeDecision(): RolloutDecision | undefined {
    return this.decisions.shift();
  }

  /** The spine entered a phase. */
  enterPhase(phase: PhaseId): void {
    this.phase = phase;
  }

  /** The spine left a phase (however it ended). */
  leavePhase(phase: PhaseId): void {
    this.done.add(phase);
    this.phase = null;
  }

  /** The run has ended: later commands are ignored and anything waiting is released. */
  finish(): void {
    this.finished = true;
    this.phase = null;
    this.wake();
  }

  /** The controls as the app shows them. */
  state(): RunControlState {
    const state = this.finished ? 'finished' : this.stopRequested ? 'stopping' : this.log === null ? 'starting' : this.paused ? 'paused' : 'running';
    const accepts = state === 'finished' || state === 'stopping' ? [] : state === 'paused' ? PAUSED : RUNNING;
    return { state, speed: this.speed, phase: this.phase, accepts };
  }

  private apply(command: RunCommand): ControlReceipt {
    const receipt = (effect: ControlEffect, note: string): ControlReceipt => ({ command, effect, note });
    if (this.stopRequested && command.kind !== 'stop') {
      return receipt('ignored', 'the run is stopping');
    }
    switch (command.kind) {
      case 'pause':
        if (this.paused) {
          return receipt('ignored', 'the run is already paused');
        }
        this.paused = true;
        return receipt('applied', 'paused: the run holds before its next chunk or window');
      case 'resume':
        if (!this.paused) {
          return receipt('ignored', 'the run is not paused');
        }
        this.paused = false;
        this.steps = 0;
        this.anchor = null;
        return receipt('applied', 'resumed');
      case 'step':
        if (!this.paused) {
          return receipt('ignored', 'step moves a paused run on by one chunk or window; pause first');
        }
        this.steps += 1;
        return receipt('applied', 'the run goes on by one chunk or window, then holds again');
      case 'speed':
        this.speed = command.speed;
        this.anchor = null;
        return receipt(
          'applied',
          command.speed === 'max' ? 'event time now passes as fast as the machine allows' : `event time now passes at ${command.speed}x real time`,
        );
      case 'promote':
      case 'rollback':
        return this.decide(command.kind, command.kind === 'rollback' ? (command.reason ?? null) : null, receipt);
      case 'stop':
        if (this.stopRequested) {
          return receipt('ignored', 'the run is already stopping');
        }
        this.stopRequested = true;
        // The step under way is cancelled (a query interrupted), not waited for.
        for (const listener of this.stopListeners) {
          listener();
        }
        return receipt('applied', 'the run stops: the current step is cancelled, and the report is still written');
    }
  }

  private decide(kind: 'promote' | 'rollback', reason: string | null, receipt: (effect: ControlEffect, note: string) => ControlReceipt): ControlReceipt {
    const what = kind === 'promote' ? 'promote' : 'roll back';
    if (!this.phases.includes('rollout')) {
      return receipt('recorded', `recorded in the log; this run has no rollout phase, so there is no traffic split to ${what}`);
    }
    if (this.done.has('rollout')) {
      return receipt('recorded', `recorded in the log; the rollout has already ended, so there is nothing left to ${what}`);
    }
    this.decisions.push({ kind, reason, eventTime: this.position });
    return receipt('queued', `the rollout phase takes the ${what} at its next step`);
  }

  /** Waits `ms` of real time, or until a command arrives (null: only a command ends it). */
  private wait(ms: number | null): Promise<void> {
    return new Promise<void>((resolve) => {
      let cancel = (): void => undefined;
      const done = (): void => {
        cancel();
        this.waking = null;
        resolve();
      };
      this.waking = done;
      if (ms !== null) {
        cancel = this.scheduler.schedule(ms, done);
      }
    });
  }

  private wake(): void {
    this.waking?.();
  }
}
