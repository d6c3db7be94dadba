/**
 * The replay's production loop: each chunk in event-time order has its shifts applied,
 * goes through every model's serving features and the model (blue and green on the same rows),
 * and is cut at window edges. When a window closes, the run's control is asked first (so Step
 * is one window), then each model's window is compared with its reference slice and appended,
 * the rules are evaluated, alerts fire or resolve, shifts are caught, and the outcomes of
 * earlier windows whose label delay has passed are appended.
 */
import type { RunEventBody } from '../../../contract/events';
import type { DriftOptions } from '../drift/driftOptions';
import type { ColumnChunk } from '../ports/snapshot';
import type { RunControl } from '../run/control';
import type { EventLog } from '../run/eventLog';
import { persistenceOf, type DriftAlertsSection } from '../scenario/sections/alerts';
import type { ShiftRunner } from '../shifts/shiftRunner';
import { formatEventTime } from '../time/eventTime';
import { AlertBook, type RuleOutcome } from './alertBook';
import { LabelQueue } from './labelQueue';
import { EstimateTally, labelledEstimateOf, roundedEstimate, windowEstimateOf } from './performanceEstimates';
import type { FedChunk, ModelFeed } from './modelFeed';
import type { SeasonalReference } from './seasonalReference';
import { windowStart } from './seasons';
import { scoredPrefix, SeriesRows } from './seriesRows';
import type { ShiftWatch } from './shiftWatch';
import { compareWindow, round, windowSeries } from './windowDrift';
import { SequentialWatch } from './sequentialWatch';
import { HARD_FAULT_RULES, labelOutcomes, windowOutcomes, type ModelThresholds } from './windowRules';
import type { SequentialRule } from '../monitoring/sequentialDrift';

/** One model in the loop. */
export interface StreamModel {
  readonly feed: ModelFeed;
  /** Null when the scenario gives the model no reference: it is scored, not compared. */
  readonly reference: SeasonalReference | null;
  readonly thresholds: ModelThresholds;
  /** The sequential rule of each series that has one, by series name (empty without `alerts.drift.ert`). */
  readonly sequential: ReadonlyMap<string, SequentialRule>;
  /** Whether its probabilities are calibrated on the reference, so each window's performance is estimated before its labels. */
  readonly estimated: boolean;
}

/** Windows a model's feature PSI rules were evaluated in outside every shift, and fired in. */
export interface FalseAlarms {
  readonly role: 'blue' | 'green';
  windows: number;
  alerting: number;
  /** Per series: windows evaluated, and windows its PSI alert was firing in. */
  readonly features: { readonly name: string; evaluated: number; firing: number }[];
}

/** What the loop needs from the run. */
export interface StreamContext {
  readonly log: EventLog;
  readonly control: RunControl;
  readonly config: DriftAlertsSection;
  readonly options: DriftOptions;
  readonly labelDelay: number;
  readonly shifts: ShiftRunner;
  readonly watch: ShiftWatch;
}

/** Per model, everything it scored, for the final score summary (labels as float32: 0, 1 or NaN, exact). */
export interface ScoredParts {
  readonly predictions: Float32Array[];
  readonly labels: Float32Array[];
}

/** The production loop of one replay. */
export class ReplayStream {
  private readonly book: AlertBook;
  private readonly sequential: SequentialWatch;
  private readonly labels = new LabelQueue();
  private readonly windows: SeriesRows[];
  private current: number | null = null;
  private stopped = false;
  /** Rows after shifts, and the event times of the first and last. */
  rows = 0;
  first: number | null = null;
  last: number | null = null;
  readonly scored: ScoredParts[];
  readonly falseAlarms: FalseAlarms[];
  /** Per model and series: windows in which it had a PSI (enough data on both sides). */
  readonly compared: { readonly name: string; windows: number }[][];
  /** Per model with a reference: its estimates against the labels that came. */
  readonly estimates: (EstimateTally | null)[];

  constructor(
    private readonly context: StreamContext,
    private readonly models: readonly StreamModel[],
  ) {
    this.sequential = new SequentialWatch(
      new Map(models.flatMap((m) => [...m.sequential].map(([name, rule]) => [`${m.feed.model.role}|${name}`, rule] as const))),
    );
    const persistence = persistenceOf(context.config);
    this.book = new AlertBook((key) => (HARD_FAULT_RULES.has(key.rule) || this.sequential.judges(key.role, key.rule, key.subject) ? 1 : persistence));
    this.windows = models.map((m) => new SeriesRows(m.feed.series.map((s) => s.kind)));
    this.scored = models.map(() => ({ predictions: [], labels: [] }));
    this.estimates = models.map((m) => (m.reference === null ? null : new EstimateTally(m.estimated)));
    this.compared = models.map((m) => m.feed.series.map((s) => ({ name: s.name, windows: 0 })));
    this.falseAlarms = models.map((m) => ({
      role: m.feed.model.role,
      windows: 0,
      alerting: 0,
      features: m.feed.series.map((s) => ({ name: s.name, evaluated: 0, firing: 0 })),
    }));
  }

