/** Event times as the charts read them. */

/**
 * Milliseconds of an event time. The log writes the data's own clock without a zone
 * (`2001-03-01T06:00:00`); `Date.parse` would read that as the machine's local time, so it is
 * read as UTC, as the engine holds it (docs/ARCHITECTURE.md, "The run spine").
 */
export function eventTimeMs(eventTime: string): number {
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(eventTime);
  const ms = Date.parse(zoned ? eventTime : `${eventTime}Z`);
  if (Number.isNaN(ms)) {
    throw new RangeError(`expected an ISO 8601 event time, got "${eventTime}"`);
  }
  return ms;
}
