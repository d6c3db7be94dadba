/**
 * How each snapshot format is read through DuckDB, and how its bad rows are found:
 * CSV through `store_rejects` (file and line of every rejected line); JSON lines read as text,
 * one line a row, and checked with `json_valid` (DuckDB's `read_json` has no `store_rejects`, and
 * its `ignore_errors` turns a bad line into an all-null row); Parquet checked file by file, so an
 * unreadable file of a glob is named and left out rather than failing or vanishing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import type { RejectSummary, SnapshotColumn } from '../../common/ports/snapshot';
import { InputError } from '../../common/run/inputError';
import type { SnapshotSection } from '../../common/scenario/sections/snapshots';

/** The fields of a snapshot section the format readers use; the timestamp may be absent. */
type FormatSection = Pick<SnapshotSection, 'path' | 'format'> & { readonly timestamp?: string | undefined };
import { duckdbProblem } from '../../common/validation/contentFree';
import { castProblem, csvLayout, type DamagedColumn } from './csvLayout';
import { sqlString } from './database';

export type SnapshotFormat = 'parquet' | 'csv' | 'jsonl';

/** How many bad rows are kept as examples; all are counted. */
export const REJECT_EXAMPLES = 10;

/** One format's reading of a snapshot. */
export interface FormatReader {
  readonly format: SnapshotFormat;
  /** The snapshot's own columns. */
  readonly columns: readonly SnapshotColumn[];
  /**
   * A table expression: the snapshot's columns, plus `__file` and `__line` (null where unknown),
   * and `__file_index` and `__row`, integers that order the rows as stored (ties in event time
   * are broken by them, so a replay is the same every time, whatever DuckDB's threads do).
   */
  readonly rows: string;
  /** CSV only: numeric columns with a few values that are not numbers (see csvLayout.ts). */
  readonly damaged?: readonly DamagedColumn[];
  /** Runs before each read (a fresh count of rejects). */
  beforeRead(connection: DuckDBConnection): Promise<void>;
  /** The rows the last read could not read. */
  rejects(connection: DuckDBConnection): Promise<RejectSummary>;
}

/** The snapshot format from the section, or from the file extension. */
export function snapshotFormat(section: Pick<SnapshotSection, 'path' | 'format'>): SnapshotFormat {
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

/** True when the path is a glob rather than one file. */
export function isGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

/** The files a snapshot path names, sorted; a missing file or an empty glob is an InputError. */
export async function snapshotFiles(connection: DuckDBConnection, path: string, role: string): Promise<string[]> {
  if (!isGlob(path)) {
    if (!existsSync(path)) {
      throw new InputError(path, `snapshot file not found (snapshots.${role}.path)`);
    }
    return [path];
  }
  const listed = await connection.runAndReadAll(`SELECT file FROM glob(${sqlString(path)}) ORDER BY file`);
  const files = listed.getRowObjectsJson().map((row) => String(row['file']));
  if (files.length === 0) {
    throw new InputError(path, `no file matches this glob (snapshots.${role}.path)`);
  }
  return files;
}

/**
 * How a caller reads. `rows`: a snapshot's rows feed models, so a damaged numeric column is read
 * as numbers (its other values reject their rows) and a file without rows is an error. `columns`:
 * `rehearse drift` compares column by column, so it keeps every row, is told which columns are
 * damaged, and reports an empty file as insufficient data.
 */
export interface ReadOptions {
  readonly purpose: 'rows' | 'columns';
}

/** Opens the reader of the section's format over the listed files. */
export async function formatReader(
  connection: DuckDBConnection,
  section: FormatSection,
  files: readonly string[],
  options: ReadOptions = { purpose: 'rows' },
): Promise<FormatReader> {
  const format = snapshotFormat(section);
  switch (format) {
    case 'parquet':
      return parquetReader(connection, files);
    case 'csv':
      return csvReader(connection, section, files, options);
    case 'jsonl':
      return jsonLinesReader(connection, section, files);
  }
}

async function describe(connection: DuckDBConnection, table: string): Promise<SnapshotColumn[]> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${table}`);
  return described
    .getRowObjectsJson()
    .map((row) => ({ name: String(row['column_name']), type: String(row['column_type']) }))
    .filter((c) => !HELPER_COLUMNS.has(c.name));
}

const HELPER_COLUMNS = new Set(['__file', '__file_index', '__line', '__row']);

function fileList(files: readonly string[]): string {
  return `[${files.map(sqlString).join(', ')}]`;
}

async function parquetReader(connection: DuckDBConnection, files: readonly string[]): Promise<FormatReader> {
  const readable: string[] = [];
  const unreadable: { file: string; line: null; message: string }[] = [];
  for (const file of files) {
    try {
      await connection.run(`SELECT num_rows FROM parquet_file_metadata(${sqlString(file)})`);
      readable.push(file);
    } catch (error) {
      unreadable.push({ file, line: null, message: `cannot be read as parquet: ${firstLine(error)}` });
    }
  }
  if (readable.length === 0) {
    throw new InputError(files.length === 1 ? files[0]! : files.join(', '), unreadable[0]!.message);
  }
  // filename, file_index and file_row_number are DuckDB's virtual columns of a multi-file scan.
  const rows = `(SELECT *, filename AS __file, file_index AS __file_index, NULL::BIGINT AS __line, file_row_number AS __row FROM read_parquet(${fileList(readable)}))`;
  return {
    format: 'parquet',
    columns: await describe(connection, rows),
    rows,
    beforeRead: async () => {},
    // A file that cannot be opened counts as one rejected row: its own row count cannot be read.
    rejects: async () => ({ rejected: unreadable.length, examples: unreadable.slice(0, REJECT_EXAMPLES) }),
  };
}

const CSV_REJECTS = 'rehearsal_csv_rejects';
const CSV_SCANS = 'rehearsal_csv_scans';

async function csvReader(connection: DuckDBConnection, section: FormatSection, files: readonly string[], options: ReadOptions): Promise<FormatReader> {
  const layout = await csvLayout(connection, files, { rejects: CSV_REJECTS, scans: CSV_SCANS, forRows: options.purpose === 'rows' }, section.timestamp);
  const rows = `(SELECT * EXCLUDE (ordinality), filename AS __file, file_index AS __file_index, NULL::BIGINT AS __line, ordinality AS __row FROM read_csv(${fileList(files)}, ${layout.options}) WITH ORDINALITY)`;
  return {
    format: 'csv',
    columns: await describe(connection, rows),
    rows,
    damaged: layout.damaged,
    async beforeRead(db) {
      // DuckDB appends every scan's rejects to the same tables and records nothing for a clean scan.
      await db.run(`DROP TABLE IF EXISTS ${CSV_REJECTS}; DROP TABLE IF EXISTS ${CSV_SCANS}`);
    },
    async rejects(db) {
      const exists = await db.runAndReadAll(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ${sqlString(CSV_REJECTS)}`);
      if (Number(exists.getRowObjectsJson()[0]?.['n']) === 0) {
        return { rejected: 0, examples: [] };
      }
      const lines = `SELECT s.file_path AS file, e.line, first(e.error_message ORDER BY e.column_idx) AS message
        FROM ${CSV_REJECTS} e JOIN ${CSV_SCANS} s USING (scan_id, file_id) GROUP BY ALL`;
      const counted = await db.runAndReadAll(`SELECT count(*) AS n FROM (${lines})`);
      const examples = await db.runAndReadAll(`${lines} ORDER BY file, line LIMIT ${REJECT_EXAMPLES}`);
      return {
        rejected: Number(counted.getRowObjectsJson()[0]?.['n'] ?? 0),
        examples: examples.getRowObjectsJson().map((row) => ({
          file: String(row['file']),
          line: Number(row['line']),
          message: castProblem(String(row['message'])) ?? duckdbProblem(String(row['message'])),
        })),
      };
    },
  };
}

