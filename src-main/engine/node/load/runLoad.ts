/**
 * The load generator's entry points for every face. `runLoad(plan)` prepares the
 * bodies (model metadata or snapshot rows), runs the open-loop schedule over keep-alive HTTP and
 * returns the `LoadResult`; `findLoadKnee(plan)` searches for the highest rate that holds the SLA,
 * preparing the bodies once. The CLI's `rehearse load` and the phases that run load under a
 * profile or a rollout step call these.
 */
import type { KneeResult, LoadResult } from '../../../contract/load';
import type { Clock } from '../../common/ports/clock';
import { connectionsFor } from '../../common/load/connections';
import { defaultKneeSearch, findKnee, type KneeSearch } from '../../common/load/knee';
import type { LoadPlan } from '../../common/load/loadPlan';
import type { LoadHooks } from '../../common/ports/serving';
import { DEFAULT_SCHEDULE_TOLERANCE_MS, loadResult } from '../../common/load/loadResult';
import { runOpenLoop, type OpenLoopTally } from '../../common/load/openLoop';
import type { LatencyHistogram, LatencyView } from '../../common/ports/latencyHistogram';
import { rateShape } from '../../common/load/rateShape';
import { isNumericDatatype, recordBody, sourcedInferBody, sourcedPredictBody, type InputTensor, type NumericSource } from '../../common/load/requestBodies';
import { InputError } from '../../common/run/inputError';
import { seededRng } from '../../common/rng/seededRng';
import { systemClock } from '../run/systemClock';
import { systemScheduler } from '../run/systemScheduler';
import { hdrLatencyHistogram } from './hdrHistogram';
import { httpTransport } from './httpTransport';
import { fetchModelMetadata, rowWidth, withSlash, type ModelMetadata } from './modelMetadata';
import { readSnapshotRecords } from './snapshotRecords';
import { payloadRecordLimit, sentEventTimes } from '../../common/load/payloadRecords';

/** The endpoint and the bodies, ready before the clock starts. */
export interface PreparedLoad {
  readonly endpoint: URL;
  readonly bodies: readonly Buffer[];
  /** Where the bodies came from, in one line. */
  readonly payload: string;
  /** The event time of each body's record, for snapshot records; null for numeric bodies. */
  readonly eventTimes: readonly number[] | null;
}

/** Distinct numeric bodies; requests cycle through them. */
const NUMERIC_BODIES = 1024;

/** Runs one load and returns what it measured. Bad plans and unreachable servers are InputErrors. */
export async function runLoad(plan: LoadPlan, clock: Clock = systemClock, hooks: LoadHooks = {}): Promise<LoadResult> {
  checkPlan(plan);
  return runPreparedLoad(plan, await prepareLoad(plan, plan.rps), clock, hooks);
}

/** A load's result with its corrected latency distribution, encoded so runs elsewhere can be merged with it exactly. */
export interface MeasuredLoad {
  readonly result: LoadResult;
  /** hdr-histogram-js compressed base64, microseconds. */
  readonly correctedHistogram: string;
}

/** Runs one load, keeping the corrected histogram (`rehearse load --hdr-out`); `histogram` makes each view's histogram. */
export async function runMeasuredLoad(plan: LoadPlan, histogram: (view: LatencyView) => LatencyHistogram = hdrLatencyHistogram): Promise<MeasuredLoad> {
  checkPlan(plan);
  const prepared = await prepareLoad(plan, plan.rps);
  const { result, tally } = await measurePreparedLoad(plan, prepared, systemClock, {}, histogram);
  if (tally.correctedEncoded === undefined) {
    throw new Error('the latency histogram cannot encode itself; an HDR histogram is needed');
  }
  return { result, correctedHistogram: tally.correctedEncoded };
}

/** Searches for the knee: the highest rate at which a run of `plan` holds its SLA. */
export async function findLoadKnee(plan: LoadPlan, search: KneeSearch = defaultKneeSearch(plan.rps), clock: Clock = systemClock): Promise<KneeResult> {
  checkPlan(plan);
  const prepared = await prepareLoad(plan, search.maxRps);
  return findKnee(search, plan.slaMs, (rps) =>
    runPreparedLoad({ ...plan, rps, connections: plan.connections ?? connectionsFor(rps, plan.slaMs) }, prepared, clock),
  );
}

