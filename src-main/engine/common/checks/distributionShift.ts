/**
 * The `distribution-shift` readiness check (DESIGN.md, check 1): the seed's first item,
 * "distribution monitoring is active and alerting on PSI > 0.25 for all input features", made
 * concrete by the replay. Pure: the replay gathers the evidence and this decides.
 *
 * FAIL: a model has no reference (its features are not monitored at all), a feature was never
 * compared (no window had enough data), or an injected shift was not caught while it acted.
 * WARN: everything is monitored and every shift caught, but some feature alerts only above a
 * calibrated threshold higher than the seed's 0.25 (its own noise at this window size is higher),
 * or alerts fired in more than 5% of the windows without a shift: monitoring that cries wolf is
 * monitoring people learn to ignore.
 * PASS: every input feature alerts at PSI > 0.25 or lower, and every injected shift was caught.
 * The false-alarm rate (windows outside every shift in which a feature's PSI alert fired) and
 * each shift's detection delay are the evidence. So is performance before labels, per model: whether its
 * probabilities are calibrated on the reference (else it gets no estimate), and the estimated AUC's
 * mean absolute error over the labelled windows beside those windows' own sampling error of AUC.
 * The estimate informs; it decides nothing here.
 */
import type { ReplayModel, ReplayWatch, ShiftDetected, ShiftMissed } from '../../../contract/events';
import type { EvidenceItem, ReadinessCheck } from '../../../contract/report';
import { CHECK_TITLES } from './catalog';

/** The share of windows without a shift in which alerts may fire before the check warns. */
export const FALSE_ALARM_TOLERANCE = 0.05;

/** One model's watch, as the replay saw it. */
export interface ModelWatchEvidence {
  readonly model: ReplayModel;
  /** Windows each feature was compared in (had enough data on both sides). */
  readonly compared: readonly { readonly name: string; readonly windows: number }[];
  /** Windows outside every shift in which the feature PSI rules were evaluated, and in which one fired. */
  readonly falseAlarms: {
    readonly windows: number;
    readonly alerting: number;
    readonly features: readonly { readonly name: string; readonly evaluated: number; readonly firing: number }[];
  };
  /** Performance before labels: the estimate's error over the windows whose labels came (absent in logs from before it existed). */
  readonly estimate?: ReplayWatch['estimate'];
}

/** Everything the check decides on. */
export interface DistributionShiftEvidence {
  /** The seed's alert level (bands.retrain), 0.25 by default. */
  readonly seedThreshold: number;
  readonly models: readonly ModelWatchEvidence[];
  /** Every shift of the scenario: its detections (first per layer), or why it was missed. */
  readonly shifts: readonly { readonly name: string; readonly detections: readonly ShiftDetected[]; readonly missed: ShiftMissed | null }[];
}

/** What the check finds wrong, feature by feature and shift by shift. */
interface ShiftFindings {
  readonly unmonitored: readonly ModelWatchEvidence[];
  readonly neverCompared: readonly string[];
  readonly missed: DistributionShiftEvidence['shifts'];
  readonly above: readonly string[];
  readonly noisy: readonly ModelWatchEvidence[];
}

/** Resolves the check. */
export function distributionShiftCheck(evidence: DistributionShiftEvidence): ReadinessCheck {
  const found = findingsOf(evidence);
  const { unmonitored, neverCompared, missed, above, noisy } = found;
  const status = unmonitored.length > 0 || neverCompared.length > 0 || missed.length > 0 ? 'FAIL' : above.length > 0 || noisy.length > 0 ? 'WARN' : 'PASS';
  return {
    id: 'distribution-shift',
    title: CHECK_TITLES['distribution-shift'],
    status,
    observed: observedOf(evidence, found),
    threshold: `Every input feature of every model is compared with its reference window by window and alerts at PSI > ${evidence.seedThreshold} (or a stricter calibrated threshold), and every injected shift is caught while it acts; alerts fire in at most ${FALSE_ALARM_TOLERANCE * 100}% of the windows without a shift.`,
    evidence: evidenceItemsOf(evidence),
    next:
      status === 'PASS'
        ? 'Keep the same rules in production: export them with the monitoring (four-layer monitoring) and watch the false-alarm rate.'
        : nextStepOf(found),
  };
}

