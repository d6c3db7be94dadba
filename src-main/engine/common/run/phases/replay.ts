/**
 * Replay (DESIGN.md's second phase): the production snapshot streams in event-time
 * order, with the scenario's shifts laid over it, through each model's serving features and the
 * model; every window (1 hour by default) of every model is compared with its reference (the
 * training window, sliced by season), labels are compared once their delay has passed, rules
 * alert, and the `distribution-shift` check is resolved.
 *
 * It replaces the score phase when the scenario gives a reference: the replay scores every row
 * too (blue and green on the same rows) and ends with the same score summaries, so the data is
 * read once, not twice. Without a reference there is nothing to compare with, and the score
 * phase runs as before.
 */
import type { ReplayModel, RunEventBody, WatchedSeries } from '../../../../contract/events';
import type { ReadinessCheck } from '../../../../contract/report';
import { distributionShiftCheck } from '../../checks/distributionShift';
import { resolveCoverage } from '../../monitoring/coverage';
import type { DriftOptions } from '../../drift/driftOptions';
import type { SnapshotSource } from '../../ports/snapshot';
import { calibrate, calibratedThreshold, type Calibration } from '../../replay/calibration';
import { modelFeed, RawCategories, type ModelFeed } from '../../replay/modelFeed';
import { readReference } from '../../replay/readReference';
import { ReplayStream, type StreamModel } from '../../replay/replayStream';
import type { SeasonalReference } from '../../replay/seasonalReference';
import { shiftName, ShiftWatch } from '../../replay/shiftWatch';
import type { ModelThresholds } from '../../replay/windowRules';
import { driftAlertsOf, type DriftAlertsSection } from '../../scenario/sections/alerts';
import type { SnapshotSection } from '../../scenario/sections/snapshots';
import { shiftRunner } from '../../shifts/shiftRunner';
import { checkShiftTargets } from '../../shifts/shiftTargets';
import { concatTyped } from '../../stats/typedArrays';
import { formatEventTime, formatOptionalEventTime } from '../../time/eventTime';
import { InputError } from '../inputError';
import type { Phase, PhaseContext } from '../phase';
import { ProgressTask } from '../progress';
import { rejectRateProblem, summarizeScores } from '../scoreStream';

const TEXT_TYPE = /^(VARCHAR|TEXT|STRING|CHAR|BPCHAR|ENUM|UUID)/i;

