/**
 * The replay's models: each fed as production serves it and watched against its reference, read
 * once from the run's reference snapshot through the model's training SQL into a seasonal
 * reference (kept in the run's state, where the rollout compares its steps with it), with each
 * watched series' PSI threshold, fixed or calibrated on the reference.
 */
import type { ReplayModel, RunEventBody, WatchedSeries } from '../../../../contract/events';
import type { DriftOptions } from '../../drift/driftOptions';
import { oneWindowPsi, sequentialRule, type SequentialRule } from '../../monitoring/sequentialDrift';
import { calibrate, calibratedThreshold, type Calibration, type ComparedSizes } from '../../replay/calibration';
import { seededRng } from '../../rng/seededRng';
import type { ModelFeed } from '../../replay/modelFeed';
import { estimateCalibrationOf } from '../../replay/performanceEstimates';
import { readReference } from '../../replay/readReference';
import type { StreamModel } from '../../replay/replayStream';
import { runSeason, type SeasonDecision } from '../../replay/runSeason';
import type { SeasonalReference } from '../../replay/seasonalReference';
import type { ModelThresholds } from '../../replay/windowRules';
import type { DriftAlertsSection } from '../../scenario/sections/alerts';
import { formatOptionalEventTime } from '../../time/eventTime';
import { InputError } from '../inputError';
import type { PhaseContext } from '../phase';
import type { OpenSnapshot } from '../runSnapshots';
import { rejectRateProblem } from '../scoreStream';

/** How the replay (and a rollout step against the replay's reference) compares a stretch with its slice. */
export function driftOptionsOf(config: DriftAlertsSection): DriftOptions {
  return { bins: config.bins, binning: config.binning, bands: config.bands, minN: config.minRows, ksMethod: config.ksPValue ? 'asymp' : 'statistic' };
}

/** The models to stream, and how `replay.started` describes them. */
export interface WatchedModels {
  readonly models: StreamModel[];
  readonly described: ReplayModel[];
  /** The season every reference is sliced by: the scenario's, or chosen from the references. */
  readonly season: SeasonDecision;
}

/** Reads every model's reference (both at once: DuckDB and onnxruntime work on their own threads) and plans its watch. */
export async function watchModels(
  context: PhaseContext,
  feeds: readonly ModelFeed[],
  config: DriftAlertsSection,
  options: DriftOptions,
): Promise<WatchedModels> {
  const { log, state } = context;
  // Opened one after the other, so `snapshot.opened` comes in role order every time.
  const snapshots: (OpenSnapshot | null)[] = [];
  for (const feed of feeds) {
    snapshots.push(await context.data.reference(feed.model.role));
  }
  const read = await Promise.allSettled(feeds.map((feed, k) => (snapshots[k] === null ? Promise.resolve(null) : referenceOf(feed, snapshots[k]!, config))));
  // Their events in role order, so the log is the same every time.
  for (const outcome of read) {
    if (outcome.status === 'fulfilled') {
      outcome.value?.events.forEach((body) => log.append(body));
    }
  }
  for (const outcome of read) {
    if (outcome.status === 'rejected') {
      throw outcome.reason;
    }
  }
  const references = read.map((outcome) => (outcome.status === 'fulfilled' ? (outcome.value?.reference ?? null) : null));
  const present = references.filter((r): r is SeasonalReference => r !== null);
  const season = runSeason(
    config.season,
    present.map((r) => r.timeFacts()),
    config.window,
  );
  present.forEach((r) => r.settle(season.season));
  const watched: WatchedModels = { models: [], described: [], season };
  feeds.forEach((feed, k) => {
    const reference = references[k]!;
    if (reference !== null) {
      state.references.set(feed.model.role, { feed, reference });
    }
    const watch = watchOf(feed, reference, config, options);
    // Performance is estimated before labels only from probabilities the reference shows calibrated.
    const scored = reference?.scoredRows();
    const estimate = scored === undefined ? null : estimateCalibrationOf(scored.predictions, scored.labels);
    watched.models.push({ feed, reference, thresholds: watch.thresholds, sequential: watch.sequential, estimated: estimate?.calibrated === true });
    watched.described.push({
      role: feed.model.role,
      model: feed.model.artifact.name,
      reference: describe(reference, snapshots[k]!),
      ...watch.series,
      estimate,
    });
  });
  return watched;
}

function describe(reference: SeasonalReference | null, snapshot: OpenSnapshot | null): ReplayModel['reference'] {
  if (reference === null || snapshot === null) {
    return null;
  }
  const { section } = snapshot;
  return {
    source: section.path,
    from: formatOptionalEventTime(section.from),
    to: formatOptionalEventTime(section.to),
    rows: reference.rows,
    positiveRate: reference.positiveRate(),
    auc: reference.auc(),
  };
}

