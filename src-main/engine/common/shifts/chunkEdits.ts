/**
 * Copy-on-write edits of a ColumnChunk for the shift operators: the input chunk is never
 * changed (a reference window or the other model may read the same chunk), and columns a shift
 * does not touch are shared, not copied.
 */
import type { ChunkColumn, ColumnChunk, NumericColumn, TextColumn } from '../ports/snapshot';
import { InputError } from '../run/inputError';

/** The chunk with one column replaced (or added). */
export function withColumn(chunk: ColumnChunk, name: string, column: ChunkColumn): ColumnChunk {
  return { ...chunk, columns: { ...chunk.columns, [name]: column } };
}

/** The chunk without some columns, and with others renamed. */
export function withColumnsRenamed(chunk: ColumnChunk, renames: Readonly<Record<string, string | null>>): ColumnChunk {
  const columns: Record<string, ChunkColumn> = {};
  for (const [name, column] of Object.entries(chunk.columns)) {
    const to = name in renames ? renames[name] : name;
    if (to !== null && to !== undefined) {
      columns[to] = column;
    }
  }
  return { ...chunk, columns };
}

/** The rows where keep[i] is 1, in order. */
export function keepRows(chunk: ColumnChunk, keep: Uint8Array): ColumnChunk {
  const indices: number[] = [];
  for (let i = 0; i < chunk.rowCount; i++) {
    if (keep[i]) {
      indices.push(i);
    }
  }
  if (indices.length === chunk.rowCount) {
    return chunk;
  }
  const pick = (a: Float64Array): Float64Array => Float64Array.from(indices, (i) => a[i]!);
  const columns: Record<string, ChunkColumn> = {};
  for (const [name, column] of Object.entries(chunk.columns)) {
    columns[name] =
      column.kind === 'number'
        ? { kind: 'number', values: pick(column.values), valid: Uint8Array.from(indices, (i) => column.valid[i]!) }
        : { kind: 'text', values: indices.map((i) => column.values[i]!) };
  }
  return { rowCount: indices.length, eventTime: pick(chunk.eventTime), label: chunk.label === null ? null : pick(chunk.label), columns };
}

/** Rows [from, to) of the chunk. */
export function sliceRows(chunk: ColumnChunk, from: number, to: number): ColumnChunk {
  const columns: Record<string, ChunkColumn> = {};
  for (const [name, column] of Object.entries(chunk.columns)) {
    columns[name] =
      column.kind === 'number'
        ? { kind: 'number', values: column.values.subarray(from, to), valid: column.valid.subarray(from, to) }
        : { kind: 'text', values: column.values.slice(from, to) };
  }
  return { rowCount: to - from, eventTime: chunk.eventTime.subarray(from, to), label: chunk.label?.subarray(from, to) ?? null, columns };
}

/** A numeric column the shift targets; a text column there is an InputError naming the shift. */
export function numericTarget(chunk: ColumnChunk, name: string, where: string, operator: string): NumericColumn | null {
  const column = chunk.columns[name];
  if (column === undefined) {
    return null;
  }
  if (column.kind !== 'number') {
    throw new InputError(where, `column "${name}" holds text; ${operator} needs a numeric column`);
  }
  return column;
}

/** A text column the shift targets; a numeric column there is an InputError naming the shift. */
export function textTarget(chunk: ColumnChunk, name: string, where: string, operator: string): TextColumn | null {
  const column = chunk.columns[name];
  if (column === undefined) {
    return null;
  }
  if (column.kind !== 'text') {
    throw new InputError(where, `column "${name}" holds numbers; ${operator} needs a text (categorical) column`);
  }
  return column;
}

/** Each target's non-null numbers through `f` (value, row, target index); absent targets are left alone. */
export function mapNumericTargets(
  chunk: ColumnChunk,
  targets: readonly string[],
  where: string,
  operator: string,
  f: (value: number, row: number, target: number) => number,
): ColumnChunk {
  let out = chunk;
  targets.forEach((name, k) => {
    const column = numericTarget(chunk, name, `${where}.target`, operator);
    if (column === null) {
      return;
    }
    const values = Float64Array.from(column.values);
    for (let i = 0; i < chunk.rowCount; i++) {
      if (column.valid[i]) {
        values[i] = f(values[i]!, i, k);
      }
    }
    out = withColumn(out, name, { kind: 'number', values, valid: column.valid });
  });
  return out;
}

/** Each target's text values through `f` (value, row); absent targets are left alone. */
export function mapTextTargets(
  chunk: ColumnChunk,
  targets: readonly string[],
  where: string,
  operator: string,
  f: (value: string | null, row: number) => string | null,
): ColumnChunk {
  let out = chunk;
  for (const name of targets) {
    const column = textTarget(chunk, name, `${where}.target`, operator);
    if (column !== null) {
      out = withColumn(out, name, { kind: 'text', values: column.values.map(f) });
    }
  }
  return out;
}

/** Each target column (of either kind) replaced by `f(column)`; absent targets are left alone. */
export function mapTargetColumns(chunk: ColumnChunk, targets: readonly string[], f: (column: ChunkColumn) => ChunkColumn): ColumnChunk {
  let out = chunk;
  for (const name of targets) {
    const column = chunk.columns[name];
    if (column !== undefined) {
      out = withColumn(out, name, f(column));
    }
  }
  return out;
}
