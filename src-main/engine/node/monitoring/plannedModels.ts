/**
 * What the monitoring export knows of each model without running anything: its input
 * features from the model card's feature spec (or the scenario's `inputs`, or the card's feature
 * order), the reference's null rates and positive rate from `reference.json`, and the held-out
 * AUC from the card. Thresholds are `alerts.drift`'s fixed ones: calibrated thresholds need the
 * reference read through the model, which only a run does (its `replay.started` has them).
 */
import type { PlannedModel } from '../../common/monitoring/monitoringPlan';
import { InputError } from '../../common/run/inputError';
import type { DriftAlertsSection } from '../../common/scenario/sections/alerts';
import type { ModelSection, ModelsSection } from '../../common/scenario/sections/models';
import { readModelCard } from '../model/modelCard';
import { loadModelFeatureSpec } from '../pipelines/modelPipelines';
import { modelLocation } from '../model/modelFolder';
import { readReferenceProfile } from '../model/referenceFile';

/** Each model of the scenario as the plan needs it; `notes` say what was assumed. */
export async function plannedModels(models: ModelsSection, drift: DriftAlertsSection): Promise<{ models: PlannedModel[]; notes: string[] }> {
  const notes: string[] = [];
  if (drift.thresholds === 'calibrated') {
    notes.push(
      `alerts.drift.thresholds is calibrated: the export uses the fixed PSI threshold ${drift.bands.retrain}; a run's replay.started event holds the calibrated ones`,
    );
  }
  const planned: PlannedModel[] = [];
  for (const role of ['blue', 'green'] as const) {
    const section = models[role];
    if (section !== undefined) {
      planned.push(await plannedModel(role, section, drift, notes));
    }
  }
  return { models: planned, notes };
}

async function plannedModel(role: 'blue' | 'green', section: ModelSection, drift: DriftAlertsSection, notes: string[]): Promise<PlannedModel> {
  const { folder } = modelLocation(section.path);
  const card = readModelCard(folder);
  const name = section.name ?? card?.name ?? folder;
  const reference = readReferenceProfile(folder, card);
  if (reference === null) {
    notes.push(`${role}: no reference.json, so its null-rate rules compare with 0 and its positive rate with the same hour a week before`);
  }
  const features = (await featuresOf(role, section, card, folder)).map((f) => {
    const profile = reference?.features.find((r) => r.name === f.name)?.profile;
    const total = profile === undefined ? 0 : profile.count + profile.nulls;
    return { ...f, psiThreshold: drift.bands.retrain, referenceNullRate: profile === undefined || total === 0 ? 0 : profile.nulls / total };
  });
  const auc = heldOutAuc(card);
  if (auc === null) {
    notes.push(`${role}: the model card gives no metrics.heldOut.auc, so its AUC rule compares with the same hour a week before`);
  }
  return {
    role,
    model: name,
    features,
    predictionPsi: drift.bands.retrain,
    reference: { positiveRate: reference?.label.positiveRate ?? null, auc },
    positiveRate: drift.positiveRate,
    aucDrop: drift.aucDrop,
  };
}

async function featuresOf(
  role: string,
  section: ModelSection,
  card: ReturnType<typeof readModelCard>,
  folder: string,
): Promise<{ name: string; kind: 'numeric' | 'categorical' }[]> {
  const spec = await loadModelFeatureSpec(folder, card);
  if (spec !== null) {
    return spec.features.map((f) => ({ name: f.name, kind: f.kind }));
  }
  const columns = section.inputs === undefined ? card?.featureOrder : Array.isArray(section.inputs) ? section.inputs : Object.values(section.inputs);
  if (columns === undefined) {
    throw new InputError(`models.${role}`, 'expected inputs, or a model card with featureModule or featureOrder: the rules watch each input feature by name');
  }
  return columns.map((name) => ({ name, kind: 'numeric' as const }));
}

function heldOutAuc(card: ReturnType<typeof readModelCard>): number | null {
  const metrics = card?.['metrics'];
  const heldOut = typeof metrics === 'object' && metrics !== null ? (metrics as Record<string, unknown>)['heldOut'] : undefined;
  const auc = typeof heldOut === 'object' && heldOut !== null ? (heldOut as Record<string, unknown>)['auc'] : undefined;
  return typeof auc === 'number' && Number.isFinite(auc) ? auc : null;
}
