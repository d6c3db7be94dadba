/**
 * Rollback compatibility: before the first step, blue must still be able to serve
 * today's traffic, so today's raw records must carry every field blue's serving pipeline reads.
 * If upstream has already dropped one, the bridge is burned.
 */
import type { FieldFailure } from '../../../contract/events';
import type { ServingFeatures } from '../features/featureSpec';
import type { RawRecord } from '../features/rawRecord';

/** Whether blue can read today's records, and what it lacks. */
export interface CompatibilityResult {
  readonly compatible: boolean;
  /** Fields blue needs that today's records lack. */
  readonly missing: readonly string[];
  readonly required: readonly string[];
  readonly present: readonly string[];
}

/** Compares the fields blue's pipeline reads with the fields today's records carry. */
export function rollbackCompatibility(required: readonly string[], present: readonly string[]): CompatibilityResult {
  const have = new Set(present);
  const missing = required.filter((f) => !have.has(f));
  return { compatible: missing.length === 0, missing, required, present };
}

/** What blue's serving pipeline made of a sample of today's records. */
export interface RecordCompatibility extends CompatibilityResult {
  readonly records: number;
  readonly failedRecords: number;
  readonly failures: readonly FieldFailure[];
}

/**
 * Runs blue's serving pipeline over today's records, exactly as blue's server would. A field
 * counts as present when all but `tolerance` of the records carry a value blue can read; the rest
 * (a field upstream stopped sending, or now sends as null) is missing. Occasional bad records
 * below the tolerance are counted, not held against the bridge.
 */
export async function recordCompatibility(
  pipeline: ServingFeatures,
  records: readonly RawRecord[],
  tolerance = DEFAULT_TOLERANCE,
): Promise<RecordCompatibility> {
  const { problems } = await pipeline.serve(records);
  return tallied(pipeline.fields, records, tolerance, (record, count, i) => {
    // Absent fields are counted one by one: the pipeline names only the first it cannot read.
    const absent = pipeline.fields.filter((f) => record[f] === undefined || record[f] === null);
    for (const field of absent) {
      count(field, `field "${field}": ${record[field] === null ? 'null' : 'absent'} in today's record`);
    }
    const problem = problems[i];
    if (problem === null || problem === undefined) {
      return absent.length === 0;
    }
    if (problem.field !== null && !absent.includes(problem.field)) {
      count(problem.field, problem.message);
    }
    return false;
  });
}

/** A model without a feature spec reads its input columns by name, as numbers: each must be in the records. */
export function columnCompatibility(columns: readonly string[], records: readonly RawRecord[], tolerance = DEFAULT_TOLERANCE): RecordCompatibility {
  return tallied(columns, records, tolerance, (record, count) => {
    const bad = columns.filter((c) => !Number.isFinite(record[c]));
    for (const field of bad) {
      count(field, `field "${field}": expected a number, found ${record[field] === undefined ? 'nothing' : JSON.stringify(record[field])}`);
    }
    return bad.length === 0;
  });
}

/** Share of records a field may be unreadable in and still count as present. */
const DEFAULT_TOLERANCE = 0.01;

/** Runs `read` over each record (true: blue could read it), tallying unreadable fields. */
function tallied(
  fields: readonly string[],
  records: readonly RawRecord[],
  tolerance: number,
  read: (record: RawRecord, count: (field: string, example: string) => void, index: number) => boolean,
): RecordCompatibility {
  const unreadable = new Map<string, { records: number; example: string }>();
  const count = (field: string, example: string): void => {
    const seen = unreadable.get(field);
    unreadable.set(field, { records: (seen?.records ?? 0) + 1, example: seen?.example ?? example });
  };
  const failedRecords = records.filter((record, i) => !read(record, count, i)).length;
  const allowed = Math.floor(records.length * tolerance);
  const present = fields.filter((f) => records.length > 0 && (unreadable.get(f)?.records ?? 0) <= allowed);
  return {
    ...rollbackCompatibility(fields, present),
    records: records.length,
    failedRecords,
    failures: [...unreadable].map(([field, { records: n, example }]) => ({ field, records: n, example })),
  };
}
