/**
 * Preflight: every model's digests are checked before anything loads (a mismatch fails
 * `dependency-pinning` and the model is never loaded), then the models load on the requested
 * execution provider (CUDA falls back to CPU with the reason recorded), and their inputs are
 * planned against the production snapshot so a mismatch is caught before replay.
 */
import type { ReadinessCheck } from '../../../../contract/report';
import { CHECK_TITLES } from '../../checks/catalog';
import type { ModelSection } from '../../scenario/sections/models';
import type { ModelArtifact } from '../environment';
import type { Phase, PhaseContext } from '../phase';
import { readyModel } from '../readyModel';

export const preflightPhase: Phase = {
  id: 'preflight',
  checks: [],
  enabled: () => true,
  async run(context: PhaseContext): Promise<void> {
    const { file, env, log, state } = context;
    const roles = modelRoles(file.scenario.models);
    const refused: ModelArtifact[] = [];
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
      }
    }
    if (refused.length > 0) {
      log.append({ kind: 'check.resolved', check: digestFailure(refused) });
    }

    const source = await env.snapshots.open(file.scenario.snapshots.production, 'production');
    const available = [...source.columns.map((c) => c.name), ...Object.keys(file.scenario.features.derived)];
    await source.close();

    for (const [role, section] of roles) {
      const artifact = state.artifacts.find((a) => a.path === section.path)!;
      if (refused.includes(artifact)) {
        log.append({ kind: 'notice', level: 'warn', message: `${role} model ${artifact.name} is not loaded: ${artifact.message}` });
        continue;
      }
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
      state.models.push(await readyModel(role, artifact, { inference, fallbackReason, features }, section, available, `models.${role} (${artifact.path})`));
    }
  },
};

function modelRoles(models: { blue: ModelSection; green?: ModelSection | undefined }): [('blue' | 'green'), ModelSection][] {
  return models.green ? [['blue', models.blue], ['green', models.green]] : [['blue', models.blue]];
}

function digestFailure(refused: readonly ModelArtifact[]): ReadinessCheck {
  return {
    id: 'dependency-pinning',
    title: CHECK_TITLES['dependency-pinning'],
    status: 'FAIL',
    observed: refused.map((a) => `${a.name}: ${a.message}`).join(' '),
    threshold: 'Every model file matches the digest in its model.sha256.',
    evidence: refused.flatMap((a) => a.files.map((f) => ({ label: `${a.name}/${f.file}`, value: `expected ${f.expected ?? 'none'}, found ${f.actual ?? 'missing'}` }))),
    next: 'Rebuild the model folder or restore the artifact the digest was written for; never serve a model whose digest does not match.',
  };
}
