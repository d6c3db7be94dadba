/**
 * The rows of a step that also go through the real router: at most `max`, spread evenly over the
 * window (every k-th row, in event-time order, no draws), each as the raw record production
 * would send, with its sticky key.
 */
import { rawRecordOf } from '../features/rawRecord';
import type { OutgoingRequest } from '../ports/rolloutRig';
import type { ColumnChunk } from '../ports/snapshot';

/** A request and the event time of its row. */
export interface TimedRequest {
  readonly request: OutgoingRequest;
  readonly eventTime: number;
}

/** What a request is built from. */
export interface RecordShape {
  /** Raw fields the records carry (those the models' serving pipelines read). */
  readonly fields: readonly string[];
  /** The column whose value is the sticky key, or null. */
  readonly stickyKey: string | null;
}

/** Indices 0..rows-1 spread evenly: all of them when there are at most `max`. */
export function evenlySpaced(rows: number, max: number): number[] {
  const n = Math.min(rows, max);
  return Array.from({ length: n }, (_, k) => Math.floor((k * rows) / n));
}

/** At most `max` rows of the pieces, spread evenly, each as its chunk and index. */
export function pickRows(pieces: readonly ColumnChunk[], max: number): { readonly chunk: ColumnChunk; readonly i: number }[] {
  const rows = pieces.reduce((n, p) => n + p.rowCount, 0);
  const out: { chunk: ColumnChunk; i: number }[] = [];
  let piece = 0;
  let offset = 0;
  for (const index of evenlySpaced(rows, max)) {
    while (index >= offset + pieces[piece]!.rowCount) {
      offset += pieces[piece]!.rowCount;
      piece++;
    }
    out.push({ chunk: pieces[piece]!, i: index - offset });
  }
  return out;
}

/** The step's requests in event-time order. */
export function stepRequests(pieces: readonly ColumnChunk[], max: number, shape: RecordShape): TimedRequest[] {
  return pickRows(pieces, max).map(({ chunk, i }) => ({
    request: { record: rawRecordOf(chunk, i, shape.fields), key: shape.stickyKey === null ? null : keyOf(chunk, i, shape.stickyKey) },
    eventTime: chunk.eventTime[i]!,
  }));
}

function keyOf(chunk: ColumnChunk, i: number, column: string): string | null {
  const c = chunk.columns[column];
  if (c === undefined) {
    return null;
  }
  if (c.kind === 'number') {
    return c.valid[i] ? String(c.values[i]) : null;
  }
  return c.values[i] ?? null;
}
