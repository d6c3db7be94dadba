/**
 * The records a load sends: rows of a snapshot's window as the raw records production would have
 * sent (`rawRecordOf`), in event order from the window's start, or a seeded sample of the whole
 * window in a seeded shuffled order. The load phase reads them from the run's production snapshot
 * (its `from`, `to` and format, as the replay reads it); `rehearse load --payload-from` from the
 * file it is given. Each record keeps its event time, so a load says which stretch it sent.
 */
import { rawRecordOf, type RawRecord } from '../features/rawRecord';
import type { SnapshotSource } from '../ports/snapshot';
import { seededRng } from '../rng/seededRng';
import { InputError } from '../run/inputError';
import { formatOptionalEventTime } from '../time/eventTime';

/** What to read. */
export interface PayloadRequest {
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly order: 'event' | 'sampled';
  /** At most this many records. */
  readonly limit: number;
  /** Picks and orders a sample (`order: sampled`). */
  readonly seed: number;
  /** Names the snapshot in an error: the scenario field or the flag it came from. */
  readonly where: string;
}

/** The records, the event time of each, and what they are in one line (the load result's `payload`). */
export interface PayloadRecords {
  readonly records: readonly RawRecord[];
  readonly eventTimes: readonly number[];
  readonly description: string;
}

/** At most this many snapshot rows are held as bodies (about 200 bytes each). */
export const MAX_PAYLOAD_RECORDS = 200_000;

/** How many records a load at up to `maxRps` for `durationMs` may send, with room for the schedule's Poisson spread. */
export function payloadRecordLimit(maxRps: number, durationMs: number): number {
  return Math.min(MAX_PAYLOAD_RECORDS, Math.ceil(((maxRps * durationMs) / 1000) * 1.2) + 16);
}

/** Reads up to `limit` records of the window [from, to); a window without rows is an InputError. */
export async function readPayloadRecords(source: SnapshotSource, request: PayloadRequest): Promise<PayloadRecords> {
  const window = { ...(request.from === undefined ? {} : { from: request.from }), ...(request.to === undefined ? {} : { to: request.to }) };
  const columns = source.columns.map((c) => c.name);
  const sample = request.order === 'sampled' ? { rows: request.limit, seed: request.seed } : undefined;
  const records: RawRecord[] = [];
  const eventTimes: number[] = [];
  for await (const chunk of source.read({ columns, derived: {}, ...window, ...(sample ? { sample } : {}) })) {
    for (let i = 0; i < chunk.rowCount && records.length < request.limit; i++) {
      records.push(rawRecordOf(chunk, i));
      eventTimes.push(chunk.eventTime[i]!);
    }
    if (records.length >= request.limit) {
      break;
    }
  }
  const span = `[${formatOptionalEventTime(request.from) ?? 'start'}, ${formatOptionalEventTime(request.to) ?? 'end'})`;
  if (records.length === 0) {
    throw new InputError(request.where, `${source.description} has no rows to send in ${span}`);
  }
  if (request.order === 'event') {
    return { records, eventTimes, description: `snapshot ${source.description} ${span}, ${records.length} rows in event order` };
  }
  // The sample comes in event order; sent that way, a short load would cover only its first days.
  const order = shuffled(records.length, request.seed);
  return {
    records: order.map((k) => records[k]!),
    eventTimes: order.map((k) => eventTimes[k]!),
    description: `snapshot ${source.description} ${span}, ${records.length} rows sampled (seed ${request.seed}) in shuffled order`,
  };
}

/** The first and last event times among the records whose index is marked in `sent`, as event-time text; null when none. */
export function sentEventTimes(eventTimes: readonly number[], sent: Uint8Array): { readonly first: string; readonly last: string } | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  eventTimes.forEach((t, k) => {
    if (sent[k] === 1 && Number.isFinite(t)) {
      first = Math.min(first, t);
      last = Math.max(last, t);
    }
  });
  return first <= last ? { first: formatOptionalEventTime(first)!, last: formatOptionalEventTime(last)! } : null;
}

/** 0..n-1 in a seeded Fisher-Yates order. */
function shuffled(n: number, seed: number): number[] {
  const rng = seededRng((seed ^ 0x5eed) >>> 0);
  const order = Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(rng.next() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  return order;
}