  /** Takes one production chunk; false once the run was told to stop. */
  async consume(chunk: ColumnChunk): Promise<boolean> {
    for (const piece of this.context.shifts.apply(chunk)) {
      if (piece.rowCount === 0) {
        continue;
      }
      const fed: FedChunk[] = [];
      const predictions: (Float32Array | null)[] = [];
      for (const [k, m] of this.models.entries()) {
        const f = await m.feed.production(piece);
        fed.push(f);
        const p = f.batch === null ? null : await m.feed.model.inference.run(f.batch);
        predictions.push(p);
        this.keepScored(k, f, p, piece.label);
      }
      const prefixes = fed.map((f) => scoredPrefix(f.scored));
      this.rows += piece.rowCount;
      this.first ??= piece.eventTime[0]!;
      this.last = piece.eventTime[piece.rowCount - 1]!;
      // Rows are in event-time order: cut the piece where a window ends.
      let from = 0;
      while (from < piece.rowCount) {
        const window = windowStart(piece.eventTime[from]!, this.context.config.window);
        if (this.current !== null && window !== this.current && !(await this.closeUpTo(window))) {
          return false;
        }
        this.current = window;
        const end = window + this.context.config.window;
        let to = from + 1;
        while (to < piece.rowCount && piece.eventTime[to]! < end) {
          to++;
        }
        this.models.forEach((_, k) => this.windows[k]!.add(fed[k]!, predictions[k]!, prefixes[k]!, piece.label, from, to));
        from = to;
      }
    }
    return !this.stopped;
  }

  /** Closes the last window and appends every outcome still waiting for its labels. */
  async finish(): Promise<void> {
    if (this.current !== null && !this.stopped) {
      await this.closeUpTo(this.current + this.context.config.window);
    }
    if (!this.stopped) {
      this.appendLabels(Number.POSITIVE_INFINITY);
    }
  }

  /** Whether the run was told to stop at a window's checkpoint. */
  get wasStopped(): boolean {
    return this.stopped;
  }

  /** Closes the current window and every empty one before `next`; false when told to stop. */
  private async closeUpTo(next: number): Promise<boolean> {
    const size = this.context.config.window;
    for (let from = this.current!; from < next; from += size) {
      if ((await this.context.control.checkpoint(from)) === 'stop') {
        this.stopped = true;
        return false;
      }
      this.closeWindow(from, from + size);
    }
    this.current = next;
    return true;
  }

  private closeWindow(from: number, to: number): void {
    const { log, watch } = this.context;
    for (const { body, at } of watch.begun(to)) {
      log.append(body, at);
    }
    this.appendLabels(from);
    this.models.forEach((m, k) => {
      const rows = this.windows[k]!;
      if (m.reference !== null) {
        this.compare(k, m, rows, from, to);
      }
      rows.clear();
    });
  }

  private compare(k: number, m: StreamModel, rows: SeriesRows, from: number, to: number): void {
    const { log, config, options, watch, labelDelay } = this.context;
    const role = m.feed.model.role;
    const reference = m.reference!;
    const slice = reference.sliceOf(from);
    const comparison = compareWindow(m.feed.series, rows, slice, reference.seen, options);
    const predictions = Float64Array.from(rows.predictions.view());
    const estimate = m.estimated ? windowEstimateOf(predictions, m.feed.model.threshold) : null;
    const body: RunEventBody = {
      kind: 'drift.window',
      role,
      model: m.feed.model.artifact.name,
      from: formatEventTime(from),
      to: formatEventTime(to),
      rows: rows.rows,
      scored: rows.scored,
      refused: rows.rows - rows.scored,
      slice: { label: slice.label, rows: slice.rows },
      features: comparison.features.map(windowSeries),
      prediction: { ...windowSeries(comparison.prediction), mean: round(comparison.meanPrediction), histogram: comparison.histogram },
      ...(estimate === null ? {} : { estimate: roundedEstimate(estimate) }),
    };
    log.append(body, to);
    comparison.features.forEach((c, j) => {
      this.compared[k]![j]!.windows += c.drift.psi === null ? 0 : 1;
    });
    for (const c of [...comparison.features, comparison.prediction]) {
      watch.notePsi(role, c.name, c.drift.psi, from, to);
    }
    const outcomes = this.sequential.judge(role, comparison, windowOutcomes(comparison, m.thresholds, config, { role, from, to, at: to }));
    this.apply(outcomes);
    this.tallyFalseAlarms(k, outcomes, from, to);
    this.labels.add({
      role,
      from,
      to,
      dueAt: to + labelDelay,
      predictions,
      predictionLabels: Float64Array.from(rows.predictionLabels.view()),
      labelled: rows.labelled,
      positives: rows.positives,
      referencePositiveRate: slice.positiveRate,
      threshold: m.feed.model.threshold,
      estimate,
    });
  }

