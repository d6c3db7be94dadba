/** Event times on the data's own clock (naive wall-clock time held as if it were UTC). */

/** `2001-03-01T06:00:00`, with milliseconds only when there are some; no zone, as in the data. */
export function formatEventTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}

/** The same, or null for a bound a query left open. */
export function formatOptionalEventTime(ms: number | undefined): string | null {
  return ms === undefined ? null : formatEventTime(ms);
}

/** Real time as ISO 8601 UTC. */
export function formatWallTime(ms: number): string {
  return new Date(ms).toISOString();
}
