/** Reads a snapshot in event-time order, in column chunks. Implemented with DuckDB in engine/node. */
import type { SnapshotSection } from '../scenario/sections/snapshots';

/**
 * A numeric column of a chunk; `valid[i]` is 0 where the value was null. Dates and timestamps
 * arrive as numbers too: epoch milliseconds on the data's own clock (read as if UTC).
 */
export interface NumericColumn {
  readonly kind: 'number';
  readonly values: Float64Array;
  readonly valid: Uint8Array;
  /** Set when the values are dates or timestamps, so a raw record can carry them as text again. */
  readonly time?: 'date' | 'timestamp';
}

/** A text (or categorical) column of a chunk; null where the value was null. */
export interface TextColumn {
  readonly kind: 'text';
  readonly values: readonly (string | null)[];
}

export type ChunkColumn = NumericColumn | TextColumn;

/** A slice of consecutive rows in event-time order. */
export interface ColumnChunk {
  readonly rowCount: number;
  /** Event time of each row, in milliseconds on the data's own clock. */
  readonly eventTime: Float64Array;
  /** The label of each row (1 or 0, or a score), NaN where unknown; null when the snapshot has no label. */
  readonly label: Float64Array | null;
  readonly columns: Readonly<Record<string, ChunkColumn>>;
  /**
   * Where each row is stored (`<file index>:<row>`), a request id that stays the same whichever
   * query reads the row; present when the query asked for a sample.
   */
  readonly rowIds?: readonly string[];
}

/** A column as the snapshot declares it. */
export interface SnapshotColumn {
  readonly name: string;
  readonly type: string;
}

/** Rows that could not be read, counted with where they were. */
export interface RejectSummary {
  readonly rejected: number;
  readonly examples: readonly { readonly file: string; readonly line: number | null; readonly message: string }[];
}

/**
 * A small table the derived columns' SQL may read (a model's frozen encodings, a lookup of route
 * delay rates): registered under its name for the query, so a feature is a join, not a literal.
 */
export interface SqlRelation {
  readonly columns: readonly { readonly name: string; readonly type: 'VARCHAR' | 'DOUBLE' | 'BIGINT' }[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/**
 * A lookup into a relation, which the reader adds as a LEFT JOIN: the relation's rows whose key
 * columns equal the given SQL expressions over the row (keys must be unique in the relation).
 * The joined columns are named `<alias>.<column>`, so they never collide with snapshot columns.
 */
export interface LookupJoin {
  readonly alias: string;
  readonly relation: string;
  /** Relation column -> SQL expression over one snapshot row. */
  readonly on: Readonly<Record<string, string>>;
  /** Relation columns the derived SQL reads. */
  readonly columns: readonly string[];
}

/** What to read: the columns needed (plain or derived), in a stretch of event time. */
export interface SnapshotQuery {
  readonly columns: readonly string[];
  /** Derived columns: name -> SQL expression over one row. */
  readonly derived: Readonly<Record<string, string>>;
  /** Relations the lookups read, by name (unquoted). */
  readonly relations?: Readonly<Record<string, SqlRelation>>;
  /** Lookups the derived SQL reads (`"blue.lookup0.idx"`). */
  readonly joins?: readonly LookupJoin[];
  readonly from?: number;
  readonly to?: number;
  /** Only `rows` rows of the window (rows with an event time), the same ones for the same seed. */
  readonly sample?: SnapshotSample;
}

/**
 * A seeded sample of a snapshot's rows: the rows whose seeded hash of their stored position (file
 * and row) is smallest, so two reads with the same seed pick the same rows, in any order.
 */
export interface SnapshotSample {
  readonly rows: number;
  readonly seed: number;
}

/** How many rows a query yields and the event time they span (ms of the data's clock; null without rows). */
export interface SnapshotExtent {
  readonly rows: number;
  readonly from: number | null;
  readonly to: number | null;
}

/** One open snapshot. */
export interface SnapshotSource {
  readonly description: string;
  readonly columns: readonly SnapshotColumn[];
  /** Streams the rows in event-time order. */
  read(query: SnapshotQuery): AsyncIterable<ColumnChunk>;
  /** What `read(query)` will yield, counted ahead for progress; absent where counting is not cheap. */
  extent?(query: SnapshotQuery): Promise<SnapshotExtent>;
  /** Rows that could not be read so far. */
  rejects(): RejectSummary;
  /** Cancels the query under way, if any (a run told to stop); the read then fails. */
  interrupt?(): void;
  close(): Promise<void>;
}

/** Opens snapshots: DuckDB in engine/node, in-memory tables in tests. */
export interface SnapshotStore {
  /** Opens the section's file (or glob); `role` names it in messages (`production`, `reference.blue`). */
  open(section: SnapshotSection, role: string): Promise<SnapshotSource>;
}
