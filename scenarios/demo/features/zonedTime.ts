/**
 * Wall-clock times in a named IANA zone, converted to instants with the tz database's rules for
 * that date (the zone's own offsets, never the machine's zone). The data's timestamps carry no
 * zone (docs/ARCHITECTURE.md, "The run spine"); a feature that needs UTC must say which zone the
 * wall clock was in, which is what the airport time-zone table is for.
 */

/** ms in an hour; offsets are looked up once per zone and wall-clock hour. */
const HOUR_MS = 3_600_000;

/** Per zone: its formatter, and the UTC offset (ms) of each wall-clock hour seen so far. */
const zones = new Map<string, { readonly format: Intl.DateTimeFormat; readonly offsets: Map<number, number> }>();

/**
 * The instant (ms since the epoch, UTC) at which clocks in `zone` showed `wallMs` (a wall-clock
 * time held as ms read as if UTC, as the snapshots hold them). In the hour skipped when clocks
 * spring forward the result is an hour off, and in the hour repeated when they fall back the
 * first one is taken; US zones change at 02:00, when few flights leave.
 */
export function wallClockToInstant(wallMs: number, zone: string): number {
  const state = zoneState(zone);
  const hour = Math.floor(wallMs / HOUR_MS);
  let offset = state.offsets.get(hour);
  if (offset === undefined) {
    // The offset at the instant this hour's middle would be with the offset of that instant: two
    // steps settle it everywhere but in the transition hours themselves.
    const middle = hour * HOUR_MS + HOUR_MS / 2;
    const first = offsetAt(state.format, middle);
    offset = offsetAt(state.format, middle - first);
    state.offsets.set(hour, offset);
  }
  return wallMs - offset;
}

/** True when the runtime knows the zone (its tz database has it). */
export function isKnownZone(zone: string): boolean {
  try {
    zoneState(zone);
    return true;
  } catch {
    return false;
  }
}

function zoneState(zone: string): { readonly format: Intl.DateTimeFormat; readonly offsets: Map<number, number> } {
  let state = zones.get(zone);
  if (state === undefined) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    state = { format, offsets: new Map() };
    zones.set(zone, state);
  }
  return state;
}

/** The zone's UTC offset at an instant: its wall clock then (read as if UTC) minus the instant. */
function offsetAt(format: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
  return wall - (instant - (instant % 1000));
}
