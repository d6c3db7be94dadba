/**
 * `rehearse init`'s choosing, from what was read: inputs, references and production, the window,
 * the season, thresholds and budgets, each with its reason. Pure: the node side reads the facts
 * and writes the text.
 */
import type { SeasonKind } from '../../../contract/events';
import { formatEventTime } from '../time/eventTime';
import type { DraftChoice, DraftRequest, ModelFacts, SnapshotFacts } from './draftFacts';
import { chooseInputs } from './inputChoice';
import { chooseReferences, span, type ReferenceWindow } from './referenceChoice';
import { chooseSeason } from './seasonChoice';
import { chooseWindow, windowFits, type WindowFit } from './windowChoice';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Layer budgets the seed sets (1h, 1d) that a longer window cannot meet. */
const SEED_BUDGETS = { layer2: HOUR_MS, layer3: DAY_MS } as const;
/** Window-long chunks of the reference needed to measure its own PSI noise. */
const CALIBRATION_CHUNKS = 8;

/** Everything chosen: plain values the YAML writer and `--json` both read. */
export interface Draft {
  readonly models: readonly { readonly facts: ModelFacts; readonly inputs: readonly string[] | undefined; readonly inputsReason: string }[];
  readonly snapshot: SnapshotFacts;
  readonly label: { readonly expression: string; readonly reason: string } | null;
  readonly references: Readonly<Partial<Record<'blue' | 'green', ReferenceWindow>>>;
  readonly production: { readonly from: number; readonly reason: string };
  readonly window: WindowFit & { readonly reason: string };
  readonly fits: readonly WindowFit[];
  readonly minRows: number;
  readonly season: { readonly season: SeasonKind; readonly reason: string };
  readonly thresholds: { readonly kind: 'fixed' | 'calibrated'; readonly reason: string };
  readonly budgets: { readonly layer2: string; readonly layer3: string; readonly reason: string } | null;
  readonly choices: readonly DraftChoice[];
}

/** The draft, or the first problem (a model input without a column, no row to replay, too few rows) with the flag or field it is about. */
export type DraftOutcome = { readonly ok: true; readonly draft: Draft } | { readonly ok: false; readonly field: string; readonly problem: string };

/** Chooses every part of the scenario. */
export function draftScenario(models: readonly ModelFacts[], snapshot: SnapshotFacts, request: DraftRequest): DraftOutcome {
  const inputs = [];
  for (const model of models) {
    const choice = chooseInputs(model, snapshot);
    if (!choice.ok) {
      return choice;
    }
    inputs.push({ facts: model, inputs: choice.inputs, inputsReason: choice.reason });
  }
  const refs = chooseReferences(models, snapshot, request);
  if (!refs.ok) {
    return refs;
  }
  const end = (snapshot.hours.at(-1)?.hour ?? 0) + HOUR_MS;
  const fits = windowFits(snapshot.hours, refs.productionFrom, end, snapshot.grain);
  const window = chooseWindow(fits);
  if (!window.ok) {
    return { ok: false, field: '--snapshot', problem: `${snapshot.path}: ${window.problem}` };
  }
  const shortest = Math.min(...Object.values(refs.references).map((r) => r.to - r.from));
  const season = chooseSeason(snapshot.grain, window.fit.ms, shortest);
  const draft: Omit<Draft, 'choices'> = {
    models: inputs,
    snapshot,
    label: labelOf(models, request),
    references: refs.references,
    production: { from: refs.productionFrom, reason: refs.productionReason },
    window: { ...window.fit, reason: window.reason },
    fits,
    minRows: window.minRows,
    season,
    thresholds: thresholdsOf(shortest, window.fit.ms),
    budgets: budgetsOf(window.fit),
  };
  return { ok: true, draft: { ...draft, choices: choicesOf(draft) } };
}

function labelOf(models: readonly ModelFacts[], request: DraftRequest): Draft['label'] {
  if (request.label !== undefined) {
    return { expression: request.label, reason: 'given by --label' };
  }
  const card = models.find((m) => m.label !== undefined);
  return card ? { expression: card.label!, reason: `${card.name}'s model card` } : null;
}

function thresholdsOf(referenceMs: number, windowMs: number): Draft['thresholds'] {
  const chunks = Math.floor(referenceMs / windowMs);
  return chunks >= CALIBRATION_CHUNKS
    ? {
        kind: 'calibrated',
        reason: `the reference holds ${chunks} window-long chunks, enough to measure its own PSI noise: each rule alerts above mean + 3 sd of it, where the seed's fixed 0.25 alarms on ordinary noise`,
      }
    : {
        kind: 'fixed',
        reason: `the reference holds only ${chunks} window-long chunks (${CALIBRATION_CHUNKS} are needed to calibrate), so the seed's PSI 0.25`,
      };
}

function budgetsOf(window: WindowFit): Draft['budgets'] {
  if (window.ms <= SEED_BUDGETS.layer2) {
    return null;
  }
  return {
    layer2: window.text,
    layer3: window.ms > SEED_BUDGETS.layer3 ? window.text : '1d',
    reason: `a replayed shift is caught at the end of the window it starts in, one window late at most: the seed's 1h (layer 2)${window.ms > SEED_BUDGETS.layer3 ? ' and 1d (layer 3)' : ''} cannot be met with ${window.text} windows`,
  };
}

function choicesOf(draft: Omit<Draft, 'choices'>): DraftChoice[] {
  const choices: DraftChoice[] = draft.models.map((m) => ({
    field: `models.${m.facts.role}.inputs`,
    value: m.inputs ? m.inputs.join(', ') : '(from the model)',
    reason: m.inputsReason,
  }));
  choices.push({ field: 'snapshots.production.timestamp', value: draft.snapshot.timestamp, reason: draft.snapshot.timestampReason });
  choices.push({
    field: 'snapshots.production.label',
    value: draft.label?.expression ?? '(none)',
    reason: draft.label?.reason ?? 'no --label and no label in a model card: no outcome, so AUC and layer 4 are not measured',
  });
  for (const [role, ref] of Object.entries(draft.references)) {
    choices.push({ field: `snapshots.reference.${role}`, value: span(ref), reason: ref.reason });
  }
  choices.push({ field: 'snapshots.production.from', value: formatEventTime(draft.production.from), reason: draft.production.reason });
  choices.push({ field: 'alerts.drift.window', value: draft.window.text, reason: draft.window.reason });
  choices.push({ field: 'alerts.drift.season', value: draft.season.season, reason: draft.season.reason });
  if (draft.minRows !== 50) {
    choices.push({
      field: 'alerts.drift.minRows',
      value: String(draft.minRows),
      reason: `windows this size hold a median of ${draft.window.medianRows} rows, under the default 50`,
    });
  }
  choices.push({ field: 'alerts.drift.thresholds', value: draft.thresholds.kind, reason: draft.thresholds.reason });
  if (draft.budgets) {
    choices.push({ field: 'alerts.budgets', value: `layer2 ${draft.budgets.layer2}, layer3 ${draft.budgets.layer3}`, reason: draft.budgets.reason });
  }
  return choices;
}
