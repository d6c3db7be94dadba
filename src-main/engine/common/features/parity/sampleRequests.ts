/**
 * The sampled requests of the parity check, read twice from the same snapshot with the
 * same seed: once as raw records (what clients sent, the serving pipeline's input), once through
 * the training pipeline (the spec's SQL, in DuckDB, as training computed it). The two are joined
 * by request id, the row's stored position, as a reconciliation job joins an offline feature table
 * with the serving log.
 */
import type { ColumnChunk, LookupJoin, SnapshotSample, SnapshotSource, SqlRelation } from '../../ports/snapshot';
import { concatTyped } from '../../stats/typedArrays';
import { rawRecordsOf, type RawRecord } from '../rawRecord';

/** What the training side computes: SQL per column name, and the lookups the SQL reads. */
export interface TrainingColumns {
  /** Columns to read: snapshot columns or derived names. */
  readonly columns: readonly string[];
  readonly derived: Readonly<Record<string, string>>;
  readonly relations: Readonly<Record<string, SqlRelation>>;
  readonly joins: readonly LookupJoin[];
}

/** The sample, in the serving side's order (event time). */
export interface SampledRequests {
  readonly ids: readonly string[];
  readonly eventTimes: Float64Array;
  readonly records: readonly RawRecord[];
  /** Training-side values by column, aligned with `ids`; NaN where the training side had no value or no row. */
  readonly training: ReadonlyMap<string, Float64Array>;
  /** How many ids also came back from the training side. */
  readonly joined: number;
  /** The training side's chunks as read (model inputs for runtime parity are built from them). */
  readonly trainingChunks: readonly ColumnChunk[];
}

/** Reads the sample of `window` twice, as raw `fields` and as the training columns, and joins them by id. */
export async function sampleRequests(
  source: SnapshotSource,
  window: { readonly from?: number | undefined; readonly to?: number | undefined },
  sample: SnapshotSample,
  fields: readonly string[],
  training: TrainingColumns,
): Promise<SampledRequests> {
  const range = { ...(window.from === undefined ? {} : { from: window.from }), ...(window.to === undefined ? {} : { to: window.to }) };
  const ids: string[] = [];
  const times: Float64Array[] = [];
  const records: RawRecord[] = [];
  for await (const chunk of source.read({ columns: fields, derived: {}, sample, ...range })) {
    ids.push(...idsOf(chunk));
    times.push(chunk.eventTime);
    records.push(...rawRecordsOf(chunk, fields));
  }
  const position = new Map(ids.map((id, i) => [id, i]));
  const values = new Map(training.columns.map((c) => [c, new Float64Array(ids.length).fill(Number.NaN)]));
  const trainingChunks: ColumnChunk[] = [];
  let joined = 0;
  const query = { columns: training.columns, derived: training.derived, relations: training.relations, joins: training.joins, sample, ...range };
  for await (const chunk of source.read(query)) {
    trainingChunks.push(chunk);
    const chunkIds = idsOf(chunk);
    for (let i = 0; i < chunk.rowCount; i++) {
      const at = position.get(chunkIds[i]!);
      if (at === undefined) {
        continue;
      }
      joined++;
      for (const [name, out] of values) {
        const column = chunk.columns[name];
        if (column?.kind === 'number' && column.valid[i] === 1) {
          out[at] = column.values[i]!;
        }
      }
    }
  }
  return { ids, eventTimes: concatTyped(times, Float64Array), records, training: values, joined, trainingChunks };
}

function idsOf(chunk: ColumnChunk): readonly string[] {
  if (chunk.rowIds === undefined) {
    throw new Error('the snapshot reader returned a sample without row ids');
  }
  return chunk.rowIds;
}
