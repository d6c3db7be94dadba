/**
 * Raw records from a snapshot file, for `rehearse load --payload-from`: the file is opened
 * through the same DuckDB snapshot reader the replay uses and read by the same function a run's
 * load reads production with (`readPayloadRecords`), so both send the same records.
 */
import { readPayloadRecords, type PayloadRecords } from '../../common/load/payloadRecords';
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
  readonly seed: number;
}

/** Reads up to `limit` raw records. A missing file or an unknown column is an InputError. */
export async function readSnapshotRecords(request: SnapshotRecordsRequest): Promise<PayloadRecords> {
  const timestamp = request.timestamp ?? (await timestampColumn(request.path));
  const source = await openSnapshot({ path: request.path, timestamp, labelDelay: 0, maxRejectRate: 0 }, 'payload');
  try {
    return await readPayloadRecords(source, { order: request.order, limit: request.limit, seed: request.seed, where: '--payload-from' });
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
