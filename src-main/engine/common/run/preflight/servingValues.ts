/**
 * The serving side of the parity check: each sampled request's raw record through the model's
 * serving pipeline, as a model server computes them. A record the serving code refuses (a field
 * missing or of the wrong type) gives no values and is counted, with why.
 */
import type { ServingFeatures } from '../../features/featureSpec';
import type { RawRecord } from '../../features/rawRecord';

/** Per feature, each request's serving value (NaN where the record was refused). */
export interface ServingValues {
  readonly columns: readonly Float64Array[];
  readonly errors: number;
  readonly errorExamples: readonly { readonly requestId: string; readonly message: string }[];
}

const EXAMPLES = 5;

/** Runs every record through the pipeline. */
export async function servingValues(
  pipeline: ServingFeatures,
  requests: { readonly ids: readonly string[]; readonly records: readonly RawRecord[] },
): Promise<ServingValues> {
  const { values, problems } = await pipeline.serve(requests.records);
  const columns = values.map((v) => Float64Array.from(v));
  let errors = 0;
  const errorExamples: { requestId: string; message: string }[] = [];
  problems.forEach((problem, i) => {
    if (problem === null) {
      return;
    }
    // A refused record has no serving values at all, as a server that answered 400.
    columns.forEach((column) => (column[i] = Number.NaN));
    errors++;
    if (errorExamples.length < EXAMPLES) {
      errorExamples.push({ requestId: requests.ids[i]!, message: problem.message });
    }
  });
  return { columns, errors, errorExamples };
}
