/**
 * Before the first step of a rollout: the models it needs, the stream of production
 * rows it replays, the records it sends and, first of all, whether blue could still take today's
 * traffic back (rollback compatibility).
 */
import type { RolloutCompatibility } from '../../../contract/events';
import type { ColumnChunk, SnapshotSource, SqlRelation } from '../ports/snapshot';
import type { PhaseContext } from '../run/phase';
import { InputError } from '../run/inputError';
import type { ReadyModel } from '../run/state';
import type { RolloutSection } from '../scenario/sections/rollout';
import { rawRecordOf } from '../features/rawRecord';
import { columnCompatibility, recordCompatibility, type RecordCompatibility } from './compatibility';
import { stepDurationMs } from './planText';
import { pickRows, type RecordShape } from './stepRequests';
import { WindowCursor } from './windowCursor';

/** Today's records checked for compatibility, at most. */
const COMPATIBILITY_SAMPLE = 1000;

/** The two models of a rollout. */
export interface RolloutModels {
  readonly blue: ReadyModel;
  readonly green: ReadyModel;
}

/** Blue and green as preflight loaded them; a rollout without both is bad input. */
export function rolloutModels(context: PhaseContext): RolloutModels {
  const blue = context.state.models.find((m) => m.role === 'blue');
  const green = context.state.models.find((m) => m.role === 'green');
  if (context.file.scenario.models.green === undefined) {
    throw new InputError('models.green', 'a rollout needs a green model (the candidate) beside blue');
  }
  if (blue === undefined || green === undefined) {
    throw new Error(`the rollout needs blue and green loaded, but ${blue === undefined ? 'blue' : 'green'} was not (see the preflight events)`);
  }
  return { blue, green };
}

/** The raw fields a model's requests must carry: its serving pipeline's, or its plain input columns. */
export function rawFields(model: ReadyModel): readonly string[] {
  return model.serving?.fields ?? model.columns;
}

/** The production rows of the rollout, from its start, through both models' inputs and the raw fields. */
export interface RolloutStream {
  readonly cursor: WindowCursor;
  readonly start: number;
  readonly shape: RecordShape;
}

/** Reads the run's production snapshot from the rollout's start, in one query for the whole rollout. */
export async function openRolloutStream(context: PhaseContext, plan: RolloutSection, models: RolloutModels): Promise<RolloutStream> {
  const { source, section: production } = await context.data.production();
  const fields = [...new Set([...rawFields(models.blue), ...rawFields(models.green)])];
  const stickyKey = plan.stickyKey ?? null;
  const have = new Set(source.columns.map((c) => c.name));
  if (stickyKey !== null && !have.has(stickyKey)) {
    throw new InputError('rollout.stickyKey', `expected a column of ${source.description}; "${stickyKey}" is not one of: ${[...have].join(', ')}`);
  }
  // Fields the snapshot lacks altogether are left out of the records (upstream dropped them);
  // the compatibility check then finds them missing.
  const columns = [
    ...new Set([...models.blue.columns, ...models.green.columns, ...fields.filter((f) => have.has(f)), ...(stickyKey === null ? [] : [stickyKey])]),
  ];
  const derived = { ...context.file.scenario.features.derived, ...models.blue.derived, ...models.green.derived };
  const relations: Record<string, SqlRelation> = { ...models.blue.relations, ...models.green.relations };
  const start = plan.start ?? production.from ?? (await firstEventTime(source));
  const chunks = source.read({
    columns,
    derived,
    relations,
    joins: [...models.blue.joins, ...models.green.joins],
    from: start,
    ...(production.to === undefined ? {} : { to: production.to }),
  });
  return { cursor: new WindowCursor(chunks[Symbol.asyncIterator]()), start, shape: { fields, stickyKey } };
}

async function firstEventTime(source: SnapshotSource): Promise<number> {
  const extent = source.extent ? await source.extent({ columns: [], derived: {} }) : null;
  if (extent?.from === null || extent?.from === undefined) {
    throw new InputError(
      'rollout.start',
      `expected an event time to start the rollout at: the snapshot ${source.description} has no timed rows and the plan sets no start`,
    );
  }
  return extent.from;
}

/** The first stretch of event time a step replays: the first timed step's, or the plan's step duration. */
export function firstWindowMs(plan: RolloutSection): number {
  for (const step of plan.steps) {
    const ms = stepDurationMs(plan, step);
    if (ms !== null) {
      return ms;
    }
  }
  return plan.stepDuration;
}

/** Blue's serving pipeline (or its input columns) against a sample of today's records. */
export async function compatibilityOf(blue: ReadyModel, pieces: readonly ColumnChunk[], shape: RecordShape): Promise<RecordCompatibility> {
  const records = pickRows(pieces, COMPATIBILITY_SAMPLE).map(({ chunk, i }) => rawRecordOf(chunk, i, shape.fields));
  if (blue.serving !== null) {
    return recordCompatibility(blue.serving, records);
  }
  return columnCompatibility(blue.columns, records);
}

/** The compatibility as its event. */
export function compatibilityEvent(model: string, c: RecordCompatibility): RolloutCompatibility {
  return {
    kind: 'rollout.compatibility',
    model,
    compatible: c.compatible,
    required: c.required,
    present: c.present,
    missing: c.missing,
    records: c.records,
    failedRecords: c.failedRecords,
    failures: c.failures,
  };
}
