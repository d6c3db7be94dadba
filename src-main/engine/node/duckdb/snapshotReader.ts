/**
 * Snapshots through DuckDB: Parquet, CSV and JSON lines, one file or a glob, streamed in
 * event-time order in chunks (never as one array of JS objects).
 */
import { DuckDBTypeId, type DuckDBConnection, type DuckDBDataChunk, type DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import type { ChunkColumn, ColumnChunk, RejectSummary, SnapshotColumn, SnapshotExtent, SnapshotQuery, SnapshotSource } from '../../common/ports/snapshot';
import { InputError } from '../../common/run/inputError';
import type { SnapshotSection } from '../../common/scenario/sections/snapshots';
import { openDatabase, sqlIdentifier, sqlString } from './database';

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.BOOLEAN, DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL,
]);

/** The snapshot format from the section, or from the file extension. */
export function snapshotFormat(section: Pick<SnapshotSection, 'path' | 'format'>): 'parquet' | 'csv' | 'jsonl' {
  if (section.format) {
    return section.format;
  }
  const lower = section.path.toLowerCase();
  if (lower.endsWith('.parquet')) {
    return 'parquet';
  }
  if (lower.endsWith('.csv') || lower.endsWith('.csv.gz') || lower.endsWith('.tsv')) {
    return 'csv';
  }
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson') || lower.endsWith('.json')) {
    return 'jsonl';
  }
  throw new InputError(section.path, 'expected a .parquet, .csv or .jsonl file (or set snapshots.*.format)');
}

/** The table expression that reads a snapshot. */
export function readerSql(section: Pick<SnapshotSection, 'path' | 'format'>): string {
  const path = sqlString(section.path);
  switch (snapshotFormat(section)) {
    case 'parquet':
      return `read_parquet(${path})`;
    case 'csv':
      return `read_csv(${path})`;
    case 'jsonl':
      return `read_json(${path}, format = 'newline_delimited')`;
  }
}