function findingsOf(evidence: DistributionShiftEvidence): ShiftFindings {
  const seed = evidence.seedThreshold;
  return {
    unmonitored: evidence.models.filter((m) => m.model.reference === null),
    neverCompared: evidence.models.flatMap((m) =>
      m.model.reference === null ? [] : m.compared.filter((c) => c.windows === 0).map((c) => `${m.model.role} ${c.name}`),
    ),
    missed: evidence.shifts.filter((s) => s.missed !== null),
    above: evidence.models.flatMap((m) =>
      m.model.features.filter((f) => f.psiThreshold > seed).map((f) => `${m.model.role} ${f.name} (${f.psiThreshold.toFixed(2)})`),
    ),
    noisy: evidence.models.filter((m) => m.falseAlarms.windows > 0 && m.falseAlarms.alerting / m.falseAlarms.windows > FALSE_ALARM_TOLERANCE),
  };
}

function observedOf(evidence: DistributionShiftEvidence, found: ShiftFindings): string {
  const { unmonitored, neverCompared, missed, above } = found;
  const monitored = evidence.models.filter((m) => m.model.reference !== null);
  const featureCount = evidence.models.reduce((n, m) => n + m.model.features.length, 0);
  const watchedCount = monitored.reduce((n, m) => n + m.model.features.length, 0) - neverCompared.length;
  const caught = evidence.shifts.length - missed.length;
  return [
    `${watchedCount} of ${featureCount} input features are compared with their reference window by window, each with a PSI alert.`,
    ...unmonitored.map((m) => `${m.model.role} ${m.model.model} has no reference snapshot, so its features are not monitored.`),
    ...(neverCompared.length > 0 ? [`Never compared (too little data in every window): ${neverCompared.join(', ')}.`] : []),
    ...(above.length > 0 ? [`Calibrated thresholds above the seed's ${evidence.seedThreshold}: ${above.join(', ')}.`] : []),
    ...monitored.map(
      (m) => `${m.model.role}: alerts fired in ${rate(m.falseAlarms.alerting, m.falseAlarms.windows)} of ${m.falseAlarms.windows} windows without a shift.`,
    ),
    ...monitored.flatMap(estimateSentenceOf),
    evidence.shifts.length === 0
      ? 'No shift was injected.'
      : `${caught} of ${evidence.shifts.length} injected shifts were caught${missed.length > 0 ? `; missed: ${missed.map((s) => s.name).join(', ')}` : ''}.`,
  ].join(' ');
}

function evidenceItemsOf(evidence: DistributionShiftEvidence): EvidenceItem[] {
  return [...evidence.models.flatMap(modelItemsOf), ...evidence.shifts.map(shiftItemOf)];
}

function modelItemsOf(m: ModelWatchEvidence): EvidenceItem[] {
  const role = m.model.role;
  if (m.model.reference === null) {
    return [
      { label: `${role}: reference`, value: 'none' },
      { label: `${role}: false-alarm rate (windows without a shift)`, value: null, unit: 'ratio', n: 0, key: 'falseAlarmRate', role },
      { label: `${role}: windows compared`, value: 0, unit: 'windows', key: 'windowsCompared', role },
    ];
  }
  const items: EvidenceItem[] = [{ label: `${role}: reference rows`, value: m.model.reference.rows }];
  for (const f of m.model.features) {
    const compared = m.compared.find((c) => c.name === f.name)?.windows ?? 0;
    items.push({ label: `${role} ${f.name}: PSI alert above (${f.thresholdSource})`, value: round(f.psiThreshold), n: compared });
  }
  items.push({
    label: `${role}: false-alarm rate (windows without a shift)`,
    value: m.falseAlarms.windows === 0 ? null : round(m.falseAlarms.alerting / m.falseAlarms.windows),
    unit: 'ratio',
    n: m.falseAlarms.windows,
    key: 'falseAlarmRate',
    role,
  });
  items.push({ label: `${role}: windows compared`, value: windowsCompared(m), unit: 'windows', key: 'windowsCompared', role });
  const noisiest = [...m.falseAlarms.features].filter((f) => f.evaluated > 0).sort((a, b) => b.firing / b.evaluated - a.firing / a.evaluated)[0];
  if (noisiest !== undefined && noisiest.firing > 0) {
    items.push({
      label: `${role}: noisiest feature (${noisiest.name}) false-alarm rate`,
      value: round(noisiest.firing / noisiest.evaluated),
      unit: 'ratio',
      n: noisiest.evaluated,
    });
  }
  return [...items, ...estimateItemsOf(m)];
}

