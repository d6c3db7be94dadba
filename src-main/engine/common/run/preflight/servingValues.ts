/**
 * The serving side of the parity check: each sampled request's raw record through the model's
 * serving pipeline, one record at a time as a model server computes them. A record the serving
 * code refuses (a field missing or of the wrong type) gives no values and is counted, with why.
 */
import type { ServingPipeline } from '../../features/featureSpec';
import type { RawRecord } from '../../features/rawRecord';

/** Per feature, each request's serving value (NaN where the record was refused). */
export interface ServingValues {
  readonly columns: readonly Float64Array[];
  readonly errors: number;
  readonly errorExamples: readonly { readonly requestId: string; readonly message: string }[];
}

const EXAMPLES = 5;

/** Runs every record through the pipeline. */
export function servingValues(pipeline: ServingPipeline, requests: { readonly ids: readonly string[]; readonly records: readonly RawRecord[] }): ServingValues {
  const n = requests.records.length;
  const columns = pipeline.features.map(() => new Float64Array(n).fill(Number.NaN));
  let errors = 0;
  const errorExamples: { requestId: string; message: string }[] = [];
  requests.records.forEach((record, i) => {
    let values: Float64Array;
    try {
      values = pipeline.featuresOf(record);
    } catch (error) {
      errors++;
      if (errorExamples.length < EXAMPLES) {
        errorExamples.push({ requestId: requests.ids[i]!, message: error instanceof Error ? error.message : String(error) });
      }
      return;
    }
    values.forEach((value, j) => (columns[j]![i] = value));
  });
  return { columns, errors, errorExamples };
}
