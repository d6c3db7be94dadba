/**
 * `POST /predict` bodies, checked at the door: one raw record `{"features": {...}}`,
 * the seed's numeric form `{"features": [numbers in input order]}`, or `{"instances": [...]}`
 * holding either. Each row becomes the model's input values through its record layout; the first
 * problem is named with its field and what was expected.
 */
import { z } from 'zod';
import { isRecordFieldError, numberField, type RawRecord } from '../features/rawRecord';
import { allocate } from '../features/inputPlan';
import type { FeatureTensor } from '../ports/inference';
import { formatPath } from '../validation/zodIssue';
import { numberProblem } from './finiteInput';
import { refuse, refuseIssue, type RequestParse, type RequestProblem } from './requestProblem';
import type { RowBlock } from './rowBlock';
import type { RecordLayout, ServedModel } from './servedModel';
import { codeOutOfRange, codeProblemText } from './categoryCodes';

/** A parsed /predict request: one answer object, or a list of them. */
export interface PredictRequest {
  readonly many: boolean;
  readonly block: RowBlock;
}

const body = z.strictObject({ features: z.unknown().optional(), instances: z.array(z.unknown()).min(1).optional() });
const rawRecord = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
const numbers = z.array(z.number()).min(1);

const SHAPES = 'expected {"features": {field: value, ...}}, {"features": [numbers in input order]} or {"instances": [...]}';

/** Parses a JSON body already decoded. */
export function parsePredict(json: unknown, model: ServedModel): RequestParse<PredictRequest> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return refuse('', SHAPES);
  }
  const parsed = body.safeParse(json);
  if (!parsed.success) {
    return refuseIssue(parsed.error.issues[0]!);
  }
  const { features, instances } = parsed.data;
  if ((features === undefined) === (instances === undefined)) {
    return refuse('', SHAPES);
  }
  const { layout } = model;
  if (layout.kind === 'none') {
    return refuse('', layout.reason);
  }
  const items = instances ?? [features];
  if (items.length > model.maxBatch) {
    return refuse('instances', `expected at most ${model.maxBatch} instances (the server's max batch), got ${items.length}`);
  }
  const rows: number[][] = [];
  for (let i = 0; i < items.length; i++) {
    const row = rowOf(items[i], instances ? ['instances', i] : ['features'], layout);
    if (!row.ok) {
      return row;
    }
    rows.push(row.value);
  }
  const root = instances ? 'instances' : 'features';
  const problem = integerProblem(rows, layout, root) ?? widthProblem(rows, root);
  if (problem) {
    return { ok: false, problem };
  }
  const block = assembled(rows, layout);
  // A pipeline computes its own codes from a raw record; numbers are the caller's codes.
  const callerCodes = layout.kind !== 'pipeline' || items.some((item) => Array.isArray(item));
  const outOfRange = callerCodes && model.codes ? codeOutOfRange(block.tensors, block.rows, model.codes) : null;
  if (outOfRange) {
    return refuse(instances ? `instances[${outOfRange.row}]` : 'features', codeProblemText(outOfRange));
  }
  return { ok: true, value: { many: instances !== undefined, block } };
}

