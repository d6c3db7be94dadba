/**
 * A serving pipeline behind the team's own feature service: each raw record is POSTed as JSON to
 * the endpoint, which answers 200 with the record's features (`{ "feature": number }` or an array
 * in input order) or 4xx with a message for a record it refuses (`{ "error": "...", "field": "..." }`
 * or plain text). A refused record is counted with why, as a model server's 400 would be; a service
 * that cannot be reached breaks the pipeline, and the message names the URL.
 */
import type { RecordProblem, ServingFeatures } from '../../common/features/featureSpec';
import type { RawRecord } from '../../common/features/rawRecord';
import { servedRecords, type DeclaredServingShape } from './workerServing';

/** What the endpoint's serving pipeline needs to know. */
export interface HttpServingOptions extends DeclaredServingShape {
  readonly url: string;
  readonly concurrency: number;
}

/** The feature service as a serving pipeline. */
export function httpServing(options: HttpServingOptions): ServingFeatures {
  return {
    specId: options.specId,
    variant: null,
    fields: options.fields,
    features: options.features,
    kinds: options.kinds,
    async serve(records) {
      const outcomes: ({ ok: unknown } | { error: RecordProblem })[] = new Array(records.length);
      let next = 0;
      const lane = async (): Promise<void> => {
        while (next < records.length) {
          const i = next++;
          outcomes[i] = await askService(options.url, records[i]!);
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.concurrency, records.length) }, lane));
      return servedRecords(outcomes, options.features);
    },
  };
}

/** A service that holds a record longer than this has refused it: the run never waits on one request forever. */
const ANSWER_WITHIN_MS = 30_000;

async function askService(url: string, record: RawRecord): Promise<{ ok: unknown } | { error: RecordProblem }> {
  let response: Response;
  try {
    const signal = AbortSignal.timeout(ANSWER_WITHIN_MS);
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record), signal });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return { error: { field: null, message: `the feature service ${url} gave no answer within ${ANSWER_WITHIN_MS / 1000} s` } };
    }
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new Error(`the feature service ${url} could not be reached${cause}`);
  }
  const text = await response.text();
  if (response.ok) {
    try {
      return { ok: JSON.parse(text) as unknown };
    } catch {
      return { error: { field: null, message: `the feature service answered ${response.status} without JSON` } };
    }
  }
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Plain text: the message is the text itself.
  }
  const said = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message = typeof said['error'] === 'string' ? said['error'] : text.slice(0, 200);
  return { error: { field: typeof said['field'] === 'string' ? said['field'] : null, message: `HTTP ${response.status}: ${message}` } };
}
