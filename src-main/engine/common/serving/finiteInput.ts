/**
 * Numbers a model input can hold: finite, and for float32 inputs within float32's range, since a
 * larger float64 (1e39) becomes Infinity on its way into the tensor and the model would answer
 * for a value nobody sent.
 */
import type { FeatureDType } from '../ports/inference';

/** The largest finite float32. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** What was expected of `value` as an input of `type`, or null when it fits. */
export function numberProblem(value: number, type: FeatureDType): string | null {
  if (!Number.isFinite(value)) {
    return `expected a finite number, got ${value}`;
  }
  if (type === 'float32' && Math.abs(value) > FLOAT32_MAX) {
    return `expected a finite number within float32's range (±3.4e38; the model's input is float32), got ${value}`;
  }
  return null;
}
