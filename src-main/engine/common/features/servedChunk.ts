/**
 * A model's serving pipeline over the rows of a chunk (the replay): each row becomes the raw
 * record production would send (`rawRecordsOf`, its fields as the chunk holds them after any
 * shift) and the batch goes through the pipeline, exactly as the model server computes it. A row
 * whose record a feature cannot read (a null, text where a number belongs) is refused, as the
 * server answers 400; a field the chunk lacks altogether (a schema break) refuses every row.
 */
import type { ColumnChunk } from '../ports/snapshot';
import type { ServingFeatures } from './featureSpec';
import { rawRecordsOf, type RawRecord } from './rawRecord';

/** The serving features of a chunk's rows. */
export interface ServedChunk {
  readonly rowCount: number;
  /** Per feature, in input order: its value on each row, NaN where the row's record could not give it. */
  readonly values: readonly Float64Array[];
  /** 1 where every feature was computed: the rows a model can score. */
  readonly served: Uint8Array;
  /** Why rows were refused (a field the chunk lacks first, else the first record's problem), or null. */
  readonly refusal: string | null;
  /** Fields the pipeline reads that the chunk does not have at all. */
  readonly absentFields: readonly string[];
}

/**
 * The records of a chunk, built once however many models serve it (blue and green read the same
 * replayed rows): every column the chunk carries, as production sent them; a pipeline reads its fields.
 */
const recordsOfChunk = new WeakMap<ColumnChunk, readonly RawRecord[]>();

/** Runs the pipeline over every row of the chunk. */
export async function serveChunk(serving: ServingFeatures, chunk: ColumnChunk): Promise<ServedChunk> {
  const absentFields = serving.fields.filter((field) => chunk.columns[field] === undefined);
  let records = recordsOfChunk.get(chunk);
  if (records === undefined) {
    records = rawRecordsOf(chunk);
    recordsOfChunk.set(chunk, records);
  }
  const { values, problems } = await serving.serve(records);
  const served = new Uint8Array(chunk.rowCount);
  let refusal: string | null = absentFields.length === 0 ? null : `field "${absentFields[0]}": expected in every record, but the snapshot has no such column`;
  problems.forEach((problem, i) => {
    served[i] = problem === null ? 1 : 0;
    refusal ??= problem?.message ?? null;
  });
  return { rowCount: chunk.rowCount, values, served, refusal, absentFields };
}
