/** `snapshots`: the production traffic to replay, and each model's reference (training window). */
import { z } from 'zod';
import { columnName, durationMs, eventTime, sqlExpression, unitInterval } from '../values';

/** One snapshot: a file or a glob of Parquet, CSV or JSON lines, read through DuckDB. */
export const snapshotSection = z.strictObject({
  path: z.string().min(1),
  /** Inferred from the extension when absent. */
  format: z.enum(['parquet', 'csv', 'jsonl']).optional(),
  /** The event-time column; rows stream in its order. */
  timestamp: columnName,
  /** The label: a column, or a SQL expression over the row (e.g. `delay > 15`). */
  label: sqlExpression.optional(),
  /** When the truth becomes known after the event. */
  labelDelay: durationMs.default(0),
  from: eventTime.optional(),
  to: eventTime.optional(),
  /** Share of rows that may fail to read before the run stops; bad rows are always reported. */
  maxRejectRate: unitInterval.default(0),
});

export const snapshotsSection = z.strictObject({
  production: snapshotSection,
  reference: z.strictObject({ blue: snapshotSection.optional(), green: snapshotSection.optional() }).optional(),
});

export type SnapshotSection = z.output<typeof snapshotSection>;
export type SnapshotsSection = z.output<typeof snapshotsSection>;