  /** Appends the outcomes of windows whose labels are known by `t`, and evaluates the layer 4 rules. */
  private appendLabels(t: number): void {
    for (const known of this.labels.due(t)) {
      const { pending } = known;
      const k = this.models.findIndex((m) => m.feed.model.role === pending.role);
      const m = this.models[k]!;
      const referenceAuc = m.reference === null ? null : this.referenceAuc(k);
      const figures = {
        labelled: pending.labelled,
        positiveRate: known.positiveRate,
        referencePositiveRate: pending.referencePositiveRate,
        auc: known.auc,
        referenceAuc,
      };
      const estimate =
        pending.estimate === null ? null : labelledEstimateOf(pending.estimate, pending.predictions, pending.predictionLabels, pending.threshold, known.auc);
      // Judged on the windows the layer 4 rules judge: below minRows labels a window's own AUC is mostly noise.
      if (estimate !== null && pending.labelled >= this.context.config.minRows) {
        this.estimates[k]?.add(estimate, known.auc);
      }
      if (pending.labelled > 0) {
        this.context.log.append(
          {
            kind: 'labels.window',
            role: pending.role,
            model: m.feed.model.artifact.name,
            from: formatEventTime(pending.from),
            to: formatEventTime(pending.to),
            ...figures,
            threshold: pending.threshold,
            ...known.outcomes,
            ...(estimate === null ? {} : { estimate: roundedEstimate(estimate) }),
          },
          pending.dueAt,
        );
      }
      this.apply(labelOutcomes(figures, m.thresholds, this.context.config, { role: pending.role, from: pending.from, to: pending.to, at: pending.dueAt }));
    }
  }

  private readonly aucs = new Map<number, number | null>();

  private referenceAuc(k: number): number | null {
    if (!this.aucs.has(k)) {
      this.aucs.set(k, this.models[k]!.reference!.auc());
    }
    return this.aucs.get(k)!;
  }

  /** Feeds outcomes to the alert book and the shift watch; appends what they raise. */
  private apply(outcomes: readonly RuleOutcome[]): void {
    const { log, watch } = this.context;
    for (const outcome of outcomes) {
      const { entries, firing } = this.book.observe(outcome);
      for (const entry of entries) {
        log.append(entry.body, entry.at);
      }
      if (firing && outcome.verdict === 'holds') {
        for (const detected of watch.firing(outcome.key, outcome.from, outcome.to, outcome.at)) {
          log.append(detected.body, detected.at);
        }
      }
    }
  }

  private tallyFalseAlarms(k: number, outcomes: readonly RuleOutcome[], from: number, to: number): void {
    if (this.context.watch.acts(from, to)) {
      return;
    }
    const tally = this.falseAlarms[k]!;
    let evaluated = false;
    let alerting = false;
    for (const o of outcomes) {
      if (o.key.rule !== 'feature-psi' || o.verdict === 'skip') {
        continue;
      }
      evaluated = true;
      const feature = tally.features.find((f) => f.name === o.key.subject)!;
      feature.evaluated += 1;
      if (o.verdict === 'holds' && this.book.isFiring(o.key)) {
        feature.firing += 1;
        alerting = true;
      }
    }
    tally.windows += evaluated ? 1 : 0;
    tally.alerting += alerting ? 1 : 0;
  }

  private keepScored(k: number, fed: FedChunk, predictions: Float32Array | null, labels: Float64Array | null): void {
    if (predictions === null) {
      return;
    }
    this.scored[k]!.predictions.push(predictions);
    const kept = new Float32Array(fed.scoredCount);
    let j = 0;
    for (let i = 0; i < fed.rowCount; i++) {
      if (fed.scored[i] === 1) {
        kept[j++] = labels === null ? Number.NaN : labels[i]!;
      }
    }
    this.scored[k]!.labels.push(kept);
  }
}
