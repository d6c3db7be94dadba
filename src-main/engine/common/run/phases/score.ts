/**
 * Score: the production snapshot streams in event-time order, in chunks, through every loaded
 * model; the phase reports each model's AUC, log loss, positive rate and prediction quantiles,
 * and the rows it could not read. Blue and green see the same rows.
 */
import { formatEventTime } from '../../time/eventTime';
import type { Phase, PhaseContext } from '../phase';
import { rejectRateProblem, scoreStream, summarizeScores } from '../scoreStream';

export const scorePhase: Phase = {
  id: 'score',
  checks: [],
  enabled: () => true,
  async run(context: PhaseContext): Promise<void> {
    const { file, env, log, state, stopped } = context;
    if (state.models.length === 0) {
      log.append({ kind: 'notice', level: 'warn', message: 'no model was loaded, so nothing was scored' });
      return;
    }
    const section = file.scenario.snapshots.production;
    const source = await env.snapshots.open(section, 'production');
    try {
      log.append({ kind: 'snapshot.opened', role: 'production', source: source.description, columns: source.columns, from: iso(section.from), to: iso(section.to) });
      const scored = await scoreStream(state.models, source, section, file.scenario.features.derived, stopped);
      const { rejects, rows } = scored;
      if (rejects.rejected > 0) {
        log.append({ kind: 'snapshot.rejects', role: 'production', source: source.description, rejected: rejects.rejected, read: rows, examples: rejects.examples });
        const problem = rejectRateProblem(rejects, rows, section.maxRejectRate, section.path, 'snapshots.production.maxRejectRate');
        if (problem) {
          throw problem;
        }
      }
      for (const [k, model] of state.models.entries()) {
        log.append(summarizeScores(model, scored.predictions[k]!, scored.labels, source.description, scored.first, scored.last), scored.last ?? undefined);
      }
    } finally {
      await source.close();
    }
  },
};

function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : formatEventTime(ms);
}
