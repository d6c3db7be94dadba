/**
 * Raw records from a snapshot, for `--payload-from`: each row as production would have sent it,
 * `{"features": {"date": "2001-03-01 06:05:00", "distance": 337, ...}}`, read through the same
 * DuckDB snapshot reader the replay uses. In event order (the first rows), or a seeded uniform
 * sample of the whole snapshot (reservoir sampling, Vitter's algorithm R).
 */
import { chunkRecord } from '../../common/features/chunkRecord';
import type { RawRecord } from '../../common/features/rawRecord';
import type { Rng } from '../../common/ports/rng';
import { InputError } from '../../common/run/inputError';
import { openSnapshot } from '../duckdb/snapshotReader';

/** What to read. */
export interface SnapshotRecordsRequest {
  readonly path: string;
  readonly order: 'event' | 'sampled';
  /** The event-time column; found by type when absent. */
  readonly timestamp?: string;
  /** At most this many records. */
  readonly limit: number;
}

/** The records and what they are, in one line for the result's `payload`. */
export interface SnapshotRecords {
  readonly records: readonly RawRecord[];
  readonly description: string;
}

/** Reads up to `limit` raw records. A missing file or an unknown column is an InputError. */
export async function readSnapshotRecords(request: SnapshotRecordsRequest, rng: Rng): Promise<SnapshotRecords> {
  const timestamp = request.timestamp ?? (await timestampColumn(request.path));
  const source = await openSnapshot({ path: request.path, timestamp, labelDelay: 0, maxRejectRate: 0 }, 'payload');
  try {
    const columns = source.columns.map((c) => c.name);
    const records: RawRecord[] = [];
    let seen = 0;
    for await (const chunk of source.read({ columns, derived: {} })) {
      for (let i = 0; i < chunk.rowCount; i++, seen++) {
        if (records.length < request.limit) {
          records.push(chunkRecord(chunk, i, timestamp));
        } else if (request.order === 'sampled') {
          const j = Math.floor(rng.next() * (seen + 1));
          if (j < request.limit) {
            records[j] = chunkRecord(chunk, i, timestamp);
          }
        }
      }
      if (request.order === 'event' && records.length >= request.limit) {
        break;
      }
    }
    if (records.length === 0) {
      throw new InputError(request.path, 'the snapshot has no rows to send');
    }
    const how = request.order === 'event' ? 'in event order' : `sampled from ${seen}`;
    return { records, description: `snapshot ${request.path}, ${records.length} rows ${how}` };
  } finally {
    await source.close();
  }
}

/** The snapshot's one timestamp column; with none or several the user must name it. */
async function timestampColumn(path: string): Promise<string> {
  const source = await openSnapshot({ path, labelDelay: 0, maxRejectRate: 0 }, 'payload');
  const columns = source.columns;
  await source.close();
  const stamps = columns.filter((c) => c.type.startsWith('TIMESTAMP'));
  if (stamps.length !== 1) {
    throw new InputError(
      path,
      `expected one timestamp column, found ${stamps.length} among ${columns.map((c) => `${c.name} ${c.type}`).join(', ')}; name it with --timestamp`,
    );
  }
  return stamps[0]!.name;
}
