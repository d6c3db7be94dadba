/**
 * The feature checks of preflight: for each loaded model with a feature spec, the
 * sampled requests' features from both pipelines compared (`feature.parity`), and each joined
 * feature recomputed from the raw rows with the as-of rule (`feature.pointInTime`, on the replayed
 * requests and on the model's training window) and aged at request time (`feature.freshness`).
 * The events carry everything the report shows; the check is decided from them.
 */
import type { FeatureParityMeasured, PointInTimeChecked } from '../../../../contract/events';
import type { FeatureDefinition } from '../../features/featureSpec';
import { compareFeature } from '../../features/parity/compareFeature';
import { measureFreshness } from '../../features/parity/freshness';
import { checkPointInTime, HISTORY_KEY, joinedPosition, readKeyHistories } from '../../features/parity/pointInTime';
import { sampleRequests, type SampledRequests } from '../../features/parity/sampleRequests';
import { formatEventTime } from '../../time/eventTime';
import type { PhaseContext } from '../phase';
import type { OpenSnapshot } from '../runSnapshots';
import type { ReadyModel } from '../state';
import { servingValues } from './servingValues';

/** Runs every feature check on the sample, appending each result as an event (`feature-parity`'s evidence). */
export async function checkFeatures(context: PhaseContext, sampled: SampledRequests): Promise<void> {
  const { file, log } = context;
  const maxAge = file.scenario.features.freshness?.maxAge ?? null;
  const withSpec = context.state.models.some((m) => m.features !== null);
  for (const model of context.state.models) {
    if (model.features === null || model.serving === null) {
      if (withSpec) {
        log.append({
          kind: 'feature.unavailable',
          role: model.role,
          model: model.artifact.name,
          reason: 'its card names no feature spec, so it has no serving pipeline of its own',
        });
      }
      continue;
    }
    log.append(await measureParity(context, model, sampled));
    for (const feature of model.features.spec.features) {
      if (feature.joined === undefined) {
        continue;
      }
      log.append({
        kind: 'feature.freshness',
        role: model.role,
        model: model.artifact.name,
        feature: feature.name,
        ...measureFreshness(feature.joined, model.features.tables, sampled, maxAge),
      });
      const history = await context.data.history(model.role);
      if (history === null) {
        log.append({
          kind: 'feature.unavailable',
          role: model.role,
          model: model.artifact.name,
          reason: `${feature.name} not recomputed: the snapshot has no label (snapshots.production.label) to count`,
        });
        continue;
      }
      for (const checked of await pointInTime(context, model, feature, sampled, history)) {
        log.append(checked);
      }
    }
  }
}

/** One model's features from both pipelines, compared request by request. */
async function measureParity(context: PhaseContext, model: ReadyModel, sampled: SampledRequests): Promise<FeatureParityMeasured> {
  const { parity } = context.file.scenario.features;
  const production = context.file.scenario.snapshots.production;
  const spec = model.features!.spec;
  const serving = await servingValues(model.serving!, sampled);
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
  history: OpenSnapshot,
): Promise<PointInTimeChecked[]> {
  const { snapshots, features } = context.file.scenario;
  const samples: { name: 'production' | 'reference'; requests: SampledRequests }[] = [{ name: 'production', requests: replayed }];
  const reference = await context.data.reference(model.role);
  if (reference !== null) {
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
  // The whole history the table is built from: its rows from the table's start, not the section's window.
  const byKey = await readKeyHistories(
    history.source.read({ columns: [HISTORY_KEY], derived: { [HISTORY_KEY]: joined.keySql }, from: since, to: until }),
    keys,
  );
  return samples.map(({ name, requests }): PointInTimeChecked => {
    const used = requests.training.get(column) ?? new Float64Array(requests.ids.length).fill(Number.NaN);
    const result = checkPointInTime(joined, tables, { ...requests, used }, byKey, snapshots.production.labelDelay, features.parity.tolerance);
    return {
      kind: 'feature.pointInTime',
      role: model.role,
      model: model.artifact.name,
      feature: feature.name,
      sample: name,
      history: history.source.description,
      labelDelayMs: snapshots.production.labelDelay,
      ...result,
    };
  });
}

/** A sample of the model's training window through its training pipeline, for the point-in-time check. */
async function sampleWindow(context: PhaseContext, model: ReadyModel, feature: FeatureDefinition, reference: OpenSnapshot): Promise<SampledRequests> {
  const { parity } = context.file.scenario.features;
  const column = `${model.role}.${feature.name}`;
  const fields = [...new Set(model.features!.spec.features.flatMap((f) => f.fields))];
  return sampleRequests(reference.source, reference.section, { rows: parity.sample, seed: parity.seed }, fields, {
    columns: [column],
    derived: { [column]: model.derived[column]! },
    relations: model.relations,
    joins: model.joins,
  });
}
