/**
 * The server faults of one load, set and cleared through the server's admin endpoint at their
 * marks on the load schedule's own time. Admin calls run one after another, so a clearing never
 * overtakes the setting it clears; each call is logged with its wall-clock time.
 */
import type { ServerFaults } from '../../../contract/events';
import type { Clock } from '../ports/clock';
import type { ProfileServer } from '../ports/serving';
import type { EventLog } from '../run/eventLog';
import { faultName, type ScenarioFault } from '../scenario/sections/faults';
import { formatWallTime } from '../time/eventTime';

/** A fault as set on the server, in ms after the load's start. */
export interface AppliedFault {
  readonly index: number;
  readonly name: string;
  readonly fromMs: number;
  toMs: number | null;
}

/** A fault's body for the server, and how it was sized (a relative latency), if it was. */
export interface SizedFault {
  readonly faults: ServerFaults;
  readonly note: string | null;
}

interface Mark {
  readonly ms: number;
  readonly index: number;
  readonly set: boolean;
}

export class FaultSchedule {
  /** Marks in time order, a fault's end before the next one's start when they touch. */
  readonly marks: readonly Mark[];
  readonly applied = new Map<number, AppliedFault>();
  readonly failures: unknown[] = [];
  private admin: Promise<void> = Promise.resolve();
  private monoStart = 0;
  wallStart = 0;

  constructor(
    private readonly faults: readonly ScenarioFault[],
    private readonly sized: readonly SizedFault[],
    private readonly server: ProfileServer,
    private readonly clock: Clock,
    private readonly log: EventLog,
    private readonly label: string,
  ) {
    this.marks = faults
      .flatMap((f, index) => [
        { ms: f.at, index, set: true },
        { ms: f.at + f.for, index, set: false },
      ])
      .sort((a, b) => a.ms - b.ms || Number(a.set) - Number(b.set));
  }

  /** The load started: marks are measured from now. */
  start(): void {
    this.wallStart = this.clock.now();
    this.monoStart = this.clock.monotonic();
  }

  /**
   * The load reached mark k, `elapsedMs` after its schedule started: queue its admin call. The
   * origin is taken from the schedule itself, so a fault is never timed as set before its mark.
   */
  reach(k: number, elapsedMs: number): void {
    this.monoStart = this.clock.monotonic() - elapsedMs;
    this.wallStart = this.clock.now() - elapsedMs;
    const mark = this.marks[k]!;
    this.queue(() => (mark.set ? this.set(mark.index) : this.clear(mark.index)));
  }

  /** Waits for the queued calls, then clears a fault still set (the load failed early). */
  async settle(): Promise<void> {
    await this.admin;
    for (const index of this.applied.keys()) {
      this.queue(() => this.clear(index));
    }
    await this.admin;
  }

  /** Applied faults in the scenario's order. */
  appliedInOrder(): AppliedFault[] {
    return [...this.applied.values()].sort((a, b) => a.index - b.index);
  }

  private since(): number {
    return this.clock.monotonic() - this.monoStart;
  }

  private queue(task: () => Promise<void>): void {
    this.admin = this.admin.then(task).catch((error: unknown) => void this.failures.push(error));
  }

  private async set(index: number): Promise<void> {
    const { faults: body, note } = this.sized[index]!;
    await this.server.setFaults(body);
    const fromMs = this.since();
    const name = faultName(this.faults[index]!);
    this.applied.set(index, { index, name, fromMs, toMs: null });
    this.log.append({
      kind: 'fault.injected',
      index,
      name,
      label: this.label,
      faults: body,
      note,
      from: formatWallTime(this.wallStart + fromMs),
      atMs: Math.round(fromMs),
    });
  }

  private async clear(index: number): Promise<void> {
    const fault = this.applied.get(index);
    if (fault === undefined || fault.toMs !== null) {
      return;
    }
    await this.server.clearFaults();
    fault.toMs = this.since();
    this.log.append({
      kind: 'fault.cleared',
      index,
      name: fault.name,
      from: formatWallTime(this.wallStart + fault.fromMs),
      to: formatWallTime(this.wallStart + fault.toMs),
      atMs: Math.round(fault.toMs),
    });
  }
}
