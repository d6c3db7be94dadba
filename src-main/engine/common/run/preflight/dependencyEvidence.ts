/**
 * The evidence of `dependency-pinning` besides the digests (docs/ARCHITECTURE.md, "Dependencies"):
 * each model's training lock against the serving environment's lock (`lock.compared`), and the
 * sampled rows through each runtime of each loaded model (`runtime.parity`).
 */
import { compareLocks } from '../../locks/compareLocks';
import type { ModelArtifact } from '../../ports/models';
import type { ColumnChunk } from '../../ports/snapshot';
import { DEFAULT_FLIP_TOLERANCE, type RuntimeParityResult } from '../../runtime/runtimeParity';
import type { PhaseContext } from '../phase';
import type { ReadyModel } from '../state';

/** Compares each model's training lock with the lock of the backend production runs on (`lock.compared`). */
export async function compareModelLocks(
  context: PhaseContext,
  models: readonly { readonly role: 'blue' | 'green'; readonly artifact: ModelArtifact }[],
): Promise<void> {
  const { ports, log, backends } = context;
  const serving = await ports.locks.serving(backends.serving);
  for (const { role, artifact } of models) {
    const training = await ports.locks.training(artifact);
    if ('unavailable' in training) {
      log.append({ kind: 'lock.compared', role, model: artifact.name, backend: serving.backend, comparison: null, unavailable: training.unavailable });
      continue;
    }
    const comparison = compareLocks(training, serving.lock);
    log.append({ kind: 'lock.compared', role, model: artifact.name, backend: serving.backend, comparison, unavailable: null });
  }
}

/** The sampled rows (the training side's chunks) through every runtime of each loaded model (`runtime.parity`). */
export async function measureModelRuntimes(context: PhaseContext, chunks: readonly ColumnChunk[]): Promise<void> {
  const { log, state } = context;
  for (const model of state.models) {
    const result = await runtimeParity(context, model, chunks);
    if (typeof result === 'string') {
      log.append({ kind: 'runtime.parity', role: model.role, model: model.artifact.name, result: null, unavailable: result });
    } else {
      log.append({ kind: 'runtime.parity', role: model.role, model: model.artifact.name, result, unavailable: null });
    }
  }
}

async function runtimeParity(context: PhaseContext, model: ReadyModel, chunks: readonly ColumnChunk[]): Promise<RuntimeParityResult | string> {
  let batches;
  try {
    batches = await Promise.all(chunks.filter((c) => c.rowCount > 0).map((chunk) => model.toBatch(chunk)));
  } catch (error) {
    // Rows the model cannot be fed (text where it needs numbers) are the replay's to count as
    // refused; here they only mean the runtimes could not be compared.
    return `the sampled rows cannot be fed to the model: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (batches.length === 0) {
    return 'no sampled production row to run through the runtimes';
  }
  return context.ports.runtimes.parity(model.artifact, batches, { threshold: model.threshold, flipTolerance: DEFAULT_FLIP_TOLERANCE });
}
