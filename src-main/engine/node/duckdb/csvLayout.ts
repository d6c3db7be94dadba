/**
 * How a CSV is read: its quoting and its column types, chosen so that damage costs the rows it
 * touches and no more. DuckDB's sniffer, meeting one bad or unterminated quote in its sample,
 * gives up on quotes for the whole file (every quoted comma then splits a row, and nearly every
 * line is rejected) or picks another delimiter (one column, and the timestamp is not found); and
 * one `abc` in a numeric column makes the sniffer type the whole column as text. So the file is
 * read the standard way (quote and escape `"`) as well when the sniffer chose no quote, and the
 * reading that keeps more rows wins; and a text column whose values are nearly all numbers is read
 * as a number, the lines that are not becoming rejects with their line and value.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SnapshotColumn } from '../../common/ports/snapshot';
import { InputError } from '../../common/run/inputError';
import { sqlIdentifier, sqlString } from './database';

/** A CSV reading: the options of `read_csv` after the file list, and the damaged numeric columns. */
export interface CsvLayout {
  readonly options: string;
  /**
   * Text columns that hold numbers but for a few values: read as numbers (their other values
   * rejected lines) when the caller asked for it, else left as text and named here with the
   * first lines that are not numbers, for a caller that compares column by column.
   */
  readonly damaged: readonly DamagedColumn[];
}

/** A column of numbers with a few values that are not. */
export interface DamagedColumn {
  readonly name: string;
  readonly notNumbers: number;
  readonly first: readonly { readonly file: string; readonly line: number; readonly message: string }[];
}

/** Where DuckDB stores rejected lines, and whether the rows feed models (see `ReadOptions`). */
export interface CsvRejectTables {
  readonly rejects: string;
  readonly scans: string;
  readonly forRows: boolean;
}

/**
 * A text column is a damaged numeric column when more of its values are numbers than not and the
 * others are at most this many distinct texts (a marker such as `n/a`, a typo): a column of codes
 * or names has many.
 */
const MAX_OTHER_TEXTS = 5;

/** Chooses the reading of `files`; `rejects` names the tables DuckDB stores rejected lines in. */
export async function csvLayout(
  connection: DuckDBConnection,
  files: readonly string[],
  tables: CsvRejectTables,
  timestamp: string | undefined,
): Promise<CsvLayout> {
  const rejects = `store_rejects = true, rejects_table = ${sqlString(tables.rejects)}, rejects_scan = ${sqlString(tables.scans)}`;
  const list = `[${files.map(sqlString).join(', ')}]`;
  const sniffed = await sniff(connection, files[0]!);
  const types: Record<string, string> = Object.fromEntries(sniffed.columns.map((c) => [c.name, c.type]));
  // The event-time column is read as a timestamp, so a bad value is a rejected line with its number
  // rather than a column silently sniffed as text.
  if (timestamp !== undefined && timestamp in types) {
    types[timestamp] = 'TIMESTAMP';
  }
  // Every column's type is given, not only those that change: each file of a glob is sniffed on
  // its own, and a type the CSV reader itself casts to makes a bad value a rejected line.
  const auto = (typed: Record<string, string>) => `${rejects}, types = ${structOf(typed)}`;
  if (sniffed.quote === '') {
    const standard = (typed: Record<string, string>) => `${rejects}, ${sniffed.explicit}, quote = '"', escape = '"', columns = ${structOf(typed)}`;
    const kept = await rowCount(connection, list, auto(types));
    const keptStandard = await rowCount(connection, list, standard(types)).catch(() => -1);
    if (keptStandard > kept) {
      return finish(connection, list, files, types, standard, tables);
    }
  }
  return finish(connection, list, files, types, auto, tables);
}

/** Promotes damaged numeric columns and refuses a file without rows. */
async function finish(
  connection: DuckDBConnection,
  list: string,
  files: readonly string[],
  types: Record<string, string>,
  optionsOf: (typed: Record<string, string>) => string,
  tables: CsvRejectTables,
): Promise<CsvLayout> {
  const text = Object.keys(types).filter((name) => types[name] === 'VARCHAR');
  const counts = text.flatMap((name, i) => {
    const c = sqlIdentifier(name);
    return [
      `count(${c}) AS v${i}`,
      `count(TRY_CAST(${c} AS DOUBLE)) AS n${i}`,
      `count(DISTINCT CASE WHEN TRY_CAST(${c} AS DOUBLE) IS NULL THEN ${c} END) AS d${i}`,
    ];
  });
  const row =
    (
      await connection.runAndReadAll(`SELECT ${['count(*) AS rows', ...counts].join(', ')} FROM read_csv(${list}, ${optionsOf(types)})`)
    ).getRowObjectsJson()[0] ?? {};
  if (tables.forRows && Number(row['rows'] ?? 0) === 0) {
    throw new InputError(
      files.length === 1 ? files[0]! : files.join(', '),
      'no rows: expected a header line and at least one row below it, found no row that could be read',
    );
  }
  const numbers = text.filter((_, i) => {
    const [values, numeric, others] = [Number(row[`v${i}`]), Number(row[`n${i}`]), Number(row[`d${i}`])];
    return numeric > 0 && numeric < values && numeric > values - numeric && others <= MAX_OTHER_TEXTS;
  });
  const damaged: DamagedColumn[] = [];
  for (const name of numbers) {
    const i = text.indexOf(name);
    const first = tables.forRows ? [] : await firstNotNumbers(connection, list, optionsOf({ ...types, [name]: 'DOUBLE' }), name, tables);
    damaged.push({ name, notNumbers: Number(row[`v${i}`]) - Number(row[`n${i}`]), first });
  }
  const typed = tables.forRows ? { ...types, ...Object.fromEntries(numbers.map((name) => [name, 'DOUBLE'])) } : types;
  return { options: optionsOf(typed), damaged };
}