async function jsonLinesReader(connection: DuckDBConnection, section: FormatSection, files: readonly string[]): Promise<FormatReader> {
  // Each line is one VARCHAR value: no quoting, and a delimiter that valid JSON never holds raw.
  const text = `read_csv(${fileList(files)}, columns = {'line': 'VARCHAR'}, header = false, delim = chr(1), quote = '', escape = '', filename = true, auto_detect = false)`;
  const numbered = `(SELECT line, filename AS __file, file_index AS __file_index, ordinality - min(ordinality) OVER (PARTITION BY filename) + 1 AS __line, ordinality AS __row FROM ${text} WITH ORDINALITY)`;
  const isObject = "CASE WHEN json_valid(line) THEN json_type(line) = 'OBJECT' ELSE false END";
  const sampled = await connection.runAndReadAll(
    `SELECT json_group_structure(line::JSON) AS s FROM (SELECT line FROM ${text} WHERE line IS NOT NULL AND ${isObject} LIMIT 20480)`,
  );
  const structure = sampled.getRowObjectsJson()[0]?.['s'];
  if (typeof structure !== 'string' || !structure.startsWith('{')) {
    throw new InputError(files[0]!, 'cannot be read as jsonl: expected one JSON object per line, found none');
  }
  const fields = JSON.parse(structure) as Record<string, unknown>;
  const types = Object.fromEntries(Object.entries(fields).map(([name, type]) => [name, name === section.timestamp ? 'TIMESTAMP' : columnType(type)]));
  const rows = `(SELECT __file, __file_index, __line, __row, unnest(json_transform(line, ${sqlString(JSON.stringify(types))})) FROM ${numbered} WHERE line IS NOT NULL AND ${isObject})`;
  let bad: RejectSummary = { rejected: 0, examples: [] };
  return {
    format: 'jsonl',
    columns: await describe(connection, rows),
    rows,
    async beforeRead(db) {
      const invalid = `SELECT __file AS file, __line AS line, CASE WHEN json_valid(line) THEN 'expected a JSON object, found ' || lower(json_type(line)) ELSE 'not valid JSON' END AS message
        FROM ${numbered} WHERE line IS NOT NULL AND trim(line) <> '' AND NOT (${isObject})`;
      const counted = await db.runAndReadAll(`SELECT count(*) AS n FROM (${invalid})`);
      const examples = await db.runAndReadAll(`${invalid} ORDER BY file, line LIMIT ${REJECT_EXAMPLES}`);
      bad = {
        rejected: Number(counted.getRowObjectsJson()[0]?.['n'] ?? 0),
        examples: examples.getRowObjectsJson().map((row) => ({ file: String(row['file']), line: Number(row['line']), message: String(row['message']) })),
      };
    },
    rejects: async () => bad,
  };
}

/** The DuckDB type a JSON structure type is read as: numbers as DOUBLE, nested values as JSON. */
function columnType(structureType: unknown): string {
  if (structureType === 'VARCHAR' || structureType === 'BOOLEAN') {
    return structureType;
  }
  if (typeof structureType === 'string' && /INT|DOUBLE|FLOAT|DECIMAL/.test(structureType)) {
    return 'DOUBLE';
  }
  return structureType === 'NULL' ? 'VARCHAR' : 'JSON';
}

/** The first line of an error's message, without the values DuckDB quotes from the file. */
export function firstLine(error: unknown): string {
  return duckdbProblem(error instanceof Error ? error.message : String(error));
}
