/**
 * Runtime parity on onnxruntime-node: the model with graph optimizations disabled (the graph as
 * exported, the reference) against the same model with every optimization on (what a serving
 * default does: fused and constant-folded), plus any other runtime the caller brings (a tfjs
 * model). Sessions this opens it also closes; the caller's runtimes stay the caller's.
 */
import * as ort from 'onnxruntime-node';
import type { FeatureBatch } from '../../common/ports/inference';
import { measureRuntimeParity, type RuntimeParityOptions, type RuntimeParityResult, type RuntimeUnderTest } from '../../common/runtime/runtimeParity';
import { modelLocation } from '../model/modelFolder';
import { openOrtInference, type ProviderRequest } from '../ort/ortInference';

/** The model through onnxruntime with graph optimizations off, then all on. */
export async function openOrtOptimizationRuntimes(model: string, provider: ProviderRequest = 'cpu'): Promise<RuntimeUnderTest[]> {
  const { onnxPath } = modelLocation(model);
  const version = `onnxruntime-node ${ort.env.versions.node ?? ort.env.versions.common}`;
  const runtimes: RuntimeUnderTest[] = [];
  try {
    for (const level of ['disabled', 'all'] as const) {
      const { inference } = await openOrtInference(onnxPath, provider, { graphOptimizationLevel: level });
      runtimes.push({ label: `${version} on ${inference.executionProvider}, graph optimizations ${level}`, inference });
    }
  } catch (error) {
    await Promise.all(runtimes.map((r) => r.inference.close()));
    throw error;
  }
  return runtimes;
}

/** Runtime parity of a model folder (or .onnx file): ORT unoptimised as the reference, ORT optimised and `others` compared with it. */
export async function ortRuntimeParity(
  model: string,
  batches: Iterable<FeatureBatch> | AsyncIterable<FeatureBatch>,
  options: RuntimeParityOptions,
  others: readonly RuntimeUnderTest[] = [],
): Promise<RuntimeParityResult> {
  const ortRuntimes = await openOrtOptimizationRuntimes(model);
  try {
    return await measureRuntimeParity(model, [...ortRuntimes, ...others], batches, options);
  } finally {
    await Promise.all(ortRuntimes.map((r) => r.inference.close()));
  }
}
