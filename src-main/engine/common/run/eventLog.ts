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

  constructor(
    private readonly clock: Clock,
    private readonly writers: readonly EventWriter[],
  ) {}

  /** Appends one event; `eventTime` is in milliseconds of the data's clock, when the event has one. */
  append(body: RunEventBody, eventTime?: number): RunEvent {
    this.seq += 1;
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

  /** Everything appended so far, in order. */
  get events(): readonly RunEvent[] {
    return this.appended;
  }
}
