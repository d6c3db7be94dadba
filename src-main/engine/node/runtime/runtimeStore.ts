/**
 * The RuntimeStore port: a model's runtimes compared on the same inputs (docs/ARCHITECTURE.md,
 * "Dependencies"): onnxruntime with graph optimizations off (the exported graph, the reference)
 * and on (what serving runs), and the folder's tfjs model when it has one. tfjs is loaded on
 * demand, so a run whose models have no tfjs model never pays for importing it.
 */
import { statSync } from 'node:fs';
import type { RuntimeStore } from '../../common/ports/runtimes';
import type { RuntimeUnderTest } from '../../common/runtime/runtimeParity';
import { ortRuntimeParity } from './ortRuntimeParity';

/** Runtimes from model folders on disk. */
export function fileRuntimeStore(): RuntimeStore {
  return {
    async parity(artifact, batches, options) {
      const others: RuntimeUnderTest[] = [];
      try {
        if (statSync(artifact.path).isDirectory()) {
          const tfjs = await import('./tfjsRuntime');
          if (tfjs.hasTfjsModel(artifact.path)) {
            others.push(await tfjs.openTfjsRuntime(artifact.path));
          }
        }
        return await ortRuntimeParity(artifact.onnxPath, batches, options, others);
      } finally {
        await Promise.all(others.map((r) => r.inference.close()));
      }
    },
  };
}
