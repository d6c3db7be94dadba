/**
 * Preflight: every model's digests are checked before anything loads (a mismatch is never
 * loaded, and fails `dependency-pinning` on its own); each model's training lock is compared with
 * the serving environment's; the models load on the requested execution provider (CUDA falls back
 * to CPU with the reason recorded) and their inputs are planned against the production snapshot.
 * Then a seeded sample of production requests goes through each model's training and serving
 * pipelines (the evidence of `feature-parity`, with point-in-time and freshness checks of joined
 * features) and through each model's runtimes (the rest of `dependency-pinning`).
 */
import { sampleRequests } from '../../features/parity/sampleRequests';
import type { ModelArtifact } from '../../ports/models';
import type { ModelSection } from '../../scenario/sections/models';
import type { Phase, PhaseContext } from '../phase';
import { compareModelLocks, measureModelRuntimes } from '../preflight/dependencyEvidence';
import { checkFeatures } from '../preflight/featureChecks';
import { readyModel } from '../readyModel';
import { rejectRateProblem } from '../scoreStream';

type Role = 'blue' | 'green';

export const preflightPhase: Phase = {
  id: 'preflight',
  enabled: () => true,
  async run(context: PhaseContext): Promise<void> {
    const { file, log } = context;
    const { refused, verified } = await verifyModels(context);
    if (refused.length === 0) {
      await compareModelLocks(context, verified);
    }
    stopIfAsked(context);
    const production = await context.data.production();
    const available = [...production.source.columns.map((c) => c.name), ...Object.keys(file.scenario.features.derived)];
    for (const { role, artifact } of verified) {
      stopIfAsked(context);
      await loadModel(context, role, artifact, available);
    }
    for (const { role, artifact } of refused) {
      log.append({ kind: 'notice', level: 'warn', message: `${role} model ${artifact.name} is not loaded: ${artifact.message}` });
    }
    const { parity } = file.scenario.features;
    const sampled = await sampleRequests(
      production.source,
      production.section,
      { rows: parity.sample, seed: parity.seed },
      servingFields(context),
      trainingColumns(context),
    );
    // A refused model with pipelines of its own could not be checked: said first, as the check lists them.
    for (const { role, artifact } of refused.filter((r) => r.artifact.featureSpec !== undefined)) {
      log.append({ kind: 'feature.unavailable', role, model: artifact.name, reason: `not loaded: ${artifact.message}` });
    }
    stopIfAsked(context);
    await refuseUnreadableRows(context);
    await checkFeatures(context, sampled);
    stopIfAsked(context);
    if (refused.length === 0) {
      await measureModelRuntimes(context, sampled.trainingChunks);
    }
  },
};

/** Between preflight's steps: a run told to stop goes no further (the spine records the phase as stopped). */
function stopIfAsked(context: PhaseContext): void {
  if (context.control.stopped()) {
    throw new Error('stopped');
  }
}

/** Checks every model's digests (`model.verified`); a mismatch is refused unless the run allows it. */
async function verifyModels(
  context: PhaseContext,
): Promise<{ refused: { role: Role; artifact: ModelArtifact }[]; verified: { role: Role; artifact: ModelArtifact }[] }> {
  const { file, ports, options, log, state } = context;
  const refused: { role: Role; artifact: ModelArtifact }[] = [];
  const verified: { role: Role; artifact: ModelArtifact }[] = [];
  for (const [role, section] of modelRoles(file.scenario.models)) {
    const artifact = await ports.models.verify(section);
    state.artifacts.push(artifact);
    log.append({
      kind: 'model.verified',
      role,
      name: artifact.name,
      path: artifact.path,
      verified: artifact.verified,
      allowUnverified: options.allowUnverified,
      files: artifact.files,
      message: artifact.message,
    });
    (!artifact.verified && !options.allowUnverified ? refused : verified).push({ role, artifact });
  }
  return { refused, verified };
}

/** Loads one model with its feature pipelines and plans its inputs against the snapshot's columns. */
async function loadModel(context: PhaseContext, role: Role, artifact: ModelArtifact, available: readonly string[]): Promise<void> {
  const { file, ports, options, log, state } = context;
  const section = file.scenario.models[role]!;
  const features = await ports.features.forModel(artifact);
  const loaded = await ports.models.load(artifact, options.executionProvider);
  const { inference, fallbackReason } = loaded;
  if (fallbackReason !== null) {
    log.append({ kind: 'ep.fallback', role, requested: options.executionProvider, used: inference.executionProvider, reason: fallbackReason });
  }
  log.append({
    kind: 'model.loaded',
    role,
    name: artifact.name,
    sha256: artifact.sha256,
    requestedProvider: options.executionProvider,
    executionProvider: inference.executionProvider,
    inputs: inference.inputs,
    outputs: inference.outputs,
  });
  const variant = file.scenario.features.servingVariant[role];
  const choice = variant === undefined ? null : { name: variant, field: `features.servingVariant.${role}` };
  // The scenario's derived features replace a snapshot column of the same name: only the others are checked for their kind.
  const { source } = await context.data.production();
  const derived = file.scenario.features.derived;
  const snapshot = { description: source.description, columns: source.columns.filter((c) => !(c.name in derived)) };
  state.models.push(await readyModel(role, artifact, { ...loaded, features }, section, available, `models.${role} (${artifact.path})`, choice, snapshot));
}

function modelRoles(models: { blue: ModelSection; green?: ModelSection | undefined }): [Role, ModelSection][] {
  return models.green
    ? [
        ['blue', models.blue],
        ['green', models.green],
      ]
    : [['blue', models.blue]];
}

/** The raw fields every loaded model's serving pipeline reads: the sampled requests' records. */
function servingFields(context: PhaseContext): string[] {
  return [...new Set(context.state.models.flatMap((m) => m.serving?.fields ?? []))];
}

/** What the training side reads: every model's spec features as SQL, and every model's inputs (for runtime parity). */
function trainingColumns(context: PhaseContext) {
  const models = context.state.models;
  const specColumns = models.flatMap((m) => m.features?.spec.features.map((f) => `${m.role}.${f.name}`) ?? []);
  return {
    columns: [...new Set([...specColumns, ...models.flatMap((m) => m.columns)])],
    derived: Object.assign({}, context.file.scenario.features.derived, ...models.map((m) => m.derived)) as Record<string, string>,
    relations: Object.assign({}, ...models.map((m) => m.relations)),
    joins: models.flatMap((m) => m.joins),
  };
}

/**
 * The sample's training read scanned every row of the window in the models' columns, so the rows
 * it could not read (a word in a numeric column, a damaged quote) are known here: above the
 * tolerated rate the run stops now, naming the first line, rather than after preflight said ok.
 */
async function refuseUnreadableRows(context: PhaseContext): Promise<void> {
  const { source, section } = await context.data.production();
  const rejects = source.rejects();
  if (rejects.rejected === 0) {
    return;
  }
  const extent = source.extent ? await source.extent({ columns: [], derived: {}, from: section.from, to: section.to }) : null;
  const problem = rejectRateProblem(rejects, extent?.rows ?? 0, section.maxRejectRate, section.path, 'snapshots.production.maxRejectRate');
  if (problem) {
    context.log.append({
      kind: 'snapshot.rejects',
      role: 'production',
      source: source.description,
      rejected: rejects.rejected,
      read: extent?.rows ?? 0,
      examples: rejects.examples,
    });
    throw problem;
  }
}
