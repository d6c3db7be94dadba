/**
 * The `feature-parity` readiness check (DESIGN.md, check 2): the same sampled requests through the
 * training pipeline and the serving pipeline agree on every feature, joined features use only rows
 * whose label was known (no leak), and joined values are fresh. Pure: preflight gathers the events
 * (run/preflight/featureChecks.ts) and this decides.
 *
 * FAIL: a feature whose pipelines disagree beyond the tolerance (per request or as distributions),
 * or a joined value that is not what the rows known at its as-of time give.
 * WARN: nothing failed, but a joined value was older than `features.freshness.maxAge`, or one
 * model could not be checked (not loaded, no feature spec of its own beside one that has).
 * ERROR: models have feature specs but none could be compared (none was loaded).
 * NOT RUN: no model has a feature spec, so there is no pair of pipelines to compare.
 */
import type { FeatureParityMeasured, FreshnessMeasured, PointInTimeChecked } from '../../../contract/events';
import type { EvidenceItem, ReadinessCheck } from '../../../contract/report';
import type { FeatureParitySection } from '../scenario/sections/features';
import { CHECK_TITLES, notRunCheck, unresolvedCheck } from './catalog';

/** What preflight measured, model by model. */
export interface FeatureParityEvidence {
  readonly parity: readonly FeatureParityMeasured[];
  readonly pointInTime: readonly PointInTimeChecked[];
  readonly freshness: readonly FreshnessMeasured[];
  /** Models that could not be checked, with why. */
  readonly unavailable: readonly { readonly model: string; readonly reason: string }[];
}

const DAY_MS = 86_400_000;

/** Resolves the check from its evidence. */
export function featureParityCheck(evidence: FeatureParityEvidence, thresholds: FeatureParitySection, maxAgeMs: number | null): ReadinessCheck {
  if (evidence.parity.length === 0 && evidence.unavailable.length === 0) {
    return { ...notRunCheck('feature-parity'), observed: 'No model names a feature spec, so there are no training and serving pipelines to compare.' };
  }
  if (evidence.parity.length === 0) {
    return {
      ...unresolvedCheck('feature-parity', `No model's pipelines could be compared: ${evidence.unavailable.map((u) => `${u.model}: ${u.reason}`).join('; ')}.`),
      next: 'Load the models (see the dependency check for why they were not) and run again.',
    };
  }
  const failedFeatures = evidence.parity.flatMap((p) => p.features.filter((f) => !f.passed).map((f) => ({ model: p.model, feature: f })));
  const failedJoins = evidence.pointInTime.filter((p) => !p.passed);
  const stale = evidence.freshness.filter((f) => f.stale > 0);
  const status = failedFeatures.length > 0 || failedJoins.length > 0 ? 'FAIL' : stale.length > 0 || evidence.unavailable.length > 0 ? 'WARN' : 'PASS';
  const { absolute, relative } = thresholds.tolerance;
  const threshold = [
    `Every feature agrees on every sampled request (numeric within ${small(absolute)} + ${small(relative)} x |training value|, categorical exactly; at most ${percent(thresholds.maxMismatchRate)} of requests may differ)`,
    `and as distributions (L-infinity <= ${thresholds.maxLInfinity}, Jensen-Shannon distance <= ${thresholds.maxJensenShannon});`,
    'every joined value is what the rows whose label was known before its as-of time give, as of no later than the request',
    maxAgeMs === null
      ? '(ages are reported; features.freshness.maxAge flags stale ones).'
      : `(values older than ${days(maxAgeMs)} at request time are flagged).`,
  ].join(' ');
  const next: string[] = [];
  if (failedFeatures.length > 0) {
    next.push(
      `Make the serving code compute ${[...new Set(failedFeatures.map((f) => f.feature.name))].join(', ')} as training did (the examples show the raw record and both values), or retrain on what serving computes.`,
    );
  }
  if (failedJoins.some((p) => p.leaks > 0)) {
    next.push(
      'Rebuild the joined table with the label delay: count only rows whose label was known before each as-of time, then retrain; offline metrics of a model trained on leaked labels are too good.',
    );
  } else if (failedJoins.length > 0) {
    next.push('Rebuild the joined table from the raw rows with the as-of rule; its values do not match them.');
  }
  if (stale.length > 0) {
    next.push(
      `Refresh ${stale.map((f) => `${f.model}'s ${f.feature}`).join(', ')} in the feature store at least every ${days(maxAgeMs ?? 0)}, so serving reads the freshest values.`,
    );
  }
  if (evidence.unavailable.length > 0) {
    next.push(`Check what could not be: ${evidence.unavailable.map((u) => `${u.model}: ${u.reason}`).join('; ')}.`);
  }
  return {
    id: 'feature-parity',
    title: CHECK_TITLES['feature-parity'],
    status,
    observed: [
      ...evidence.parity.map(paritySentence),
      ...evidence.pointInTime.map(pointInTimeSentence),
      ...evidence.freshness.map(freshnessSentence),
      ...evidence.unavailable.map((u) => `${u.model}: not checked (${u.reason}).`),
    ].join(' '),
    threshold,
    evidence: [...evidence.parity.flatMap(parityItems), ...evidence.pointInTime.flatMap(pointInTimeItems), ...evidence.freshness.flatMap(freshnessItems)],
    next: next.length > 0 ? next.join(' ') : 'Nothing to do: keep running the parity check on every change to either pipeline.',
  };
}

