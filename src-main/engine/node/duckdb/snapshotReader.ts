/**
 * Snapshots through DuckDB: Parquet, CSV and JSON lines, one file or a glob, streamed in
 * event-time order in chunks (never as one array of JS objects). Rows that cannot be read are
 * counted with their file and line (see snapshotFormats.ts), and so are rows without an event
 * time; `rejects()` reports them after each read, and the run decides what rate it tolerates.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { ColumnChunk, RejectSummary, SnapshotColumn, SnapshotExtent, SnapshotQuery, SnapshotSource } from '../../common/ports/snapshot';
import { InputError } from '../../common/run/inputError';
import type { SnapshotSection } from '../../common/scenario/sections/snapshots';
import { confineToFiles } from '../workspace/duckdbConfinement';
import { toColumnChunk, type UntimedRow } from './columnChunk';
import { StringInterner } from './vectorColumns';
import { openDatabase, sqlIdentifier } from './database';
import { lookupJoins, registerRelations } from './relations';
import { firstLine, formatReader, REJECT_EXAMPLES, snapshotFiles, snapshotFormat, type FormatReader } from './snapshotFormats';

/**
 * A snapshot to open: a scenario's section, or what `rehearse score` was given, where the
 * timestamp is optional (without one, rows stream in file order and no time window applies).
 */
export type SnapshotRequest = Omit<SnapshotSection, 'timestamp'> & { readonly timestamp?: string | undefined };

