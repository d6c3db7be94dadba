/**
 * The feature checks of preflight: for each loaded model with a feature spec, the
 * sampled requests' features from both pipelines compared (`feature.parity`), and each joined
 * feature recomputed from the raw rows with the as-of rule (`feature.pointInTime`, on the replayed
 * requests and on the model's training window) and aged at request time (`feature.freshness`).
 * The events carry everything the report shows; the check is decided from them.
 */
import type { FeatureParityMeasured, FreshnessMeasured, PointInTimeChecked } from '../../../../contract/events';
import type { ReadinessCheck } from '../../../../contract/report';
import { featureParityCheck, type FeatureParityEvidence } from '../../checks/featureParity';
import type { FeatureDefinition } from '../../features/featureSpec';
import { compareFeature } from '../../features/parity/compareFeature';
import { measureFreshness } from '../../features/parity/freshness';
import { checkPointInTime, HISTORY_KEY, joinedPosition, readKeyHistories } from '../../features/parity/pointInTime';
import { sampleRequests, type SampledRequests } from '../../features/parity/sampleRequests';
import type { SnapshotSection } from '../../scenario/sections/snapshots';
import { formatEventTime } from '../../time/eventTime';
import type { PhaseContext } from '../phase';
import type { ReadyModel } from '../state';
import { servingValues } from './servingValues';

/** Runs every feature check on the sample and resolves `feature-parity`. */
export async function checkFeatures(
  context: PhaseContext,
  sampled: SampledRequests,
  notLoaded: readonly { readonly model: string; readonly reason: string }[],
): Promise<ReadinessCheck> {
  const { file, log } = context;
  const features = file.scenario.features;
  const evidence: {
    parity: FeatureParityMeasured[];
    pointInTime: PointInTimeChecked[];
    freshness: FreshnessMeasured[];
    unavailable: { model: string; reason: string }[];
  } = {
    parity: [],
    pointInTime: [],
    freshness: [],
    unavailable: [...notLoaded],
  };
  const withSpec = context.state.models.some((m) => m.features !== null);
  for (const model of context.state.models) {
    if (model.features === null || model.serving === null) {
      if (withSpec) {
        evidence.unavailable.push({ model: model.artifact.name, reason: 'its card names no feature spec, so it has no serving pipeline of its own' });
      }
      continue;
    }
    const parity = measureParity(context, model, sampled);
    log.append(parity);
    evidence.parity.push(parity);
    for (const feature of model.features.spec.features) {
      if (feature.joined === undefined) {
        continue;
      }
      const freshness: FreshnessMeasured = {
        kind: 'feature.freshness',
        role: model.role,
        model: model.artifact.name,
        feature: feature.name,
        ...measureFreshness(feature.joined, model.features.tables, sampled, features.freshness?.maxAge ?? null),
      };
      log.append(freshness);
      evidence.freshness.push(freshness);
      const history = historySection(context, model.role);
      if (history === null) {
        evidence.unavailable.push({
          model: model.artifact.name,
          reason: `${feature.name} not recomputed: the snapshot has no label (snapshots.production.label) to count`,
        });
        continue;
      }
      for (const checked of await pointInTime(context, model, feature, sampled, history)) {
        log.append(checked);
        evidence.pointInTime.push(checked);
      }
    }
  }
  const gathered: FeatureParityEvidence = evidence;
  return featureParityCheck(gathered, features.parity, features.freshness?.maxAge ?? null);
}

