/**
 * `rehearse drift`'s engine: two files DuckDB reads, every comparable column profiled in SQL
 * and compared by the pure statistics of engine/common. Drift is a finding, so any amount of it
 * returns a report; only inputs that cannot be read (or flags naming columns neither file has)
 * throw InputError.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DriftReport, FeatureDrift, SkippedColumn } from '../../../contract/drift';
import { CATEGORICAL_MAX_DISTINCT, columnKind, type TypeClass } from '../../common/drift/columnKind';
import { compareCategorical } from '../../common/drift/compareCategorical';
import { compareNumeric } from '../../common/drift/compareNumeric';
import type { DriftOptions } from '../../common/drift/driftOptions';
import { missingFeature } from '../../common/drift/missingFeature';
import { InputError, isInputError } from '../../common/run/inputError';
import { openDatabase } from '../duckdb/database';
import { firstLine } from '../duckdb/snapshotFormats';
import { distinctUpTo, readCategorySides, readNumericSides, type FeatureSql } from './columnSides';
import { categoryKeySql, numericValueSql } from './columnSql';
import { openDriftInput, type DriftInput } from './driftInput';
import { typeClassOf } from '../../common/snapshot/columnTypes';

/** The two files, the columns and how to compare them. */
export interface CompareFilesRequest {
  readonly reference: string;
  readonly current: string;
  /** Only these columns (and a date/timestamp column named here is compared). */
  readonly columns: readonly string[] | null;
  readonly categorical: readonly string[];
  readonly numeric: readonly string[];
  readonly options: DriftOptions;
  /** Told what the comparison decided on its own that a person should know (a damaged numeric column). */
  readonly onNote?: (note: string) => void;
}

interface Planned {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  readonly reference: { readonly type: string; readonly typeClass: TypeClass } | null;
  readonly current: { readonly type: string; readonly typeClass: TypeClass } | null;
}