function rowOf(item: unknown, path: readonly (string | number)[], layout: Exclude<RecordLayout, { kind: 'none' }>): RequestParse<number[]> {
  const field = formatPath(path);
  if (Array.isArray(item)) {
    const parsed = numbers.safeParse(item);
    if (!parsed.success) {
      return refuseIssue(parsed.error.issues[0]!, path);
    }
    const width = layout.kind === 'pipeline' ? layout.pipeline.features.length : layout.kind === 'matrix' ? layout.width : layout.columns.length;
    if (width !== null && parsed.data.length !== width) {
      return refuse(field, `expected ${width} numbers (${inputOrder(layout)}), got ${parsed.data.length}`);
    }
    return { ok: true, value: parsed.data };
  }
  if (item === null || typeof item !== 'object') {
    return refuse(field, 'expected a record object {field: value, ...} or a list of numbers');
  }
  const parsed = rawRecord.safeParse(item);
  if (!parsed.success) {
    return refuseIssue(parsed.error.issues[0]!, path);
  }
  const record: RawRecord = parsed.data;
  try {
    switch (layout.kind) {
      case 'pipeline':
        return { ok: true, value: Array.from(layout.pipeline.featuresOf(record)) };
      case 'matrix':
        if (layout.names === null) {
          return refuse(
            field,
            `expected a list of ${layout.width ?? "the model's"} numbers: the model has no feature spec or feature order to read named fields by`,
          );
        }
        return { ok: true, value: layout.names.map((name) => numberField(record, name)) };
      case 'columns':
        return { ok: true, value: layout.columns.map((c) => numberField(record, c.input)) };
    }
  } catch (error) {
    if (isRecordFieldError(error)) {
      return refuse(`${field}.${error.field}`, `expected ${error.expected}, found ${error.found}`);
    }
    throw error;
  }
}

/** int64 inputs take integers only; float inputs finite numbers their type can hold. */
function integerProblem(rows: readonly number[][], layout: Exclude<RecordLayout, { kind: 'none' }>, root: string): RequestProblem | null {
  const types = layout.kind === 'columns' ? layout.columns.map((c) => c.type) : null;
  const matrixType = layout.kind === 'matrix' ? layout.type : 'float32';
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let j = 0; j < row.length; j++) {
      const type = types ? types[j]! : matrixType;
      const field = root === 'instances' ? `instances[${i}]` : root;
      if (type === 'int64' && !Number.isSafeInteger(row[j])) {
        return { field, expected: `expected integers (the model's input is int64; ${inputOrder(layout)}), got ${row[j]} at position ${j}` };
      }
      const problem = numberProblem(row[j]!, type);
      if (problem !== null) {
        return { field, expected: `${problem} at position ${j} (${inputOrder(layout)})` };
      }
    }
  }
  return null;
}

/** Rows of one batch have one width (it is only unknown for a matrix input of symbolic width). */
function widthProblem(rows: readonly number[][], root: string): RequestProblem | null {
  const width = rows[0]?.length ?? 0;
  const at = rows.findIndex((row) => row.length !== width);
  return at < 0 ? null : { field: `${root}[${at}]`, expected: `expected ${width} values like the first instance, got ${rows[at]!.length}` };
}

function assembled(rows: readonly number[][], layout: Exclude<RecordLayout, { kind: 'none' }>): RowBlock {
  const n = rows.length;
  if (layout.kind === 'columns') {
    const tensors: Record<string, FeatureTensor> = {};
    layout.columns.forEach((column, j) => {
      const data = allocate(column.type, n);
      rows.forEach((row, i) => {
        data[i] = (column.type === 'int64' ? BigInt(row[j]!) : row[j]!) as never;
      });
      tensors[column.input] = { type: column.type, dims: column.rank === 1 ? [n] : [n, 1], data };
    });
    return { rows: n, tensors };
  }
  const type = layout.kind === 'matrix' ? layout.type : 'float32';
  const width = rows[0]?.length ?? 0;
  const data = allocate(type, n * width);
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      data[i * width + j] = (type === 'int64' ? BigInt(value) : value) as never;
    });
  });
  return { rows: n, tensors: { [layout.input]: { type, dims: [n, width], data } } };
}

function inputOrder(layout: Exclude<RecordLayout, { kind: 'none' }>): string {
  switch (layout.kind) {
    case 'pipeline':
      return `features in order: ${layout.pipeline.features.join(', ')}`;
    case 'matrix':
      return layout.names ? `features in order: ${layout.names.join(', ')}` : `the columns of input ${layout.input}`;
    case 'columns':
      return `inputs in order: ${layout.columns.map((c) => c.input).join(', ')}`;
  }
}