/** Performance before labels, as a sentence of the observation. */
function estimateSentenceOf(m: ModelWatchEvidence): string[] {
  const calibration = m.model.estimate;
  if (calibration === undefined || calibration === null) {
    return [];
  }
  const role = m.model.role;
  if (!calibration.calibrated) {
    return [
      `${role}: probabilities uncalibrated on the reference (calibration error ${calibration.error.toFixed(3)} above the bound ${calibration.bound.toFixed(3)}), so its performance is not estimated before labels.`,
    ];
  }
  const e = m.estimate;
  if (e === undefined || e.aucMae === null) {
    return [`${role}: probabilities calibrated on the reference; no labelled window to check its estimate against.`];
  }
  return [
    `${role}: AUC estimated before labels was off by ${e.aucMae.toFixed(3)} on average over ${e.windows} labelled windows, whose own AUC sampling error is ${e.aucStandardError?.toFixed(3) ?? 'n/a'}.`,
  ];
}

function estimateItemsOf(m: ModelWatchEvidence): EvidenceItem[] {
  const calibration = m.model.estimate;
  if (calibration === undefined || calibration === null) {
    return [];
  }
  const role = m.model.role;
  const items: EvidenceItem[] = [
    {
      label: `${role}: calibration error on the reference (bound ${calibration.bound.toFixed(3)}, ${calibration.calibrated ? 'calibrated' : 'uncalibrated: no estimate'})`,
      value: calibration.error,
      n: calibration.rows,
    },
  ];
  const e = m.estimate;
  if (calibration.calibrated && e !== undefined) {
    items.push(
      { label: `${role}: estimated AUC mean absolute error (labelled windows)`, value: e.aucMae, n: e.windows },
      { label: `${role}: labelled windows' AUC sampling error (Hanley-McNeil, mean)`, value: e.aucStandardError, n: e.windows },
      { label: `${role}: estimated accuracy mean absolute error (labelled windows)`, value: e.accuracyMae, n: e.windows },
    );
  }
  return items;
}

/** Windows in which the model's features were compared: the most any feature was (a window too thin for one feature is usually too thin for all). */
function windowsCompared(m: ModelWatchEvidence): number {
  return m.compared.reduce((most, c) => Math.max(most, c.windows), 0);
}

function shiftItemOf(s: DistributionShiftEvidence['shifts'][number]): EvidenceItem {
  const first = [...s.detections].sort((a, b) => a.delayMs - b.delayMs)[0];
  return first === undefined
    ? { label: `shift ${s.name}`, value: 'missed' }
    : {
        label: `shift ${s.name}: caught by layer ${first.layer} ${first.rule} on ${first.role ?? ''} ${first.subject} after`,
        value: round(first.delayMs / 3_600_000),
        unit: 'h',
      };
}

function nextStepOf({ unmonitored, missed, neverCompared, noisy, above }: ShiftFindings): string {
  if (unmonitored.length > 0) {
    return `Give ${unmonitored.map((m) => m.model.role).join(' and ')} a reference snapshot (snapshots.reference.<role>: its training window).`;
  }
  if (missed.length > 0) {
    return 'Look at what the missed shifts touch: a rule on that feature (null rate, unseen categories) or a shorter window may catch it; a shift that moves nothing the model reads may not matter.';
  }
  if (neverCompared.length > 0) {
    return 'Lengthen the window (alerts.drift.window) or lower alerts.drift.minRows so every feature has enough rows per window.';
  }
  if (noisy.length > 0 && above.length === 0) {
    return 'The noisiest features alert on their own sampling noise: calibrate their thresholds on the reference (alerts.drift.thresholds: calibrated), lengthen the window, or require the rule to hold longer (alerts.drift.for).';
  }
  return "The calibrated thresholds above 0.25 say those features are noisy at this window size: a longer window or a coarser encoding lowers their noise, so the seed's 0.25 can alert without false alarms.";
}

function rate(numerator: number, denominator: number): string {
  return denominator === 0 ? 'none' : `${((100 * numerator) / denominator).toFixed(1)}%`;
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}