/** Compares every chosen column of `current` against `reference`. */
export async function compareFiles(request: CompareFilesRequest): Promise<DriftReport> {
  const { instance, connection } = await openDatabase();
  try {
    const reference = await openDriftInput(connection, request.reference, 'reference', '--reference');
    const current = await openDriftInput(connection, request.current, 'current', '--current');
    checkNamed(request, reference, current);
    const damaged = damagedColumns(request, [
      ['--reference', reference],
      ['--current', current],
    ]);
    const names = request.columns ?? [...new Set([...reference.columns.map((c) => c.name), ...current.columns.map((c) => c.name)])];
    const typed = names.map((name) => ({ name, reference: typeOn(reference, name), current: typeOn(current, name) }));
    const toCount = typed.filter(
      (t) => (t.reference ?? t.current)!.typeClass === 'number' && !request.categorical.includes(t.name) && !request.numeric.includes(t.name),
    );
    const distinct = await distinctOn(connection, reference, current, toCount);
    const planned: Planned[] = [];
    const skipped: SkippedColumn[] = [];
    for (const t of typed) {
      const side = (t.reference ?? t.current)!;
      const answer = columnKind({
        typeClass: side.typeClass,
        distinct: distinct.get(t.name) ?? null,
        named: request.columns !== null,
        forceCategorical: request.categorical.includes(t.name),
        forceNumeric: request.numeric.includes(t.name) || damaged.has(t.name),
      });
      if ('skip' in answer) {
        skipped.push({ name: t.name, type: side.type, reason: answer.skip });
      } else {
        planned.push({ ...t, kind: answer.kind });
      }
    }
    // One query at a time: DuckDB parallelizes each query itself on this connection.
    const ref = await readingOf(reference, () => sidesOf(connection, reference.table, planned, 'reference'));
    const cur = await readingOf(current, () => sidesOf(connection, current.table, planned, 'current'));
    const rows = { reference: reference.rows, current: current.rows };
    const features: FeatureDrift[] = planned.map((p) => {
      if (p.reference === null || p.current === null) {
        return missingFeature(p.name, p.kind, p.reference === null ? 'reference' : 'current', rows, request.options);
      }
      return p.kind === 'numeric'
        ? compareNumeric(p.name, ref.numeric.get(p.name)!, cur.numeric.get(p.name)!, request.options)
        : compareCategorical(p.name, ref.categorical.get(p.name)!, cur.categorical.get(p.name)!, request.options);
    });
    return {
      reference: inputSummary(reference),
      current: inputSummary(current),
      bins: request.options.bins,
      binning: request.options.binning,
      bands: request.options.bands,
      features,
      skipped,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Columns of numbers with a few values that are not (a CSV's `abc` among distances), compared as
 * numeric unless named with --categorical: the others are counted as not numeric, and each is
 * said with its first line rather than the column silently turning categorical.
 */
function damagedColumns(request: CompareFilesRequest, inputs: readonly (readonly [string, DriftInput])[]): Set<string> {
  const names = new Set<string>();
  for (const [flag, input] of inputs) {
    for (const column of input.damaged) {
      if (request.categorical.includes(column.name)) {
        continue;
      }
      names.add(column.name);
      const first = column.first.map((f) => `${f.file}:${f.line}: ${f.message}`).join('; ');
      request.onNote?.(
        `${flag} ${input.file}: column "${column.name}" holds numbers but for ${column.notNumbers} value${column.notNumbers === 1 ? '' : 's'}, so it is compared as numeric ` +
          `(those are counted as not numeric; --categorical ${column.name} to compare it as categories)${first === '' ? '' : `; first: ${first}`}`,
      );
    }
  }
  return names;
}

function inputSummary(input: DriftInput): DriftReport['reference'] {
  return { file: input.file, rows: input.rows, rejected: input.rejects.rejected, rejectExamples: input.rejects.examples };
}

/** Every column a flag names must be in at least one file. */
function checkNamed(request: CompareFilesRequest, reference: DriftInput, current: DriftInput): void {
  const known = new Set([...reference.columns, ...current.columns].map((c) => c.name));
  const flags: [string, readonly string[]][] = [
    ['--columns', request.columns ?? []],
    ['--categorical', request.categorical],
    ['--numeric', request.numeric],
  ];
  for (const [flag, names] of flags) {
    for (const name of names) {
      if (!known.has(name)) {
        throw new InputError(flag, `no column "${name}" in either file; the reference has: ${reference.columns.map((c) => c.name).join(', ')}`);
      }
    }
  }
  const both = request.categorical.filter((name) => request.numeric.includes(name));
  if (both.length > 0) {
    throw new InputError('--categorical/--numeric', `"${both[0]}" is named in both; expected one kind per column`);
  }
}

function typeOn(input: DriftInput, name: string): { type: string; typeClass: TypeClass } | null {
  const column = input.columns.find((c) => c.name === name);
  return column ? { type: column.type, typeClass: typeClassOf(column.type) } : null;
}

/** Distinct counts for the kind rule, on the reference (on current for a column only it has). */
async function distinctOn(
  connection: DuckDBConnection,
  reference: DriftInput,
  current: DriftInput,
  columns: readonly { name: string; reference: unknown }[],
): Promise<Map<string, number>> {
  const onReference = columns.filter((c) => c.reference !== null).map((c) => c.name);
  const onCurrent = columns.filter((c) => c.reference === null).map((c) => c.name);
  const counts = await readingOf(reference, () => distinctUpTo(connection, reference.table, onReference, CATEGORICAL_MAX_DISTINCT));
  for (const [name, n] of await readingOf(current, () => distinctUpTo(connection, current.table, onCurrent, CATEGORICAL_MAX_DISTINCT))) {
    counts.set(name, n);
  }
  return counts;
}

/**
 * A query over one input; a failure is an InputError naming the file. A Parquet input is a view,
 * read only by the statistics' queries, so a file damaged past its footer fails here, not when it
 * is opened.
 */
async function readingOf<T>(input: DriftInput, query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (isInputError(error)) {
      throw error;
    }
    throw new InputError(`${input.flag} ${input.file}`, `cannot be read: ${firstLine(error)}`);
  }
}

async function sidesOf(connection: DuckDBConnection, table: string, planned: readonly Planned[], role: 'reference' | 'current') {
  return {
    numeric: await readNumericSides(connection, table, sqlFor(planned, role, 'numeric')),
    categorical: await readCategorySides(connection, table, sqlFor(planned, role, 'categorical')),
  };
}

/** The SQL of each planned feature of one kind that this side has. */
function sqlFor(planned: readonly Planned[], role: 'reference' | 'current', kind: 'numeric' | 'categorical'): FeatureSql[] {
  const out: FeatureSql[] = [];
  for (const p of planned) {
    const side = p[role];
    const other = role === 'reference' ? p.current : p.reference;
    if (p.kind !== kind || side === null) {
      continue;
    }
    const expression =
      kind === 'numeric' ? numericValueSql(p.name, side.type, side.typeClass) : categoryKeySql(p.name, side.typeClass, other?.typeClass === 'number');
    out.push({ name: p.name, column: p.name, expression });
  }
  return out;
}
