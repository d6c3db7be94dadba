/**
 * Each model's reference window and where production starts. A model's reference is its training
 * window when its card has one and the snapshot holds rows in it; `--reference` sets it for every
 * model; otherwise the first quarter of the rows (at least a year when the snapshot spans two or
 * more, so a yearly season meets every month). Production is what comes after every reference.
 */
import { formatEventTime } from '../time/eventTime';
import type { DraftRequest, ModelFacts, SnapshotFacts } from './draftFacts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const YEAR_MS = 365 * DAY_MS;

/** One model's reference window [from, to) and why. */
export interface ReferenceWindow {
  readonly from: number;
  readonly to: number;
  readonly reason: string;
}

/** The references and the production stretch [from, snapshot end). */
export type ReferenceChoice =
  | {
      readonly ok: true;
      readonly references: Readonly<Partial<Record<'blue' | 'green', ReferenceWindow>>>;
      readonly productionFrom: number;
      readonly productionReason: string;
    }
  | { readonly ok: false; readonly field: string; readonly problem: string };

/** Chooses every model's reference, then production as the rows after the last of them. */
export function chooseReferences(models: readonly ModelFacts[], snapshot: SnapshotFacts, request: DraftRequest): ReferenceChoice {
  const first = snapshot.hours[0]?.hour ?? 0;
  const end = (snapshot.hours.at(-1)?.hour ?? 0) + HOUR_MS;
  const references: Partial<Record<'blue' | 'green', ReferenceWindow>> = {};
  for (const model of models) {
    const window = referenceOf(model, snapshot, request, first, end);
    if (window.to <= window.from || rowsIn(snapshot, window.from, window.to) === 0) {
      return { ok: false, field: request.reference ? '--reference' : `${model.role} reference`, problem: `no row of ${snapshot.path} in ${span(window)}` };
    }
    references[model.role] = window;
  }
  const productionFrom = Math.max(...Object.values(references).map((r) => r.to));
  const rows = rowsIn(snapshot, productionFrom, end);
  if (rows === 0) {
    return {
      ok: false,
      field: request.reference ? '--reference' : 'reference',
      problem: `no row of ${snapshot.path} after ${formatEventTime(productionFrom)}, where the reference ends: nothing is left to replay (give --reference from..to)`,
    };
  }
  return { ok: true, references, productionFrom, productionReason: `every row after the reference${models.length > 1 ? 's' : ''} (${rows} rows)` };
}

function referenceOf(model: ModelFacts, snapshot: SnapshotFacts, request: DraftRequest, first: number, end: number): ReferenceWindow {
  if (request.reference) {
    return { ...request.reference, reason: 'given by --reference' };
  }
  const training = model.trainingWindow;
  if (training && rowsIn(snapshot, training.from, training.to) > 0) {
    return {
      from: Math.max(training.from, first),
      to: Math.min(training.to, end),
      reason: `${model.name}'s training window (its model card): drift is measured against the data the model learned from`,
    };
  }
  const quarter = Math.ceil(quarterPoint(snapshot) / DAY_MS) * DAY_MS;
  const start = Math.floor(first / DAY_MS) * DAY_MS;
  const to = end - first >= 2 * YEAR_MS ? Math.max(quarter, start + YEAR_MS) : quarter;
  return {
    from: start,
    to,
    reason: `${model.name}'s card names no training window, so the first quarter of the rows${to > quarter ? ', extended to a whole year so every month is in it' : ''}`,
  };
}

/** The hour by whose end a quarter of the rows have been seen. */
function quarterPoint(snapshot: SnapshotFacts): number {
  let seen = 0;
  for (const h of snapshot.hours) {
    seen += h.rows;
    if (seen >= snapshot.rows / 4) {
      return h.hour + HOUR_MS;
    }
  }
  return (snapshot.hours.at(-1)?.hour ?? 0) + HOUR_MS;
}

/** Rows in [from, to), by whole hours. */
export function rowsIn(snapshot: SnapshotFacts, from: number, to: number): number {
  return snapshot.hours.reduce((sum, h) => (h.hour >= from && h.hour < to ? sum + h.rows : sum), 0);
}

/** `2001-01-01T00:00:00 to 2001-02-01T00:00:00`. */
export function span(window: { readonly from: number; readonly to: number }): string {
  return `${formatEventTime(window.from)} to ${formatEventTime(window.to)}`;
}
