/**
 * Runtime parity: the same inputs through several runtimes of one model (onnxruntime
 * with graph optimizations off and on, a tfjs model where one exists), each compared with the
 * first. A flip rate above the tolerance fails; the largest score difference is reported.
 * Generic over the `Inference` port, so any runtime plugs in as one more entry.
 */
import type { FeatureBatch, Inference } from '../ports/inference';
import type { RuntimeComparison, RuntimeParityResult } from '../../../contract/events/dependencies';
import { compareScores } from './scoreParity';

export type { RuntimeComparison, RuntimeParityResult } from '../../../contract/events/dependencies';

/** A runtime of the model, named for the report (`onnxruntime-node 1.30.0, optimizations disabled`). */
export interface RuntimeUnderTest {
  readonly label: string;
  readonly inference: Inference;
}

export interface RuntimeParityOptions {
  /** The model's decision threshold on the score. */
  readonly threshold: number;
  /** The largest share of rows whose decision may differ between two runtimes. */
  readonly flipTolerance: number;
}

/**
 * One decision in a thousand: graph rewrites reorder floating-point sums, which moves scores by
 * about 1e-7 and flips only a row that sits that close to the threshold.
 */
export const DEFAULT_FLIP_TOLERANCE = 0.001;

/** Runs every batch through every runtime and compares each runtime's scores with the first's. */
export async function measureRuntimeParity(
  model: string,
  runtimes: readonly RuntimeUnderTest[],
  batches: Iterable<FeatureBatch> | AsyncIterable<FeatureBatch>,
  options: RuntimeParityOptions,
): Promise<RuntimeParityResult> {
  if (runtimes.length < 2) {
    throw new Error(`runtime parity needs at least two runtimes of ${model}, got ${runtimes.length}`);
  }
  const scores: number[][] = runtimes.map(() => []);
  for await (const batch of batches) {
    let rows: number | null = null;
    for (const [i, runtime] of runtimes.entries()) {
      const out = await runtime.inference.run(batch);
      if (rows !== null && out.length !== rows) {
        throw new Error(`${runtime.label} returned ${out.length} scores for a batch of ${rows} rows of ${model}`);
      }
      rows = out.length;
      for (const score of out) {
        scores[i]!.push(score);
      }
    }
  }
  const reference = scores[0]!;
  if (reference.length === 0) {
    throw new Error(`runtime parity of ${model} got no rows to compare`);
  }
  const comparisons = runtimes.slice(1).map((runtime, i): RuntimeComparison => {
    const parity = compareScores(reference, scores[i + 1]!, options.threshold);
    return { reference: runtimes[0]!.label, candidate: runtime.label, ...parity, passed: parity.flipRate <= options.flipTolerance && parity.nonFinite === 0 };
  });
  return {
    model,
    threshold: options.threshold,
    flipTolerance: options.flipTolerance,
    rows: reference.length,
    comparisons,
    passed: comparisons.every((c) => c.passed),
  };
}
