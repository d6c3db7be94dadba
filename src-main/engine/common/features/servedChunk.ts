/**
 * A feature spec's serving half over the rows of a chunk (the replay): each row becomes
 * the raw record production would send (its fields as the chunk holds them after any shift) and
 * goes through each feature's `serve`, exactly as the model server computes it. A row whose
 * record a feature cannot read (a null, text where a number belongs) is refused, as the server
 * answers 400; a field the chunk lacks altogether (a schema break) refuses every row.
 */
import type { ColumnChunk } from '../ports/snapshot';
import type { FeatureSpec, ServingTables } from './featureSpec';
import { RecordFieldError, type RawValue } from './rawRecord';

/** The serving features of a chunk's rows. */
export interface ServedChunk {
  readonly rowCount: number;
  /** Per feature, in spec order: its value on each row, NaN where the row's record could not give it. */
  readonly values: readonly Float64Array[];
  /** Per feature: how many rows it could not be computed for. */
  readonly failures: readonly number[];
  /** Per feature: the first failure's message, or null. */
  readonly firstFailure: readonly (string | null)[];
  /** 1 where every feature was computed: the rows a model can score. */
  readonly served: Uint8Array;
  /** Fields the spec reads that the chunk does not have at all. */
  readonly absentFields: readonly string[];
}

/** Runs the spec's serving features over every row of the chunk. */
export function serveChunk(spec: FeatureSpec, tables: ServingTables, chunk: ColumnChunk): ServedChunk {
  const n = chunk.rowCount;
  const fields = [...new Set(spec.features.flatMap((f) => f.fields))];
  const absentFields = fields.filter((field) => chunk.columns[field] === undefined);
  const present = fields.filter((field) => chunk.columns[field] !== undefined);
  const values = spec.features.map(() => new Float64Array(n));
  const failures = spec.features.map(() => 0);
  const firstFailure: (string | null)[] = spec.features.map(() => null);
  const served = new Uint8Array(n).fill(1);
  // A feature reading an absent field fails on every row without being asked.
  const runnable = spec.features.map((f, j) => {
    const missing = f.fields.find((field) => absentFields.includes(field));
    if (missing !== undefined) {
      values[j]!.fill(Number.NaN);
      failures[j] = n;
      firstFailure[j] = `field "${missing}": expected in every record, but the snapshot has no such column`;
      served.fill(0);
      return false;
    }
    return true;
  });
  const readers = present.map((field) => rawReader(chunk, field));
  // One record object reused for every row: serve() reads it and keeps nothing.
  const record: Record<string, RawValue> = {};
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < present.length; k++) {
      record[present[k]!] = readers[k]!(i);
    }
    for (let j = 0; j < spec.features.length; j++) {
      if (!runnable[j]) {
        continue;
      }
      try {
        values[j]![i] = spec.features[j]!.serve(record, tables);
      } catch (error) {
        if (!(error instanceof RecordFieldError)) {
          throw error;
        }
        values[j]![i] = Number.NaN;
        failures[j]! += 1;
        firstFailure[j] ??= error.message;
        served[i] = 0;
      }
    }
  }
  return { rowCount: n, values, failures, firstFailure, served, absentFields };
}

/** Row i's raw value of a column: a number, text, or null. */
function rawReader(chunk: ColumnChunk, field: string): (i: number) => RawValue {
  const column = chunk.columns[field]!;
  if (column.kind === 'text') {
    const texts = column.values;
    return (i) => texts[i]!;
  }
  const { values, valid } = column;
  return (i) => (valid[i] === 1 ? values[i]! : null);
}
