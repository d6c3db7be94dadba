/**
 * The run's event log: gives each event its envelope (seq, eventTime, wallTime) and hands it to
 * the writers at once, so a crash loses nothing already appended (DESIGN.md, "Rules").
 */
import type { RunEvent, RunEventBody } from '../../../contract/events';
import type { Clock } from '../ports/clock';
import type { EventWriter } from '../ports/eventSink';
import { formatEventTime, formatWallTime } from '../time/eventTime';

/** Appends events with increasing seq; keeps them for the verdict phase. */
export class EventLog {
  private seq = 0;
  private readonly appended: RunEvent[] = [];
  private latest: number | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly writers: readonly EventWriter[],
  ) {}

  /** Appends one event; `eventTime` is in milliseconds of the data's clock, when the event has one. */
  append(body: RunEventBody, eventTime?: number): RunEvent {
    this.seq += 1;
    if (eventTime !== undefined && Number.isFinite(eventTime)) {
      this.latest = this.latest === undefined ? eventTime : Math.max(this.latest, eventTime);
    }
    const event = {
      seq: this.seq,
      eventTime: eventTime === undefined ? null : formatEventTime(eventTime),
      wallTime: formatWallTime(this.clock.now()),
      ...body,
    } as RunEvent;
    this.appended.push(event);
    for (const writer of this.writers) {
      writer.write(event);
    }
    return event;
  }

  /** The latest event time appended so far (ms of the data's clock), or undefined before any. */
  get reached(): number | undefined {
    return this.latest;
  }

  /** Everything appended so far, in order. */
  get events(): readonly RunEvent[] {
    return this.appended;
  }
}
