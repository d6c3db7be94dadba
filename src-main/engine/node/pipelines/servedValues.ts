/**
 * What a team's feature function returned for one record, read as the model's features: an
 * object keyed by feature name or an array in input order, every value a finite number or null
 * (a missing value). Shared by the worker that runs a module and the client of a feature service,
 * so both are held to the same contract.
 */
import type { RecordProblem } from '../../common/features/featureSpec';

/** The record's values in input order, or why they cannot be read. */
export function featureValues(result: unknown, features: readonly string[]): { readonly values: number[] } | { readonly problem: RecordProblem } {
  const values: number[] = [];
  for (let j = 0; j < features.length; j++) {
    const name = features[j]!;
    const value: unknown = Array.isArray(result)
      ? result[j]
      : typeof result === 'object' && result !== null
        ? (result as Record<string, unknown>)[name]
        : undefined;
    if (value === null) {
      values.push(Number.NaN);
    } else if (typeof value === 'number' && Number.isFinite(value)) {
      values.push(value);
    } else {
      const found = value === undefined ? 'nothing' : typeof value === 'number' ? String(value) : typeof value;
      return { problem: { field: null, message: `feature "${name}": expected a finite number or null from the serving pipeline, found ${found}` } };
    }
  }
  return { values };
}
