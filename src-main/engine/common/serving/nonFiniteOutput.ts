/**
 * A model that answers NaN or Infinity has not answered: such a score is no probability, and
 * JSON has no spelling for it (it would be written as null, or break a metric). The rows of one
 * request are checked before its answer is written, so the request is told what went wrong and
 * the other requests of its batch are answered as usual.
 */
import type { BatchResult } from './rowBlock';

/** What the model output for a request that is not finite, or null when every value is finite. */
export function nonFiniteOutput(result: BatchResult, start: number, rows: number, scoreOutput: string): string | null {
  const bad = firstNonFinite(result.scores, start, rows, 1);
  if (bad !== null) {
    return describe(bad, scoreOutput, rows);
  }
  for (const [name, tensor] of Object.entries(result.outputs ?? {})) {
    if (tensor.type !== 'float32' && tensor.type !== 'float64' && tensor.type !== 'float16') {
      continue;
    }
    const perRow = tensor.dims.slice(1).reduce((a, b) => a * b, 1);
    const found = firstNonFinite(tensor.data as ArrayLike<number>, start * perRow, rows * perRow, perRow);
    if (found !== null) {
      return describe(found, name, rows);
    }
  }
  return null;
}

/** How many of `values` are NaN or infinite. */
export function countNonFinite(values: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      count++;
    }
  }
  return count;
}

interface Found {
  readonly value: number;
  /** The row within the request. */
  readonly row: number;
  /** Rows of the request with a non-finite value. */
  readonly rows: number;
}

function firstNonFinite(data: ArrayLike<number>, from: number, length: number, perRow: number): Found | null {
  let first: { value: number; row: number } | null = null;
  const badRows = new Set<number>();
  for (let i = 0; i < length; i++) {
    const value = data[from + i]!;
    if (!Number.isFinite(value)) {
      const row = Math.floor(i / perRow);
      first ??= { value, row };
      badRows.add(row);
    }
  }
  return first === null ? null : { ...first, rows: badRows.size };
}

function describe(found: Found, output: string, rows: number): string {
  return `the model output ${found.value} for output ${output} (row ${found.row} of this request${rows > 1 ? `; ${found.rows} of its ${rows} rows` : ''}): expected a finite score; the model's answer for these inputs is not usable`;
}