/** One model's features from both pipelines, compared request by request. */
function measureParity(context: PhaseContext, model: ReadyModel, sampled: SampledRequests): FeatureParityMeasured {
  const { parity } = context.file.scenario.features;
  const production = context.file.scenario.snapshots.production;
  const spec = model.features!.spec;
  const serving = servingValues(model.serving!, sampled);
  const missing = new Float64Array(sampled.ids.length).fill(Number.NaN);
  const comparisons = spec.features.map((feature, j) =>
    compareFeature(feature, sampled, sampled.training.get(`${model.role}.${feature.name}`) ?? missing, serving.columns[j]!, parity),
  );
  return {
    kind: 'feature.parity',
    role: model.role,
    model: model.artifact.name,
    featureSpec: spec.id,
    servingVariant: model.serving!.variant,
    sample: {
      source: production.path,
      seed: parity.seed,
      requested: parity.sample,
      requests: sampled.ids.length,
      joined: sampled.joined,
      from: sampled.ids.length > 0 ? formatEventTime(sampled.eventTimes[0]!) : null,
      to: sampled.ids.length > 0 ? formatEventTime(sampled.eventTimes[sampled.ids.length - 1]!) : null,
    },
    tolerance: parity.tolerance,
    maxMismatchRate: parity.maxMismatchRate,
    servingErrors: serving.errors,
    servingErrorExamples: serving.errorExamples,
    features: comparisons,
    passed: sampled.ids.length > 0 && comparisons.every((c) => c.passed),
  };
}

/**
 * A joined feature recomputed for the replayed requests and, when the scenario names the model's
 * training window (snapshots.reference), for a sample of it: that is where a leak inflates what
 * the model learned.
 */
async function pointInTime(
  context: PhaseContext,
  model: ReadyModel,
  feature: FeatureDefinition,
  replayed: SampledRequests,
  whole: SnapshotSection,
): Promise<PointInTimeChecked[]> {
  const { snapshots, features } = context.file.scenario;
  const samples: { name: 'production' | 'reference'; requests: SampledRequests }[] = [{ name: 'production', requests: replayed }];
  const reference = snapshots.reference?.[model.role];
  if (reference !== undefined) {
    samples.push({ name: 'reference', requests: await sampleWindow(context, model, feature, reference) });
  }
  const joined = feature.joined!;
  const tables = model.features!.tables;
  const column = `${model.role}.${feature.name}`;
  const since = joined.since(tables);
  let until = since;
  const keys = new Set<string>();
  for (const { requests } of samples) {
    for (const record of requests.records) {
      const position = joinedPosition(joined, record, tables);
      if (position !== null) {
        until = Math.max(until, position.asOf);
        keys.add(position.key);
      }
    }
  }
  const history = await context.env.snapshots.open(whole, 'history');
  let byKey;
  try {
    byKey = await readKeyHistories(history.read({ columns: [HISTORY_KEY], derived: { [HISTORY_KEY]: joined.keySql }, from: since, to: until }), keys);
  } finally {
    await history.close();
  }
  return samples.map(({ name, requests }): PointInTimeChecked => {
    const used = requests.training.get(column) ?? new Float64Array(requests.ids.length).fill(Number.NaN);
    const result = checkPointInTime(joined, tables, { ...requests, used }, byKey, snapshots.production.labelDelay, features.parity.tolerance);
    return {
      kind: 'feature.pointInTime',
      role: model.role,
      model: model.artifact.name,
      feature: feature.name,
      sample: name,
      history: history.description,
      labelDelayMs: snapshots.production.labelDelay,
      ...result,
    };
  });
}

/**
 * The raw rows a joined table is built from: the training window's source (else production's),
 * all of it, not only its window; null when neither has a label to count.
 */
function historySection(context: PhaseContext, role: 'blue' | 'green'): SnapshotSection | null {
  const { snapshots } = context.file.scenario;
  const source = [snapshots.reference?.[role], snapshots.production].find((s) => s?.label !== undefined);
  if (source === undefined) {
    return null;
  }
  const { from: _from, to: _to, ...whole } = source;
  return whole;
}

/** A sample of the model's training window through its training pipeline, for the point-in-time check. */
async function sampleWindow(context: PhaseContext, model: ReadyModel, feature: FeatureDefinition, section: SnapshotSection): Promise<SampledRequests> {
  const { parity } = context.file.scenario.features;
  const source = await context.env.snapshots.open(section, 'reference');
  try {
    const column = `${model.role}.${feature.name}`;
    const fields = [...new Set(model.features!.spec.features.flatMap((f) => f.fields))];
    return await sampleRequests(source, section, { rows: parity.sample, seed: parity.seed }, fields, {
      columns: [column],
      derived: { [column]: model.derived[column]! },
      relations: model.relations,
      joins: model.joins,
    });
  } finally {
    await source.close();
  }
}