/** Opens a snapshot and reads its schema; a missing file or an unknown timestamp column is an InputError. */
export async function openSnapshot(section: SnapshotSection, role: string): Promise<SnapshotSource> {
  if (!/[*?[]/.test(section.path) && !existsSync(section.path)) {
    throw new InputError(section.path, `snapshot file not found (snapshots.${role}.path)`);
  }
  const reader = readerSql(section);
  const { instance, connection } = await openDatabase();
  let columns: SnapshotColumn[];
  try {
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`);
    columns = described.getRowObjectsJson().map((row) => ({ name: String(row['column_name']), type: String(row['column_type']) }));
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw new InputError(section.path, `cannot be read as ${snapshotFormat(section)}: ${firstLine(error)}`);
  }
  if (!columns.some((c) => c.name === section.timestamp)) {
    connection.closeSync();
    instance.closeSync();
    throw new InputError(`snapshots.${role}.timestamp`, `expected a column of ${section.path}; "${section.timestamp}" is not one of: ${columns.map((c) => c.name).join(', ')}`);
  }
  return new DuckDbSnapshot(section, role, reader, columns, instance, connection);
}

class DuckDbSnapshot implements SnapshotSource {
  readonly description: string;

  constructor(
    private readonly section: SnapshotSection,
    private readonly role: string,
    private readonly reader: string,
    readonly columns: readonly SnapshotColumn[],
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {
    this.description = section.path;
  }

  async *read(query: SnapshotQuery): AsyncIterable<ColumnChunk> {
    const ts = sqlIdentifier(this.section.timestamp);
    const select = [`epoch_ms(CAST(${ts} AS TIMESTAMP))::DOUBLE AS __t`];
    select.push(this.section.label === undefined ? 'NULL::DOUBLE AS __label' : `CAST((${this.section.label}) AS DOUBLE) AS __label`);
    const names: string[] = [];
    for (const name of query.columns) {
      const expression = query.derived[name] ?? (this.columns.some((c) => c.name === name) ? sqlIdentifier(name) : undefined);
      if (expression === undefined) {
        throw new InputError(`snapshots.${this.role}`, `expected a column or derived feature "${name}"; found columns: ${this.columns.map((c) => c.name).join(', ')}`);
      }
      select.push(`(${expression}) AS ${sqlIdentifier(name)}`);
      names.push(name);
    }
    const sql = `SELECT ${select.join(', ')} FROM ${this.reader} WHERE ${this.where(query)} ORDER BY ${ts}`;
    let result;
    try {
      result = await this.connection.stream(sql);
    } catch (error) {
      throw new InputError(`snapshots.${this.role} (${this.section.path})`, `the query over the snapshot failed: ${firstLine(error)}`);
    }
    for (;;) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) {
        break;
      }
      yield toColumnChunk(chunk, names, this.section.label !== undefined);
    }
  }

  async extent(query: SnapshotQuery): Promise<SnapshotExtent> {
    const ts = sqlIdentifier(this.section.timestamp);
    const sql = `SELECT count(*)::DOUBLE AS n, epoch_ms(min(CAST(${ts} AS TIMESTAMP)))::DOUBLE AS lo, epoch_ms(max(CAST(${ts} AS TIMESTAMP)))::DOUBLE AS hi FROM ${this.reader} WHERE ${this.where(query)}`;
    let row: Record<string, unknown> | undefined;
    try {
      row = (await this.connection.runAndReadAll(sql)).getRowObjects()[0];
    } catch (error) {
      throw new InputError(`snapshots.${this.role} (${this.section.path})`, `counting the snapshot's rows failed: ${firstLine(error)}`);
    }
    const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
    return { rows: number(row?.['n']) ?? 0, from: number(row?.['lo']), to: number(row?.['hi']) };
  }

  /** The rows a query reads: a timestamp, within [from, to). */
  private where(query: SnapshotQuery): string {
    const ts = sqlIdentifier(this.section.timestamp);
    const where = [`${ts} IS NOT NULL`];
    if (query.from !== undefined) {
      where.push(`${ts} >= make_timestamp(${Math.round(query.from * 1000)})`);
    }
    if (query.to !== undefined) {
      where.push(`${ts} < make_timestamp(${Math.round(query.to * 1000)})`);
    }
    return where.join(' AND ');
  }

  rejects(): RejectSummary {
    return { rejected: 0, examples: [] };
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function toColumnChunk(chunk: DuckDBDataChunk, names: readonly string[], labelled: boolean): ColumnChunk {
  const n = chunk.rowCount;
  const eventTime = new Float64Array(n);
  const timeVector = chunk.getColumnVector(0);
  for (let i = 0; i < n; i++) {
    eventTime[i] = timeVector.getItem(i) as number;
  }
  let label: Float64Array | null = null;
  if (labelled) {
    label = new Float64Array(n);
    const labelVector = chunk.getColumnVector(1);
    for (let i = 0; i < n; i++) {
      const value = labelVector.getItem(i) as number | null;
      label[i] = value === null ? Number.NaN : value;
    }
  }
  const columns: Record<string, ChunkColumn> = {};
  names.forEach((name, k) => {
    const vector = chunk.getColumnVector(k + 2);
    if (NUMERIC.has(vector.type.typeId)) {
      const values = new Float64Array(n);
      const valid = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const value = vector.getItem(i);
        if (value !== null) {
          values[i] = Number(typeof value === 'object' ? String(value) : value);
          valid[i] = 1;
        } else {
          values[i] = Number.NaN;
        }
      }
      columns[name] = { kind: 'number', values, valid };
    } else {
      const values: (string | null)[] = new Array<string | null>(n);
      for (let i = 0; i < n; i++) {
        const value = vector.getItem(i);
        values[i] = value === null ? null : String(value);
      }
      columns[name] = { kind: 'text', values };
    }
  });
  return { rowCount: n, eventTime, label, columns };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