export const replayPhase: Phase = {
  id: 'replay',
  checks: ['distribution-shift', 'monitoring-coverage'],
  enabled: (scenario) => scenario.snapshots.reference !== undefined,
  async run(context: PhaseContext): Promise<void> {
    const { file, env, log, state } = context;
    if (state.models.length === 0) {
      log.append({ kind: 'notice', level: 'warn', message: 'no model was loaded, so nothing was replayed' });
      return;
    }
    const scenario = file.scenario;
    const config = driftAlertsOf(scenario.alerts);
    const options: DriftOptions = {
      bins: config.bins,
      binning: config.binning,
      bands: config.bands,
      minN: config.minRows,
      ksMethod: config.ksPValue ? 'asymp' : 'statistic',
    };
    const section = scenario.snapshots.production;
    const source = await env.snapshots.open(section, 'production');
    try {
      log.append({
        kind: 'snapshot.opened',
        role: 'production',
        source: source.description,
        columns: source.columns,
        from: formatOptionalEventTime(section.from),
        to: formatOptionalEventTime(section.to),
      });
      const textColumns = new Set(source.columns.filter((c) => TEXT_TYPE.test(c.type)).map((c) => c.name));
      const kinds = new Map<string, 'number' | 'text'>([
        ...source.columns.map((c) => [c.name, textColumns.has(c.name) ? 'text' : 'number'] as const),
        ...Object.keys(scenario.features.derived).map((n) => [n, 'number'] as const),
      ]);
      const problem = checkShiftTargets(scenario.shifts, kinds, section.label !== undefined)[0];
      if (problem !== undefined) {
        throw new InputError(problem.path, problem.message);
      }
      const raw = new RawCategories();
      const feeds = state.models.map((m) => modelFeed(m, textColumns, scenario.features.derived, raw));
      const models: StreamModel[] = [];
      const described: ReplayModel[] = [];
      // Both references are read at once (DuckDB and onnxruntime work on their own threads
      // meanwhile); their events are appended in role order, so the log is the same every time.
      const read = await Promise.allSettled(
        feeds.map((feed) => {
          const referenceSection = scenario.snapshots.reference?.[feed.model.role];
          return referenceSection === undefined ? Promise.resolve(null) : referenceOf(context, feed, referenceSection, config);
        }),
      );
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
      for (const [k, feed] of feeds.entries()) {
        const referenceSection = scenario.snapshots.reference?.[feed.model.role];
        const outcome = read[k]!;
        const reference = outcome.status === 'fulfilled' ? (outcome.value?.reference ?? null) : null;
        const watched = watchOf(feed, reference, config, options);
        models.push({ feed, reference, thresholds: watched.thresholds });
        described.push({
          role: feed.model.role,
          model: feed.model.artifact.name,
          reference:
            reference === null || referenceSection === undefined
              ? null
              : {
                  source: referenceSection.path,
                  from: formatOptionalEventTime(referenceSection.from),
                  to: formatOptionalEventTime(referenceSection.to),
                  rows: reference.rows,
                  positiveRate: reference.positiveRate(),
                  auc: reference.auc(),
                },
          features: watched.features,
          prediction: watched.prediction,
          labels: watched.labels,
        });
      }
      const extent = source.extent ? await source.extent({ columns: [], derived: {}, from: section.from, to: section.to }) : null;
      log.append({
        kind: 'replay.started',
        windowMs: config.window,
        season: config.season,
        minRows: config.minRows,
        bands: config.bands,
        forWindows: config.for,
        models: described,
        rows: extent?.rows ?? null,
      });
      const watch = new ShiftWatch(scenario.shifts, feeds);
      const stream = new ReplayStream(
        { log, control: context.control, config, options, labelDelay: section.labelDelay, shifts: shiftRunner(scenario.shifts), watch },
        models,
      );
      await replayProduction(context, source, section, stream, feeds, extent);
      if (stream.wasStopped) {
        return;
      }
      for (const missed of watch.missed()) {
        log.append(missed, stream.last ?? undefined);
      }
      models.forEach((m, k) => {
        const parts = stream.scored[k]!;
        log.append(
          summarizeScores(
            m.feed.model,
            concatTyped(parts.predictions, Float32Array),
            Float64Array.from(concatTyped(parts.labels, Float32Array)),
            source.description,
            stream.first,
            stream.last,
          ),
          stream.last ?? undefined,
        );
      });
      log.append({ kind: 'check.resolved', check: checkOf(context, described, stream, config) });
      resolveCoverage(context, described, stream.last ?? undefined);
    } finally {
      await source.close();
    }
  },
};

/** Streams production through the loop, with progress and the reject check. */
async function replayProduction(
  context: PhaseContext,
  source: SnapshotSource,
  section: SnapshotSection,
  stream: ReplayStream,
  feeds: readonly ModelFeed[],
  extent: { rows: number; from: number | null; to: number | null } | null,
): Promise<void> {
  const { log, file } = context;
  const progress = new ProgressTask(log, {
    task: 'replay.production',
    phase: 'replay',
    label: `Replaying production through ${feeds.map((f) => `${f.model.role} ${f.model.artifact.name}`).join(' and ')}`,
    total: extent?.rows ?? null,
    unit: 'rows',
    ...(extent && extent.from !== null && extent.to !== null ? { range: { from: formatEventTime(extent.from), to: formatEventTime(extent.to) } } : {}),
  });
  const columns = [...new Set(feeds.flatMap((f) => f.productionColumns))];
  for await (const chunk of source.read({ columns, derived: file.scenario.features.derived, from: section.from, to: section.to })) {
    if (chunk.rowCount === 0) {
      continue;
    }
    // Rows read, counted before their windows close: a run paced at 1x waits at the next window.
    progress.advance(chunk.rowCount, chunk.eventTime[chunk.rowCount - 1]);
    if (!(await stream.consume(chunk))) {
      break;
    }
  }
  await stream.finish();
  progress.finish(stream.last ?? undefined);
  const rejects = source.rejects();
  if (rejects.rejected > 0) {
    log.append({
      kind: 'snapshot.rejects',
      role: 'production',
      source: source.description,
      rejected: rejects.rejected,
      read: stream.rows,
      examples: rejects.examples,
    });
    const problem = rejectRateProblem(rejects, stream.rows, section.maxRejectRate, section.path, 'snapshots.production.maxRejectRate');
    if (problem) {
      throw problem;
    }
  }
}