/** Reads one model's reference; the events to append come back with it. */
async function referenceOf(
  feed: ModelFeed,
  snapshot: OpenSnapshot,
  config: DriftAlertsSection,
): Promise<{ reference: SeasonalReference; events: RunEventBody[] }> {
  const { source, section, role } = snapshot;
  const events: RunEventBody[] = [];
  const reference = await readReference(feed, source, section, { season: config.season ?? null, windowMs: config.window });
  const rejects = source.rejects();
  if (rejects.rejected > 0) {
    events.push({ kind: 'snapshot.rejects', role, source: source.description, rejected: rejects.rejected, read: reference.rows, examples: rejects.examples });
    const problem = rejectRateProblem(rejects, reference.rows, section.maxRejectRate, section.path, `snapshots.${role}.maxRejectRate`);
    if (problem) {
      throw problem;
    }
  }
  if (reference.rows === 0) {
    throw new InputError(
      `snapshots.${role}`,
      `expected the model's training window; no row of ${section.path} falls in [${formatOptionalEventTime(section.from) ?? 'start'}, ${formatOptionalEventTime(section.to) ?? 'end'})`,
    );
  }
  return { reference, events };
}

/** Each watched series with its PSI threshold (fixed, or calibrated on the reference). */
function watchOf(
  feed: ModelFeed,
  reference: SeasonalReference | null,
  config: DriftAlertsSection,
  options: DriftOptions,
): { series: Pick<ReplayModel, 'features' | 'prediction' | 'labels'>; thresholds: ModelThresholds; sequential: Map<string, SequentialRule> } {
  const fixed = config.bands.retrain;
  const calibration = reference !== null && config.thresholds === 'calibrated' ? calibrate(feed.series, reference, options) : null;
  const sequential = new Map<string, SequentialRule>();
  const watched = (
    name: string,
    kind: 'numeric' | 'categorical',
    compared: string,
    c: Calibration | null | undefined,
    chunks: ChunkDistances,
  ): WatchedSeries => {
    const allowance = name === 'prediction' ? (config.predictionAllowance ?? config.allowance) : config.allowance;
    const rule = config.ert === undefined ? null : sequentialRule(chunks.distances, config.ert, allowance, seededRng(SEQUENTIAL_SEED));
    if (rule !== null) {
      sequential.set(name, rule);
    }
    return {
      name,
      kind,
      compared,
      psiThreshold: c ? calibratedThreshold(c, config.k) : fixed,
      thresholdSource: c ? 'calibrated' : 'fixed',
      calibration: c ? { ...c, k: config.k } : null,
      ...(rule === null ? {} : { sequential: describeRule(rule, chunks.sizes) }),
    };
  };
  const features = feed.series.map((s, j) =>
    watched(s.name, s.kind, s.rawField === null ? 'value' : `field ${s.rawField}`, calibration?.features[j], {
      distances: calibration?.distances.features[j] ?? [],
      sizes: calibration?.sizes.features[j] ?? null,
    }),
  );
  const prediction = watched('prediction', 'numeric', 'value', calibration?.prediction, {
    distances: calibration?.distances.prediction ?? [],
    sizes: calibration?.sizes.prediction ?? null,
  });
  const positiveRate = calibration?.positiveRate ? calibratedThreshold(calibration.positiveRate, config.k) : config.positiveRate;
  const aucDrop = calibration?.aucDrop ? calibratedThreshold(calibration.aucDrop, config.k) : config.aucDrop;
  return {
    series: {
      features,
      prediction: reference === null ? null : prediction,
      labels: reference === null ? null : { positiveRate, aucDrop, thresholdSource: calibration ? 'calibrated' : 'fixed' },
    },
    thresholds: { features: features.map((f) => f.psiThreshold), prediction: prediction.psiThreshold, positiveRate, aucDrop },
    sequential,
  };
}

/** Each sequential rule's calibration starts from the same seed, so a run replays bit for bit. */
const SEQUENTIAL_SEED = 0x5e9;

/** A series' reference chunks: their size-scaled distances and mean sizes. */
interface ChunkDistances {
  readonly distances: readonly number[];
  readonly sizes: ComparedSizes | null;
}

/** The rule as `replay.started` carries it, with the PSI one window of the reference chunks' typical size must pass. */
function describeRule(rule: SequentialRule, sizes: ComparedSizes | null): NonNullable<WatchedSeries['sequential']> {
  return {
    mean: rule.mean,
    sd: rule.sd,
    allowance: rule.allowance,
    decision: rule.decision,
    ert: rule.ert,
    psi: sizes === null ? null : oneWindowPsi(rule, sizes.n, sizes.m),
  };
}