function paritySentence(p: FeatureParityMeasured): string {
  const failed = p.features.filter((f) => !f.passed);
  const variant = p.servingVariant === null ? '' : ` (serving variant ${p.servingVariant})`;
  const head = `${p.model}${variant}: ${p.features.length} features on ${p.sample.joined} of ${p.sample.requested} sampled requests`;
  if (failed.length === 0) {
    return `${head}, all agree.`;
  }
  return `${head}; ${failed.map((f) => `${f.name} differs on ${percent(f.mismatchRate)} of them (${f.distribution.metric} ${format(f.distribution.value)})`).join('; ')}.`;
}

function pointInTimeSentence(p: PointInTimeChecked): string {
  const where = `${p.model}: ${p.feature} recomputed from ${fileName(p.history)} for ${p.checked} ${p.sample === 'reference' ? 'training-window' : 'replayed'} requests`;
  if (p.passed) {
    return `${where}: all match the rows known at their as-of time.`;
  }
  return `${where}: ${p.violations} do not match${p.leaks > 0 ? `; ${p.leaks} of them count labels not yet known at their as-of time (label delay ${days(p.labelDelayMs)}): a leak` : ''}${p.futureAsOf > 0 ? `, ${p.futureAsOf} as of a time after the request` : ''}.`;
}

function freshnessSentence(f: FreshnessMeasured): string {
  if (f.ageMs === null) {
    return `${f.model}: ${f.feature} has no sampled request to age.`;
  }
  const stale = f.maxAgeMs === null ? '' : `; ${f.stale} of ${f.requests} older than ${days(f.maxAgeMs)}`;
  return `${f.model}: ${f.feature} values ${days(f.ageMs.p50)} old at request time (median; at most ${days(f.ageMs.max)})${stale}.`;
}

function parityItems(p: FeatureParityMeasured): EvidenceItem[] {
  return [
    ...(p.servingErrors > 0 ? [{ label: `${p.model}: requests the serving code refused`, value: p.servingErrors, n: p.sample.requests }] : []),
    ...p.features.flatMap((f) => [
      { label: `${p.model}: ${f.name} mismatch rate`, value: f.mismatchRate, unit: 'share of sampled requests', n: p.sample.requests },
      {
        label: `${p.model}: ${f.name} ${f.distribution.metric} distance`,
        value: f.distribution.value,
        unit: `threshold ${f.distribution.threshold}`,
        n: f.compared,
      },
      ...(f.maxAbsDelta !== null && f.maxAbsDelta > 0
        ? [{ label: `${p.model}: ${f.name} largest |training - serving|`, value: f.maxAbsDelta, n: f.compared }]
        : []),
      ...f.shifts.map((s) => ({
        label: `${p.model}: ${f.name} ${s.training ?? 'none'} in training, ${s.serving ?? 'none'} in serving`,
        value: s.count,
        n: p.sample.requests,
      })),
      ...f.examples.slice(0, 2).map((e) => ({
        label: `${p.model}: ${f.name} at request ${e.requestId} (${e.eventTime})`,
        value: `training ${e.training ?? 'none'}, serving ${e.serving ?? 'none'}; record ${JSON.stringify(e.record)}`,
      })),
    ]),
  ];
}

function pointInTimeItems(p: PointInTimeChecked): EvidenceItem[] {
  return [
    { label: `${p.model}: ${p.feature} values not matching the as-of recomputation (${p.sample})`, value: p.violations, n: p.checked },
    { label: `${p.model}: ${p.feature} values that count labels not yet known at their as-of time (${p.sample})`, value: p.leaks, n: p.checked },
    ...p.examples.slice(0, 2).map((e) => ({
      label: `${p.model}: ${p.feature} for ${e.key} at ${e.eventTime} (as of ${e.asOf})`,
      value: `used ${e.used}; from the ${e.rowsKnown} rows known then ${e.expected}; from all ${e.rowsBefore} rows before ${e.asOf} ${e.withoutLabelDelay}`,
    })),
  ];
}

function freshnessItems(f: FreshnessMeasured): EvidenceItem[] {
  if (f.ageMs === null) {
    return [];
  }
  return [
    { label: `${f.model}: ${f.feature} median age at request time`, value: f.ageMs.p50 / DAY_MS, unit: 'days', n: f.requests },
    { label: `${f.model}: ${f.feature} oldest value at request time`, value: f.ageMs.max / DAY_MS, unit: 'days', n: f.requests },
    ...(f.maxAgeMs === null ? [] : [{ label: `${f.model}: ${f.feature} values older than ${days(f.maxAgeMs)}`, value: f.stale, n: f.requests }]),
  ];
}

/** The last part of a path (the full path stays in the event). */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** A tolerance as people write it: 1e-6 rather than 0.000001. */
function small(value: number): string {
  return value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential() : String(value);
}

function percent(rate: number): string {
  return `${Number((rate * 100).toPrecision(3))}%`;
}

function days(ms: number): string {
  const d = ms / DAY_MS;
  return d >= 1 ? `${Number(d.toPrecision(3))} d` : `${Number((ms / 3_600_000).toPrecision(3))} h`;
}

function format(value: number | null): string {
  return value === null ? 'n/a' : value.toPrecision(3);
}