/** Reads one model's reference snapshot; the events to append come back with it. */
async function referenceOf(
  context: PhaseContext,
  feed: ModelFeed,
  section: SnapshotSection,
  config: DriftAlertsSection,
): Promise<{ reference: SeasonalReference; events: RunEventBody[] }> {
  const role = `reference.${feed.model.role}`;
  const source = await context.env.snapshots.open(section, role);
  try {
    const events: RunEventBody[] = [
      {
        kind: 'snapshot.opened',
        role,
        source: source.description,
        columns: source.columns,
        from: formatOptionalEventTime(section.from),
        to: formatOptionalEventTime(section.to),
      },
    ];
    const reference = await readReference(feed, source, section, { season: config.season, windowMs: config.window });
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
  } finally {
    await source.close();
  }
}

/** Each watched series with its PSI threshold (fixed, or calibrated on the reference). */
function watchOf(
  feed: ModelFeed,
  reference: SeasonalReference | null,
  config: DriftAlertsSection,
  options: DriftOptions,
): { features: WatchedSeries[]; prediction: WatchedSeries | null; labels: ReplayModel['labels']; thresholds: ModelThresholds } {
  const fixed = config.bands.retrain;
  const calibration = reference !== null && config.thresholds === 'calibrated' ? calibrate(feed.series, reference, options) : null;
  const watched = (name: string, kind: 'numeric' | 'categorical', compared: string, c: Calibration | null | undefined): WatchedSeries => ({
    name,
    kind,
    compared,
    psiThreshold: c ? calibratedThreshold(c, config.k) : fixed,
    thresholdSource: c ? 'calibrated' : 'fixed',
    calibration: c ? { ...c, k: config.k } : null,
  });
  const features = feed.series.map((s, j) => watched(s.name, s.kind, s.rawField === null ? 'value' : `field ${s.rawField}`, calibration?.features[j]));
  const prediction = watched('prediction', 'numeric', 'value', calibration?.prediction);
  const positiveRate = calibration?.positiveRate ? calibratedThreshold(calibration.positiveRate, config.k) : config.positiveRate;
  const aucDrop = calibration?.aucDrop ? calibratedThreshold(calibration.aucDrop, config.k) : config.aucDrop;
  return {
    features,
    prediction: reference === null ? null : prediction,
    labels: reference === null ? null : { positiveRate, aucDrop, thresholdSource: calibration ? 'calibrated' : 'fixed' },
    thresholds: { features: features.map((f) => f.psiThreshold), prediction: prediction.psiThreshold, positiveRate, aucDrop },
  };
}

function checkOf(context: PhaseContext, described: readonly ReplayModel[], stream: ReplayStream, config: DriftAlertsSection): ReadinessCheck {
  const events = context.log.events;
  return distributionShiftCheck({
    seedThreshold: config.bands.retrain,
    models: described.map((model, k) => ({ model, compared: stream.compared[k]!, falseAlarms: stream.falseAlarms[k]! })),
    shifts: context.file.scenario.shifts.map((shift, index) => ({
      name: shiftName(shift),
      detections: events.flatMap((e) => (e.kind === 'shift.detected' && e.index === index ? [e] : [])),
      missed: events.flatMap((e) => (e.kind === 'shift.missed' && e.index === index ? [e] : []))[0] ?? null,
    })),
  });
}
