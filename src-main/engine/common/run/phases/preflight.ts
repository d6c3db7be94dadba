/**
 * Preflight: every model's digests are checked before anything loads (a mismatch fails
 * `dependency-pinning` at once and the model is never loaded); each model's training lock is
 * compared with the serving environment's; the models load on the requested execution provider
 * (CUDA falls back to CPU with the reason recorded) and their inputs are planned against the
 * production snapshot. Then a seeded sample of production requests goes through each model's
 * training and serving pipelines (`feature-parity`, with point-in-time and freshness checks of
 * joined features) and through each model's runtimes (the rest of `dependency-pinning`).
 */
import { dependencyPinningCheck, type LockEvidence } from '../../checks/dependencyPinning';
import { sampleRequests } from '../../features/parity/sampleRequests';
import type { ModelSection } from '../../scenario/sections/models';
import type { ModelArtifact } from '../environment';
import type { Phase, PhaseContext } from '../phase';
import { compareModelLocks, measureModelRuntimes } from '../preflight/dependencyEvidence';
import { checkFeatures } from '../preflight/featureChecks';
import { readyModel } from '../readyModel';

export const preflightPhase: Phase = {
  id: 'preflight',
  checks: ['feature-parity', 'dependency-pinning'],
  enabled: () => true,
  async run(context: PhaseContext): Promise<void> {
    const { file, env, log, state } = context;
    const roles = modelRoles(file.scenario.models);
    const refused: ModelArtifact[] = [];
    const verified: { role: 'blue' | 'green'; artifact: ModelArtifact }[] = [];
    for (const [role, section] of roles) {
      const artifact = await env.models.verify(section);
      state.artifacts.push(artifact);
      log.append({
        kind: 'model.verified',
        role,
        name: artifact.name,
        path: artifact.path,
        verified: artifact.verified,
        allowUnverified: env.allowUnverified,
        files: artifact.files,
        message: artifact.message,
      });
      if (!artifact.verified && !env.allowUnverified) {
        refused.push(artifact);
      } else {
        verified.push({ role, artifact });
      }
    }
    const digests = digestEvidence(context);
    if (refused.length > 0) {
      // A digest mismatch fails the check on its own; nothing of that model is read any further.
      log.append({ kind: 'check.resolved', check: dependencyPinningCheck({ digests, locks: [], runtime: [] }) });
    }
    const locks: LockEvidence[] = refused.length > 0 ? [] : await compareModelLocks(context, verified);

    const production = file.scenario.snapshots.production;
    const source = await env.snapshots.open(production, 'production');
    try {
      const available = [...source.columns.map((c) => c.name), ...Object.keys(file.scenario.features.derived)];
      for (const { role, artifact } of verified) {
        const section = roles.find(([r]) => r === role)![1];
        const { inference, fallbackReason, features } = await env.models.load(artifact, env.executionProvider);
        if (fallbackReason !== null) {
          const fallback = { kind: 'ep.fallback', role, requested: env.executionProvider, used: inference.executionProvider, reason: fallbackReason } as const;
          log.append(fallback);
          env.announce?.(fallback);
        }
        log.append({
          kind: 'model.loaded',
          role,
          name: artifact.name,
          sha256: artifact.sha256,
          requestedProvider: env.executionProvider,
          executionProvider: inference.executionProvider,
          inputs: inference.inputs,
          outputs: inference.outputs,
        });
        const variant = file.scenario.features.servingVariant[role];
        const choice = variant === undefined ? null : { name: variant, field: `features.servingVariant.${role}` };
        state.models.push(
          await readyModel(role, artifact, { inference, fallbackReason, features }, section, available, `models.${role} (${artifact.path})`, choice),
        );
      }
      for (const artifact of refused) {
        log.append({
          kind: 'notice',
          level: 'warn',
          message: `${roles.find(([, s]) => s.path === artifact.path)?.[0] ?? 'a'} model ${artifact.name} is not loaded: ${artifact.message}`,
        });
      }

      const { parity } = file.scenario.features;
      const sampled = await sampleRequests(source, production, { rows: parity.sample, seed: parity.seed }, servingFields(context), trainingColumns(context));
      const notLoaded = refused.filter((a) => a.featureSpec !== undefined).map((a) => ({ model: a.name, reason: `not loaded: ${a.message}` }));
      log.append({ kind: 'check.resolved', check: await checkFeatures(context, sampled, notLoaded) });
      if (refused.length === 0) {
        const runtime = await measureModelRuntimes(context, sampled.trainingChunks);
        log.append({ kind: 'check.resolved', check: dependencyPinningCheck({ digests, locks, runtime }) });
      }
    } finally {
      await source.close();
    }
  },
};

function modelRoles(models: { blue: ModelSection; green?: ModelSection | undefined }): ['blue' | 'green', ModelSection][] {
  return models.green
    ? [
        ['blue', models.blue],
        ['green', models.green],
      ]
    : [['blue', models.blue]];
}

/** The `model.verified` bodies already in the log: the digest evidence. */
function digestEvidence(context: PhaseContext): Parameters<typeof dependencyPinningCheck>[0]['digests'] {
  return context.log.events.flatMap((e) =>
    e.kind === 'model.verified'
      ? [{ role: e.role, name: e.name, path: e.path, verified: e.verified, allowUnverified: e.allowUnverified, files: e.files, message: e.message }]
      : [],
  );
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
