/**
 * The replay's alert rules, per window: layer 2 (data quality) on every input feature,
 * layer 3 on the predictions, layer 4 on the outcomes once labels arrive. Each rule reads one
 * figure of the window's comparison against its threshold; a window without enough data skips.
 *
 * | layer | rule | holds when |
 * |---|---|---|
 * | 2 | `feature-psi` | the feature's PSI is above its threshold (fixed or calibrated) |
 * | 2 | `schema-break` | a field the feature reads is missing from every row of the window |
 * | 2 | `feature-nulls` | its null rate is above the reference slice's by more than `nullRate` |
 * | 2 | `feature-unseen` | the share of categories never seen in training is above `unseenShare` |
 * | 3 | `prediction-psi` | the predictions' PSI is above its threshold |
 * | 4 | `label-positive-rate` | the positive rate is off the reference slice's by more than its threshold |
 * | 4 | `label-auc` | the AUC is below the reference's by more than `aucDrop` |
 */
import type { DriftAlertsSection } from '../scenario/sections/alerts';
import type { RuleOutcome } from './alertBook';
import type { SeriesComparison, WindowComparison } from './windowDrift';

/**
 * Rules on hard faults: a dropped field, a null spike, categories training never saw. Each is
 * a broken pipeline, not sampling noise, so each fires on the first window that shows it, with
 * no persistence.
 */
export const HARD_FAULT_RULES: ReadonlySet<string> = new Set(['schema-break', 'feature-nulls', 'feature-unseen']);

/** The PSI thresholds in force for one model. */
export interface ModelThresholds {
  readonly features: readonly number[];
  readonly prediction: number;
  readonly positiveRate: number;
  readonly aucDrop: number;
}

/** Where and when a window was evaluated. */
interface Stretch {
  readonly role: 'blue' | 'green';
  readonly from: number;
  readonly to: number;
  readonly at: number;
}

/** Every layer 2 and 3 rule on one window of one model. */
export function windowOutcomes(comparison: WindowComparison, thresholds: ModelThresholds, config: DriftAlertsSection, stretch: Stretch): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  // The specific data-quality rules first: when several hold in one window, the first names the catch.
  comparison.features.forEach((c, j) => {
    const d = c.drift;
    const rows = d.rows.current;
    outcomes.push(
      outcome(
        stretch,
        { layer: 2, rule: 'schema-break', subject: c.name },
        rows === 0 ? 'skip' : d.status === 'missing' ? 'holds' : 'clear',
        d.status === 'missing' ? 1 : 0,
        0,
        `${c.name}: ${d.reason ?? 'a field it reads is missing'}`,
      ),
    );
    const nullRate = d.nullRate.current;
    const referenceNullRate = d.nullRate.reference ?? 0;
    const enough = rows >= config.minRows && nullRate !== null;
    const excess = enough ? nullRate - referenceNullRate : null;
    outcomes.push(
      outcome(
        stretch,
        { layer: 2, rule: 'feature-nulls', subject: c.name },
        !enough ? 'skip' : excess! > config.nullRate ? 'holds' : 'clear',
        nullRate,
        referenceNullRate + config.nullRate,
        `${c.name}: ${percent(nullRate)} null, the reference ${percent(referenceNullRate)}`,
      ),
    );
    if (d.kind === 'categorical') {
      const unseen = c.unseenShare;
      const counted = unseen !== null && d.n.current >= config.minRows;
      outcomes.push(
        outcome(
          stretch,
          { layer: 2, rule: 'feature-unseen', subject: c.name },
          !counted ? 'skip' : unseen > config.unseenShare ? 'holds' : 'clear',
          unseen,
          config.unseenShare,
          `${c.name}: ${percent(unseen)} of values in categories never seen in training`,
        ),
      );
    }
    outcomes.push(psiOutcome(2, 'feature-psi', c, thresholds.features[j]!, stretch));
  });
  outcomes.push(psiOutcome(3, 'prediction-psi', comparison.prediction, thresholds.prediction, stretch));
  return outcomes;
}

/** The layer 4 rules on a window whose labels have arrived. */
export function labelOutcomes(
  labels: {
    readonly labelled: number;
    readonly positiveRate: number | null;
    readonly referencePositiveRate: number | null;
    readonly auc: number | null;
    readonly referenceAuc: number | null;
  },
  thresholds: ModelThresholds,
  config: DriftAlertsSection,
  stretch: Stretch,
): RuleOutcome[] {
  const enough = labels.labelled >= config.minRows;
  const rate = labels.positiveRate;
  const reference = labels.referencePositiveRate;
  const distance = enough && rate !== null && reference !== null ? Math.abs(rate - reference) : null;
  const drop = enough && labels.auc !== null && labels.referenceAuc !== null ? labels.referenceAuc - labels.auc : null;
  return [
    outcome(
      stretch,
      { layer: 4, rule: 'label-positive-rate', subject: 'label' },
      distance === null ? 'skip' : distance > thresholds.positiveRate ? 'holds' : 'clear',
      rate,
      thresholds.positiveRate,
      `positive rate ${percent(rate)} against the reference slice's ${percent(reference)}`,
    ),
    outcome(
      stretch,
      { layer: 4, rule: 'label-auc', subject: 'label' },
      drop === null ? 'skip' : drop > thresholds.aucDrop ? 'holds' : 'clear',
      labels.auc,
      labels.referenceAuc === null ? null : labels.referenceAuc - thresholds.aucDrop,
      `AUC ${labels.auc?.toFixed(3) ?? 'n/a'} against the reference's ${labels.referenceAuc?.toFixed(3) ?? 'n/a'}`,
    ),
  ];
}

function psiOutcome(layer: 2 | 3, rule: string, c: SeriesComparison, threshold: number, stretch: Stretch): RuleOutcome {
  const psi = c.drift.psi;
  const verdict = psi === null ? 'skip' : psi > threshold ? 'holds' : 'clear';
  return outcome(
    stretch,
    { layer, rule, subject: c.name },
    verdict,
    psi,
    threshold,
    `${c.name}: PSI ${psi === null ? 'n/a' : psi.toFixed(3)} (threshold ${threshold.toFixed(3)})`,
  );
}

function outcome(
  stretch: Stretch,
  key: { layer: 2 | 3 | 4; rule: string; subject: string },
  verdict: RuleOutcome['verdict'],
  value: number | null,
  threshold: number | null,
  message: string,
): RuleOutcome {
  return { key: { ...key, role: stretch.role }, verdict, value, threshold, from: stretch.from, to: stretch.to, at: stretch.at, message };
}

function percent(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`;
}