/** Opens a snapshot and reads its schema; a missing file or an unknown timestamp column is an InputError. */
export async function openSnapshot(section: SnapshotRequest, role: string): Promise<SnapshotSource> {
  const format = snapshotFormat(section);
  const { instance, connection } = await openDatabase();
  try {
    const files = await snapshotFiles(connection, section.path, role);
    // The scenario's SQL (label, derived features) runs on this connection: it may read these files and no other.
    await confineToFiles(connection, files);
    const reader = await formatReader(connection, section, files).catch((error: unknown) => {
      throw error instanceof InputError ? error : new InputError(section.path, `cannot be read as ${format}: ${firstLine(error)}`);
    });
    if (section.timestamp !== undefined && !reader.columns.some((c) => c.name === section.timestamp)) {
      throw new InputError(
        `snapshots.${role}.timestamp`,
        `expected a column of ${section.path}; "${section.timestamp}" is not one of: ${reader.columns.map((c) => c.name).join(', ')}`,
      );
    }
    return new DuckDbSnapshot(section, role, reader, instance, connection);
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
}

class DuckDbSnapshot implements SnapshotSource {
  readonly description: string;
  readonly columns: readonly SnapshotColumn[];
  private lastRejects: RejectSummary = { rejected: 0, examples: [] };

  constructor(
    private readonly section: SnapshotRequest,
    private readonly role: string,
    private readonly reader: FormatReader,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {
    this.description = section.path;
    this.columns = reader.columns;
  }

  async *read(query: SnapshotQuery): AsyncIterable<ColumnChunk> {
    const where = `snapshots.${this.role} (${this.section.path})`;
    const { sql, names } = this.selectOf(query, where);
    const untimed: UntimedRow[] = [];
    // One per read: a category's text is allocated once however many rows carry it.
    const interner = new StringInterner();
    let result;
    try {
      await registerRelations(this.connection, query.relations ?? {});
      const joins = await lookupJoins(this.connection, query.joins ?? []);
      await this.reader.beforeRead(this.connection);
      result = await this.connection.stream(sql(joins));
    } catch (error) {
      throw new InputError(where, `the query over the snapshot failed: ${firstLine(error)}`);
    }
    // The next chunk is asked for before this one is handed over, so DuckDB reads it (on its
    // own threads) while the caller works on this one.
    let pending: ReturnType<typeof result.fetchChunk> | null = result.fetchChunk();
    try {
      for (;;) {
        let raw;
        try {
          raw = await pending!;
        } catch (error) {
          throw new InputError(where, `reading the snapshot failed: ${firstLine(error)}`);
        } finally {
          pending = null;
        }
        if (raw === null || raw.rowCount === 0) {
          break;
        }
        pending = result.fetchChunk();
        const converted = toColumnChunk(raw, names, this.section.label !== undefined, interner);
        untimed.push(...converted.untimed);
        if (converted.chunk.rowCount > 0) {
          yield query.sample === undefined ? converted.chunk : withRowIds(converted.chunk);
        }
      }
    } finally {
      // A reader that stops early leaves no fetch running into a closed connection.
      await pending?.catch(() => null);
    }
    this.lastRejects = mergeRejects(await this.reader.rejects(this.connection), untimed, this.section);
  }

  /**
   * The query of a read, given its joins: the event time, label and where a row came from first,
   * then each column asked for (a snapshot column or a derived one), in the window, in event-time
   * order; `names` are the columns after the four leading ones.
   */
  private selectOf(query: SnapshotQuery, where: string): { sql: (joins: string) => string; names: string[] } {
    const ts = this.section.timestamp === undefined ? null : sqlIdentifier(this.section.timestamp);
    if (ts === null && (query.from !== undefined || query.to !== undefined)) {
      throw new InputError(where, 'a time window needs the timestamp column of the snapshot');
    }
    // Where a row came from is carried only for rows without an event time (the rejects): a file
    // name on each of millions of rows would double what the sort holds.
    const untimedOnly = (column: string): string => (ts === null ? `NULL AS ${column}` : `CASE WHEN ${ts} IS NULL THEN ${column} END AS ${column}`);
    const select = [
      ts === null ? "'NaN'::DOUBLE AS __t" : `epoch_ms(CAST(${ts} AS TIMESTAMP))::DOUBLE AS __t`,
      this.section.label === undefined ? 'NULL::DOUBLE AS __label' : `CAST((${this.section.label}) AS DOUBLE) AS __label`,
      untimedOnly('__file'),
      untimedOnly('__line'),
    ];
    const names: string[] = [];
    for (const name of query.columns) {
      const expression = query.derived[name] ?? (this.columns.some((c) => c.name === name) ? sqlIdentifier(name) : undefined);
      if (expression === undefined) {
        throw new InputError(
          `snapshots.${this.role}`,
          `expected a column or derived feature "${name}"; found columns: ${this.columns.map((c) => c.name).join(', ')}`,
        );
      }
      select.push(`(${expression}) AS ${sqlIdentifier(name)}`);
      names.push(name);
    }
    // Rows without an event time are kept in the result (first, by NULLS FIRST) to be counted.
    const window = [
      ...(query.from === undefined ? [] : [`${ts} >= make_timestamp(${Math.round(query.from * 1000)})`]),
      ...(query.to === undefined ? [] : [`${ts} < make_timestamp(${Math.round(query.to * 1000)})`]),
    ];
    const filter = window.length === 0 ? '' : ` WHERE ${ts} IS NULL OR (${window.join(' AND ')})`;
    const order = ts === null ? ' ORDER BY __file_index, __row' : ` ORDER BY ${ts} NULLS FIRST, __file_index, __row`;
    const sample = query.sample;
    if (sample !== undefined) {
      // The row's stored position is its request id: the same row has the same id in every read.
      select.push(`(__file_index::VARCHAR || ':' || __row::VARCHAR) AS ${sqlIdentifier(ROW_ID)}`);
      names.push(ROW_ID);
    }
    const rows = sample === undefined ? this.reader.rows : sampledRows(this.reader.rows, ts, window, sample);
    return { sql: (joins) => `SELECT ${select.join(', ')} FROM ${rows} AS __snapshot${joins}${sample === undefined ? filter : ''}${order}`, names };
  }

  /** Counted ahead of a read for progress: rows with an event time in the window, and their span. */
  async extent(query: SnapshotQuery): Promise<SnapshotExtent> {
    const timestamp = this.section.timestamp;
    if (timestamp === undefined) {
      return { rows: 0, from: null, to: null };
    }
    const ts = sqlIdentifier(timestamp);
    const window = [`${ts} IS NOT NULL`];
    if (query.from !== undefined) {
      window.push(`${ts} >= make_timestamp(${Math.round(query.from * 1000)})`);
    }
    if (query.to !== undefined) {
      window.push(`${ts} < make_timestamp(${Math.round(query.to * 1000)})`);
    }
    const sql = `SELECT count(*)::DOUBLE AS n, epoch_ms(min(CAST(${ts} AS TIMESTAMP)))::DOUBLE AS lo, epoch_ms(max(CAST(${ts} AS TIMESTAMP)))::DOUBLE AS hi FROM ${this.reader.rows} AS __snapshot WHERE ${window.join(' AND ')}`;
    let row: Record<string, unknown> | undefined;
    try {
      row = (await this.connection.runAndReadAll(sql)).getRowObjects()[0];
    } catch (error) {
      throw new InputError(`snapshots.${this.role} (${this.section.path})`, `counting the snapshot's rows failed: ${firstLine(error)}`);
    }
    const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
    return { rows: number(row?.['n']) ?? 0, from: number(row?.['lo']), to: number(row?.['hi']) };
  }

  rejects(): RejectSummary {
    return this.lastRejects;
  }

  interrupt(): void {
    this.connection.interrupt();
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** The column that carries each sampled row's id, moved out of `columns` into `rowIds`. */
const ROW_ID = '__row_id';

/**
 * The sampled rows: those of the window with an event time whose seeded hash of (file, row) is
 * smallest. DuckDB's `hash` is fixed for a given DuckDB version, which the lock pins, so a seed
 * picks the same rows on every machine, whatever the thread count.
 */
function sampledRows(rows: string, ts: string | null, window: readonly string[], sample: { rows: number; seed: number }): string {
  const timed = ts === null ? [] : [`${ts} IS NOT NULL`];
  const where = [...timed, ...window];
  const filter = where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`;
  return `(SELECT * FROM ${rows}${filter} ORDER BY hash(${Math.trunc(sample.seed)}, __file_index, __row), __file_index, __row LIMIT ${Math.trunc(sample.rows)})`;
}

function withRowIds(chunk: ColumnChunk): ColumnChunk {
  const { [ROW_ID]: ids, ...columns } = chunk.columns;
  if (ids === undefined || ids.kind !== 'text') {
    throw new Error('a sampled read lost its row ids');
  }
  return { ...chunk, columns, rowIds: ids.values.map((id) => id ?? '') };
}

function mergeRejects(format: RejectSummary, untimed: readonly UntimedRow[], section: SnapshotRequest): RejectSummary {
  const message = `no event time: "${section.timestamp ?? ''}" is null or not a timestamp`;
  const examples = [...format.examples, ...untimed.map((row) => ({ file: row.file ?? section.path, line: row.line, message }))];
  return { rejected: format.rejected + untimed.length, examples: examples.slice(0, REJECT_EXAMPLES) };
}