/** The first lines whose value in `name` is not a number: a scan of that column alone, typed as a number. */
async function firstNotNumbers(
  connection: DuckDBConnection,
  list: string,
  options: string,
  name: string,
  tables: CsvRejectTables,
): Promise<DamagedColumn['first']> {
  await connection.run(`DROP TABLE IF EXISTS ${tables.rejects}; DROP TABLE IF EXISTS ${tables.scans}`);
  await connection.run(`SELECT count(${sqlIdentifier(name)}) FROM read_csv(${list}, ${options})`);
  const lines = await connection.runAndReadAll(
    `SELECT s.file_path AS file, e.line, e.error_message AS message FROM ${tables.rejects} e JOIN ${tables.scans} s USING (scan_id, file_id)
     WHERE e.column_name = ${sqlString(name)} ORDER BY file, line LIMIT 3`,
  );
  await connection.run(`DROP TABLE IF EXISTS ${tables.rejects}; DROP TABLE IF EXISTS ${tables.scans}`);
  return lines
    .getRowObjectsJson()
    .map((r) => ({ file: String(r['file']), line: Number(r['line']), message: castProblem(String(r['message'])) ?? String(r['message']) }));
}

interface Sniffed {
  readonly quote: string;
  /** The dialect as explicit options without quote, escape and columns (auto-detection off). */
  readonly explicit: string;
  readonly columns: readonly SnapshotColumn[];
}

/** DuckDB's sniff of the first file, with errors ignored so that one damaged line does not stop it. */
async function sniff(connection: DuckDBConnection, file: string): Promise<Sniffed> {
  const result = await connection.runAndReadAll(
    `SELECT Delimiter AS d, Quote AS q, NewLineDelimiter AS nl, Comment AS c, SkipRows AS s, HasHeader AS h, Columns AS cols, DateFormat AS df, TimestampFormat AS tf FROM sniff_csv(${sqlString(file)}, ignore_errors = true)`,
  );
  const row = result.getRowObjectsJson()[0]!;
  const text = (value: unknown): string => (value === null || value === undefined || value === '(empty)' ? '' : String(value));
  const explicit = [
    'auto_detect = false',
    `delim = ${sqlString(text(row['d']))}`,
    `skip = ${Number(row['s'] ?? 0)}`,
    `header = ${row['h'] === true ? 'true' : 'false'}`,
    ...(text(row['c']) === '' ? [] : [`comment = ${sqlString(text(row['c']))}`]),
    ...(text(row['df']) === '' ? [] : [`dateformat = ${sqlString(text(row['df']))}`]),
    ...(text(row['tf']) === '' ? [] : [`timestampformat = ${sqlString(text(row['tf']))}`]),
  ].join(', ');
  const columns = (row['cols'] as { name: string; type: string }[]).map((c) => ({ name: String(c.name), type: String(c.type) }));
  return { quote: text(row['q']), explicit, columns };
}

function structOf(types: Readonly<Record<string, string>>): string {
  return `{${Object.entries(types)
    .map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`)
    .join(', ')}}`;
}

async function rowCount(connection: DuckDBConnection, list: string, options: string): Promise<number> {
  const counted = await connection.runAndReadAll(`SELECT count(*) AS n FROM read_csv(${list}, ${options})`);
  return Number(counted.getRowObjectsJson()[0]?.['n'] ?? 0);
}

/**
 * A rejected line's problem in words. A cast names the column, what was expected and the shape of
 * what was found, never the cell itself: messages reach events.jsonl and reports, and a file named
 * by mistake (a secret) must not show there; the line number leads to the value. Other problems
 * are DuckDB's own, content-free.
 */
export function castProblem(message: string): string | null {
  const cast = /^Error when converting column "(.*?)"\. Could not convert string (["'])(.*?)\2 to '?([A-Za-z_ ()0-9,]+?)'?(?=$|[.\s,;])/.exec(message);
  if (cast === null) {
    return null;
  }
  const [, column, , value, type] = cast;
  const expected = /DOUBLE|INT|FLOAT|DECIMAL/.test(type!) ? 'a number' : `a ${type}`;
  return `column "${column}": expected ${expected}, found ${value === '' ? 'an empty value' : `text (${[...value!].length} characters)`}`;
}
