/**
 * Score: the production snapshot streams in event-time order, in chunks, through every loaded
 * model; the phase reports each model's AUC, log loss, positive rate and prediction quantiles.
 * Blue and green see the same rows.
 */
import type { ScoreSummary } from '../../../../contract/events';
import type { SqlRelation } from '../../ports/snapshot';
import { logLoss, positiveRate, rocAuc } from '../../stats/classification';
import { mean, quantileSorted } from '../../stats/quantiles';
import { formatEventTime } from '../../time/eventTime';
import { InputError } from '../inputError';
import type { Phase, PhaseContext } from '../phase';
import type { ReadyModel } from '../state';

const QUANTILES = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99] as const;

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
      const columns = [...new Set(state.models.flatMap((m) => m.columns))];
      const derived = Object.assign({}, file.scenario.features.derived, ...state.models.map((m) => m.derived)) as Record<string, string>;
      log.append({ kind: 'snapshot.opened', role: 'production', source: source.description, columns: source.columns, from: iso(section.from), to: iso(section.to) });
      const predictions = state.models.map(() => [] as Float32Array[]);
      const labels: Float64Array[] = [];
      let first: number | null = null;
      let last: number | null = null;
      let rows = 0;
      const relations = Object.assign({}, ...state.models.map((m) => m.relations)) as Record<string, SqlRelation>;
      for await (const chunk of source.read({ columns, derived, relations, from: section.from, to: section.to })) {
        if (chunk.rowCount === 0) {
          continue;
        }
        first ??= chunk.eventTime[0]!;
        last = chunk.eventTime[chunk.rowCount - 1]!;
        rows += chunk.rowCount;
        labels.push(chunk.label ?? new Float64Array(chunk.rowCount).fill(Number.NaN));
        for (const [k, model] of state.models.entries()) {
          predictions[k]!.push(await model.inference.run(model.toBatch(chunk)));
        }
        if (stopped()) {
          break;
        }
      }
      const rejects = source.rejects();
      if (rejects.rejected > 0) {
        log.append({ kind: 'snapshot.rejects', role: 'production', source: source.description, rejected: rejects.rejected, read: rows, examples: rejects.examples });
        const rate = rejects.rejected / (rows + rejects.rejected);
        if (rate > section.maxRejectRate) {
          throw new InputError(
            section.path,
            `${rejects.rejected} of ${rows + rejects.rejected} rows could not be read (${(rate * 100).toFixed(2)}%), above the tolerated snapshots.production.maxRejectRate of ${section.maxRejectRate}; first: ${rejects.examples[0]?.message ?? 'unknown'}`,
          );
        }
      }
      const allLabels = concat(labels, Float64Array);
      for (const [k, model] of state.models.entries()) {
        const summary = summarize(model, concat(predictions[k]!, Float32Array), allLabels, source.description, first, last);
        log.append(summary, last ?? undefined);
      }
    } finally {
      await source.close();
    }
  },
};

function summarize(model: ReadyModel, scores: Float32Array, labels: Float64Array, source: string, first: number | null, last: number | null): ScoreSummary {
  let labelled = 0;
  for (const y of labels) {
    if (y === 0 || y === 1) {
      labelled++;
    }
  }
  const sorted = Float64Array.from(scores).filter(Number.isFinite).sort();
  const quantiles: Record<string, number> = {};
  for (const q of QUANTILES) {
    const value = quantileSorted(sorted, q);
    if (value !== null) {
      quantiles[`p${Math.round(q * 100)}`] = value;
    }
  }
  return {
    kind: 'score.summary',
    role: model.role,
    model: model.artifact.name,
    source,
    from: iso(first ?? undefined),
    to: iso(last ?? undefined),
    n: scores.length,
    labelled,
    auc: rocAuc(scores, labels),
    logLoss: logLoss(scores, labels),
    positiveRate: positiveRate(labels),
    meanPrediction: mean(scores),
    quantiles,
  };
}

function concat<T extends Float32Array | Float64Array>(parts: readonly T[], Kind: { new (length: number): T }): T {
  const out = new Kind(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : formatEventTime(ms);
}
