/**
 * Progress of one long task as `progress` events: a first step at 0, then one each
 * time another fiftieth of the total is done, and the last at the end, so a run of millions of
 * rows adds about fifty lines to its log, never one per chunk.
 */
import type { Progress } from '../../../contract/events';
import type { EventLog } from './eventLog';

/** Steps recorded over a task of known size. */
const STEPS = 50;
/** Without a known total, a step every this many advances. */
const UNSIZED_EVERY = 16;

/** One task's progress, appended to the log as it goes. */
export class ProgressTask {
  private done = 0;
  private advances = 0;
  private next: number;

  constructor(
    private readonly log: EventLog,
    private readonly task: Omit<Progress, 'kind' | 'done'>,
    eventTime?: number,
  ) {
    this.next = task.total === null ? Number.POSITIVE_INFINITY : task.total / STEPS;
    this.append(eventTime);
  }

  /** Adds `amount` done; appends a step when another fiftieth is done. */
  advance(amount: number, eventTime?: number): void {
    this.done += amount;
    this.advances += 1;
    const due = this.task.total === null ? this.advances % UNSIZED_EVERY === 0 : this.done >= this.next;
    if (due) {
      if (this.task.total !== null) {
        this.next = (Math.floor((this.done * STEPS) / this.task.total) + 1) * (this.task.total / STEPS);
      }
      this.append(eventTime);
    }
  }

  /** The task is over: appends its last step unless it was just appended. */
  finish(eventTime?: number): void {
    const last = this.log.events.at(-1);
    if (last?.kind === 'progress' && last.task === this.task.task && last.done === this.done) {
      return;
    }
    this.append(eventTime);
  }

  private append(eventTime?: number): void {
    this.log.append({ kind: 'progress', ...this.task, done: this.done }, eventTime);
  }
}