/** Reads the model's metadata or the snapshot, and builds every body, for rates up to `maxRps`. */
export async function prepareLoad(plan: LoadPlan, maxRps: number): Promise<PreparedLoad> {
  const base = withSlash(plan.url);
  const rng = seededRng((plan.seed ^ 0x5eed) >>> 0);
  if (plan.payload.kind !== 'numeric') {
    if (plan.protocol !== 'predict') {
      throw new InputError('--payload-from', 'raw records are sent to /predict; use --protocol predict');
    }
    const { records, eventTimes, description } =
      plan.payload.kind === 'records'
        ? plan.payload
        : await readSnapshotRecords({
            path: plan.payload.path,
            order: plan.payload.order,
            limit: payloadRecordLimit(maxRps, plan.durationMs),
            seed: plan.seed,
            ...(plan.payload.timestamp ? { timestamp: plan.payload.timestamp } : {}),
          });
    return { endpoint: new URL('predict', base), bodies: records.map((r) => Buffer.from(recordBody(r))), payload: description, eventTimes };
  }
  const metadata = await fetchModelMetadata(plan.url, plan.modelName);
  const where = new URL(`v2/models/${encodeURIComponent(metadata.name)}`, base).href;
  const inputs: InputTensor[] = metadata.inputs.map((input) => {
    if (!isNumericDatatype(input.datatype)) {
      throw new InputError(
        where,
        `input "${input.name}" is ${input.datatype}; numeric payloads fill numeric tensors only (use --payload-from with raw records)`,
      );
    }
    return { name: input.name, datatype: input.datatype, width: rowWidth(input, where) };
  });
  const width = inputs.reduce((sum, input) => sum + input.width, 0);
  const { source, description } = numericSource(metadata, inputs, width, where);
  const build = plan.protocol === 'oip' ? sourcedInferBody : sourcedPredictBody;
  const bodies = Array.from({ length: NUMERIC_BODIES }, () => Buffer.from(build(inputs, source, rng)));
  const endpoint = plan.protocol === 'oip' ? new URL(`v2/models/${encodeURIComponent(metadata.name)}/infer`, base) : new URL('predict', base);
  return { endpoint, bodies, payload: `numeric, model ${metadata.name}, width ${width}, ${NUMERIC_BODIES} ${description}`, eventTimes: null };
}

/**
 * Rows drawn from the reference profile the server publishes; without one, zeros, which any float
 * input takes. Category codes cannot be guessed: a model with them and no profile is refused.
 */
function numericSource(metadata: ModelMetadata, inputs: readonly InputTensor[], width: number, where: string): { source: NumericSource; description: string } {
  if (metadata.profile && metadata.profile.features.length === width) {
    return {
      source: { kind: 'profile', profile: metadata.profile },
      description: 'rows drawn from its reference profile (quantiles and observed category codes)',
    };
  }
  const coded = [...(metadata.categorical ?? []), ...inputs.filter((input) => input.datatype.includes('INT')).map((input) => input.name)];
  if (coded.length > 0) {
    throw new InputError(
      where,
      `the model has categorical inputs (${coded.join(', ')}) and the server publishes no reference profile to draw valid codes from: use --payload-from <snapshot> to send real records`,
    );
  }
  return { source: { kind: 'defaults' }, description: 'rows of typed defaults (0: the server publishes no reference profile)' };
}

/** Runs the schedule of `plan` with bodies already built. */
export async function runPreparedLoad(plan: LoadPlan, prepared: PreparedLoad, clock: Clock = systemClock, hooks: LoadHooks = {}): Promise<LoadResult> {
  return (await measurePreparedLoad(plan, prepared, clock, hooks, hdrLatencyHistogram)).result;
}

async function measurePreparedLoad(
  plan: LoadPlan,
  prepared: PreparedLoad,
  clock: Clock,
  hooks: LoadHooks,
  histogram: (view: LatencyView) => LatencyHistogram,
): Promise<{ result: LoadResult; tally: OpenLoopTally }> {
  const shape = rateShape(plan.shape, plan.rps, plan.durationMs);
  const connections = plan.connections ?? connectionsFor(plan.rps, plan.slaMs);
  // Which bodies were written, so the result can say which stretch of event time the load sent.
  const written = prepared.eventTimes === null ? null : new Uint8Array(prepared.bodies.length);
  const transport = httpTransport({ url: prepared.endpoint, bodies: prepared.bodies, connections, clock, ...(written ? { written } : {}) });
  try {
    const tally = await runOpenLoop(shape, plan.timeoutMs, {
      clock,
      scheduler: systemScheduler,
      transport,
      rng: seededRng(plan.seed),
      histogram,
      watch: {
        ...hooks,
        ...(plan.intervalMs !== undefined ? { intervalMs: plan.intervalMs } : {}),
        ...(plan.marksMs !== undefined ? { marksMs: plan.marksMs } : {}),
      },
    });
    const result = loadResult(shape, tally, {
      slaMs: plan.slaMs,
      scheduleToleranceMs: plan.scheduleToleranceMs ?? DEFAULT_SCHEDULE_TOLERANCE_MS,
      protocol: plan.protocol,
      url: prepared.endpoint.href,
      payload: prepared.payload,
      sentEventTimes: written === null ? null : sentEventTimes(prepared.eventTimes!, written),
      connections,
      seed: plan.seed,
    });
    return { result, tally };
  } finally {
    await transport.close();
  }
}

function checkPlan(plan: LoadPlan): void {
  const positive: [string, number][] = [
    ['rps', plan.rps],
    ['durationMs', plan.durationMs],
    ['slaMs', plan.slaMs],
    ['timeoutMs', plan.timeoutMs],
  ];
  for (const [field, value] of positive) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new InputError(`load.${field}`, `expected a positive number, got ${value}`);
    }
  }
  if (plan.connections !== undefined && !(Number.isInteger(plan.connections) && plan.connections >= 1)) {
    throw new InputError('load.connections', `expected a whole number >= 1, got ${plan.connections}`);
  }
  let url: URL;
  try {
    url = new URL(plan.url);
  } catch {
    throw new InputError('load.url', `expected a URL such as http://127.0.0.1:8000, got "${plan.url}"`);
  }
  if (url.protocol !== 'http:') {
    throw new InputError('load.url', `expected an http:// URL (the generator speaks plain HTTP/1.1), got "${plan.url}"`);
  }
}
