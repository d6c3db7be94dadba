/**
 * The training pipeline run over a snapshot: a feature spec's SQL evaluated by DuckDB through the
 * product's snapshot reader (in event-time order, in chunks), gathered into one float32 [N, F]
 * matrix with labels and event times, as the trainer and the evaluation need them.
 */
import { trainingPipeline, type FeatureSpec, type ServingTables } from '../../common/features/featureSpec';
import type { LookupJoin, SqlRelation } from '../../common/ports/snapshot';
import type { SnapshotSection } from '../../common/scenario/sections/snapshots';
import { openSnapshot } from '../duckdb/snapshotReader';
import { concatTyped } from '../../common/stats/typedArrays';

/** Rows of features, labels (NaN where unknown) and event times, row-major. */
export interface FeatureMatrix {
  readonly features: readonly string[];
  readonly rows: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly eventTime: Float64Array;
}

/** Reads the spec's features for the rows of `section` in [from, to). Rows with a null feature are an error. */
export async function readFeatureMatrix(
  section: SnapshotSection,
  spec: FeatureSpec,
  tables: ServingTables,
  window: { from?: number; to?: number } = {},
): Promise<FeatureMatrix> {
  const pipeline = trainingPipeline(spec, tables);
  return readMatrix(section, { names: spec.features.map((f) => f.name), ...pipeline, of: `of spec ${spec.id}` }, window);
}

/** Features as SQL over the snapshot row, with the relations and lookups the SQL reads. */
export interface MatrixQuery {
  /** Feature names in input order; each is a key of `sql` or a column of the snapshot. */
  readonly names: readonly string[];
  readonly sql: Readonly<Record<string, string>>;
  readonly relations?: Readonly<Record<string, SqlRelation>>;
  readonly joins?: readonly LookupJoin[];
  /** Whose features these are, for errors ("of spec flights-v1"). */
  readonly of: string;
}

/** Reads the features of `query` for the rows of `section` in [from, to). Rows with a null feature are an error. */
export async function readMatrix(section: SnapshotSection, query: MatrixQuery, window: { from?: number; to?: number } = {}): Promise<FeatureMatrix> {
  const names = query.names;
  const source = await openSnapshot(section, 'training');
  const x: Float32Array[] = [];
  const y: Float32Array[] = [];
  const times: Float64Array[] = [];
  let rows = 0;
  try {
    for await (const chunk of source.read({ columns: names, derived: query.sql, relations: query.relations, joins: query.joins, ...window })) {
      const block = new Float32Array(chunk.rowCount * names.length);
      names.forEach((name, j) => {
        const column = chunk.columns[name]!;
        if (column.kind !== 'number') {
          throw new Error(`feature ${name} ${query.of} is not numeric in SQL`);
        }
        for (let i = 0; i < chunk.rowCount; i++) {
          if (column.valid[i] !== 1) {
            throw new Error(`feature ${name} ${query.of} is null at ${new Date(chunk.eventTime[i]!).toISOString()}`);
          }
          block[i * names.length + j] = column.values[i]!;
        }
      });
      x.push(block);
      y.push(Float32Array.from(chunk.label ?? new Float64Array(chunk.rowCount).fill(Number.NaN)));
      times.push(chunk.eventTime);
      rows += chunk.rowCount;
    }
  } finally {
    await source.close();
  }
  return { features: names, rows, x: concatTyped(x, Float32Array), y: concatTyped(y, Float32Array), eventTime: concatTyped(times, Float64Array) };
}

/** The rows of a matrix whose event time is in [from, to). */
export function sliceByTime(matrix: FeatureMatrix, from: number, to: number): FeatureMatrix {
  let start = 0;
  while (start < matrix.rows && matrix.eventTime[start]! < from) {
    start++;
  }
  let end = start;
  while (end < matrix.rows && matrix.eventTime[end]! < to) {
    end++;
  }
  const width = matrix.features.length;
  return {
    features: matrix.features,
    rows: end - start,
    x: matrix.x.subarray(start * width, end * width),
    y: matrix.y.subarray(start, end),
    eventTime: matrix.eventTime.subarray(start, end),
  };
}
