/**
 * Replay (DESIGN.md's second phase): the production snapshot streams in event-time order, with
 * the scenario's shifts laid over it, through each model's serving features and the model; every
 * window (1 hour by default) of every model is compared with its reference (the training window,
 * sliced by season), labels are compared once their delay has passed, and rules alert. Its
 * evidence: the windows, the alerts, each shift caught or missed (`monitoring.detection`), and
 * `replay.finished` with how often each feature was compared; the spine decides
 * `distribution-shift` and `monitoring-coverage` from them.
 *
 * It replaces the score phase when the scenario gives a reference: the replay scores every row
 * too (blue and green on the same rows) and ends with the same score summaries, so the data is
 * read once, not twice. Without a reference there is nothing to compare with, and the score
 * phase runs as before.
 */
import type { RunEventBody, ShiftDetected, ShiftInjected } from '../../../../contract/events';
import { shiftDetections } from '../../monitoring/detectionTimeline';
import type { SnapshotExtent } from '../../ports/snapshot';
import { modelFeed, RawCategories, type ModelFeed } from '../../replay/modelFeed';
import { ReplayStream } from '../../replay/replayStream';
import { ShiftWatch } from '../../replay/shiftWatch';
import { budgetsOf, driftAlertsOf, persistenceOf } from '../../scenario/sections/alerts';
import { shiftRunner } from '../../shifts/shiftRunner';
import { checkShiftTargets } from '../../shifts/shiftTargets';
import { chunkKindOf } from '../../snapshot/columnTypes';
import { concatTyped } from '../../stats/typedArrays';
import { formatEventTime } from '../../time/eventTime';
import { InputError } from '../inputError';
import type { Phase, PhaseContext } from '../phase';
import { ProgressTask } from '../progress';
import { driftOptionsOf, watchModels, type WatchedModels } from '../replay/replayModels';
import type { OpenSnapshot } from '../runSnapshots';
import { recordProductionRejects } from '../productionRejects';
import { summarizeScores } from '../scoreStream';

export const replayPhase: Phase = {
  id: 'replay',
  enabled: (scenario) => scenario.snapshots.reference !== undefined,
  async run(context: PhaseContext): Promise<void> {
    const { file, log, state } = context;
    if (state.models.length === 0) {
      log.append({ kind: 'notice', level: 'warn', message: 'no model was loaded, so nothing was replayed' });
      return;
    }
    const config = driftAlertsOf(file.scenario.alerts);
    const options = driftOptionsOf(config);
    const production = await context.data.production();
    const feeds = feedsOf(context, production);
    const watched = await watchModels(context, feeds, config, options);
    const section = production.section;
    const extent = production.source.extent ? await production.source.extent({ columns: [], derived: {}, from: section.from, to: section.to }) : null;
    log.append({
      kind: 'replay.started',
      windowMs: config.window,
      season: watched.season.season,
      ...(watched.season.reason === null ? {} : { seasonReason: watched.season.reason }),
      minRows: config.minRows,
      bands: config.bands,
      forWindows: persistenceOf(config),
      models: watched.described,
      rows: extent?.rows ?? null,
    });
    if (config.for !== undefined) {
      log.append({
        kind: 'notice',
        level: 'warn',
        message: `alerts.drift.for is deprecated: a persistence of ${config.for} windows makes every catch that late; alerts.drift.ert sets a sequential rule by its false-alarm rate instead (hard faults fire on their first window either way)`,
      });
    }
    const watch = new RecordingShiftWatch(file.scenario.shifts, feeds);
    const stream = new ReplayStream(
      { log, control: context.control, config, options, labelDelay: section.labelDelay, shifts: shiftRunner(file.scenario.shifts), watch },
      watched.models,
    );
    await replayProduction(context, production, stream, feeds, extent);
    if (!stream.wasStopped) {
      finishReplay(context, stream, watched, watch, production);
    }
  },
};

/** Each model's feed; a shift aimed at a column the snapshot lacks, or of the wrong kind, is bad input. */
function feedsOf(context: PhaseContext, production: OpenSnapshot): ModelFeed[] {
  const { scenario } = context.file;
  const columns = production.source.columns;
  const textColumns = new Set(columns.filter((c) => chunkKindOf(c.type) === 'text').map((c) => c.name));
  const kinds = new Map<string, 'number' | 'text'>([
    ...columns.map((c) => [c.name, chunkKindOf(c.type)] as const),
    ...Object.keys(scenario.features.derived).map((n) => [n, 'number'] as const),
  ]);
  const problem = checkShiftTargets(scenario.shifts, kinds, production.section.label !== undefined)[0];
  if (problem !== undefined) {
    throw new InputError(problem.path, problem.message);
  }
  const raw = new RawCategories();
  return context.state.models.map((m) => modelFeed(m, textColumns, scenario.features.derived, raw));
}

/** Streams production through the loop, with progress and the reject check. */
async function replayProduction(
  context: PhaseContext,
  production: OpenSnapshot,
  stream: ReplayStream,
  feeds: readonly ModelFeed[],
  extent: SnapshotExtent | null,
): Promise<void> {
  const { log, file } = context;
  const { source, section } = production;
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
  recordProductionRejects(log, production, stream.rows);
}

/** The replay's last evidence: shifts missed, each model's scores, how often each feature was compared, and each shift's detection per layer. */
function finishReplay(context: PhaseContext, stream: ReplayStream, watched: WatchedModels, watch: RecordingShiftWatch, production: OpenSnapshot): void {
  const { log, file } = context;
  const at = stream.last ?? undefined;
  for (const missed of watch.missed()) {
    log.append(missed, at);
  }
  watched.models.forEach((m, k) => {
    const parts = stream.scored[k]!;
    const predictions = concatTyped(parts.predictions, Float32Array);
    const labels = Float64Array.from(concatTyped(parts.labels, Float32Array));
    log.append(summarizeScores(m.feed.model, predictions, labels, production.source.description, stream.first, stream.last), at);
  });
  log.append(
    {
      kind: 'replay.finished',
      models: watched.described.map((model, k) => {
        const { windows, alerting, features } = stream.falseAlarms[k]!;
        const estimate = stream.estimates[k]?.summary();
        return {
          role: model.role,
          model: model.model,
          compared: stream.compared[k]!,
          falseAlarms: { windows, alerting, features },
          ...(estimate ? { estimate } : {}),
        };
      }),
    },
    at,
  );
  for (const detection of shiftDetections(watch.seen, budgetsOf(file.scenario.alerts))) {
    log.append(detection, at);
  }
}

/** The shift watch, keeping what it reported: the shifts' detection timeline is built from it, not read back from the log. */
class RecordingShiftWatch extends ShiftWatch {
  readonly seen: RunEventBody[] = [];

  override begun(t: number): ReturnType<ShiftWatch['begun']> {
    return this.keep(super.begun(t));
  }

  override firing(...args: Parameters<ShiftWatch['firing']>): ReturnType<ShiftWatch['firing']> {
    return this.keep(super.firing(...args));
  }

  private keep<T extends ShiftInjected | ShiftDetected>(out: { readonly body: T; readonly at: number }[]): { readonly body: T; readonly at: number }[] {
    this.seen.push(...out.map((o) => o.body));
    return out;
  }
}
