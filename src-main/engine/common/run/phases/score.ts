/**
 * Score: the production snapshot streams in event-time order, in chunks, through every loaded
 * model; the phase reports each model's AUC, log loss, positive rate and prediction quantiles,
 * and the rows it could not read. Blue and green see the same rows.
 */
import { formatEventTime } from '../../time/eventTime';
import type { Phase, PhaseContext } from '../phase';
import { ProgressTask } from '../progress';
import { recordProductionRejects } from '../productionRejects';
import { scoreStream, summarizeScores } from '../scoreStream';

export const scorePhase: Phase = {
  id: 'score',
  // With a reference the replay scores every row in its single pass (phases/replay.ts).
  enabled: (scenario) => scenario.snapshots.reference === undefined,
  async run(context: PhaseContext): Promise<void> {
    const { file, log, state, control } = context;
    if (state.models.length === 0) {
      log.append({ kind: 'notice', level: 'warn', message: 'no model was loaded, so nothing was scored' });
      return;
    }
    const production = await context.data.production();
    const { source, section } = production;
    // How many rows, over what stretch of event time: the app's progress bar and timeline axis.
    const extent = source.extent ? await source.extent({ columns: [], derived: {}, from: section.from, to: section.to }) : null;
    const progress = new ProgressTask(log, {
      task: 'score.production',
      phase: 'score',
      label: `Scoring production rows through ${state.models.map((m) => `${m.role} ${m.artifact.name}`).join(' and ')}`,
      total: extent?.rows ?? null,
      unit: 'rows',
      ...(extent && extent.from !== null && extent.to !== null ? { range: { from: formatEventTime(extent.from), to: formatEventTime(extent.to) } } : {}),
    });
    const scored = await scoreStream(state.models, source, section, file.scenario.features.derived, {
      // A person may pause, step, change the speed or stop between chunks.
      beforeChunk: (eventTime) => control.checkpoint(Number.isFinite(eventTime) ? eventTime : undefined),
      afterChunk: (rows, last) => progress.advance(rows, last ?? undefined),
    });
    progress.finish(scored.last ?? undefined);
    recordProductionRejects(log, production, scored.rows);
    for (const [k, model] of state.models.entries()) {
      log.append(summarizeScores(model, scored.predictions[k]!, scored.labels, source.description, scored.first, scored.last), scored.last ?? undefined);
    }
  },
};
