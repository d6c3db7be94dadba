/**
 * Run control: the commands a person gives a running rehearsal from the desktop app,
 * and the event that records each one. Commands are plain data; the run spine and its phases
 * consult them between chunks and windows (engine/common/run/control.ts).
 */

/** How fast event time passes against real time: 1x to 1000x, or as fast as the machine allows. */
export type RunSpeed = 1 | 10 | 100 | 1000 | 'max';

/**
 * A command to a run. `step` lets a paused run go on by one unit (a chunk of the score phase
 * today, an event-time window of the replay later) and pause again; `promote` and `rollback`
 * are decisions for the rollout phase, which takes them at its next step.
 */
export type RunCommand =
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'step' }
  | { readonly kind: 'speed'; readonly speed: RunSpeed }
  | { readonly kind: 'promote' }
  | { readonly kind: 'rollback'; readonly reason?: string }
  | { readonly kind: 'stop' };

/** The kinds of command, for lists of what a run accepts now. */
export type RunCommandKind = RunCommand['kind'];

/**
 * What became of a command: `applied` (it changed the run), `queued` (a later phase will act on
 * it: a rollout decision before the rollout step), `recorded` (kept in the log, but nothing in
 * this run can act on it, e.g. a roll back in a run without a rollout phase), `ignored` (it
 * changed nothing: resume when not paused).
 */
export type ControlEffect = 'applied' | 'queued' | 'recorded' | 'ignored';

/** A command the run received, at the event time the run had reached. */
export interface RunControlled {
  readonly kind: 'run.control';
  readonly command: RunCommand;
  readonly effect: ControlEffect;
  /** One sentence for people: what the command did, or why it did nothing. */
  readonly note: string;
}
