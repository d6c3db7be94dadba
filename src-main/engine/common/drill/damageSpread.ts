/**
 * How far the damage of a missed rollback spread in the replay: what the bad model went
 * on serving after the stop, read from the log's later events, until the rehearsal itself ended it.
 * In a rollout the bad model is green, for its share of each later step; in a replay it is the
 * model whose alert stopped the drill, until that alert resolved.
 */
import type { DamageSpread } from '../../../contract/drill';
import type { RunEvent } from '../../../contract/events';
import { parseEventTime } from '../time/eventTime';

/** The spread after `stop` (an event of `events`). */
export function damageAfter(events: readonly RunEvent[], stop: RunEvent): DamageSpread {
  const later = events.filter((e) => e.seq > stop.seq);
  const finished = later.find((e) => e.kind === 'rollout.finished');
  const steps = later.filter((e) => e.kind === 'rollout.step' && (finished === undefined || e.seq < finished.seq));
  return inRollout(events, stop) ? rolloutSpread(later, steps, stop) : replaySpread(later, stop);
}

/** A stop during the rollout: the rollout had begun by then (green can take traffic) and had not finished. */
function inRollout(events: readonly RunEvent[], stop: RunEvent): boolean {
  const before = events.filter((e) => e.seq <= stop.seq);
  return before.some((e) => e.kind.startsWith('rollout.') || e.kind === 'router.weights') && !before.some((e) => e.kind === 'rollout.finished');
}

function rolloutSpread(later: readonly RunEvent[], steps: readonly RunEvent[], stop: RunEvent): DamageSpread {
  const stopMs = stop.eventTime === null ? null : parseEventTime(stop.eventTime);
  let rows = 0;
  let requests = 0;
  let from: string | null = null;
  let to: string | null = null;
  let outcome: { labelled: number; gap: number } | null = null;
  for (const step of steps) {
    if (step.kind !== 'rollout.step') {
      continue;
    }
    // A step that began before the stop counts only for the stretch after it.
    const share = shareAfter(step.from, step.to, stopMs);
    if (share <= 0) {
      continue;
    }
    rows += Math.round(step.rows * (step.greenPercent / 100) * share);
    requests += Math.round(step.sides.green.requests * share);
    from ??= share < 1 ? stop.eventTime : step.from;
    to = step.to;
    const o = step.metrics.outcome;
    if (o !== null && o.blueAuc !== null && o.greenAuc !== null) {
      outcome = { labelled: o.labelled, gap: o.blueAuc - o.greenAuc };
    }
  }
  const end = later.find((e) => e.kind === 'rollout.aborted' || e.kind === 'rollout.finished');
  const endedBy =
    end?.kind === 'rollout.aborted'
      ? `rollout aborted (${end.source}): ${end.reason}`
      : end?.kind === 'rollout.finished'
        ? `rollout ${end.outcome}${end.reason === null ? '' : `: ${end.reason}`}`
        : 'the log ends';
  return { source: 'rollout', model: 'green', from, to, rows, requests, aucGap: outcome?.gap ?? null, labelled: outcome?.labelled ?? 0, endedBy };
}

function shareAfter(from: string, to: string, stopMs: number | null): number {
  const a = parseEventTime(from);
  const b = parseEventTime(to);
  if (stopMs === null || a === null || b === null || b <= a || stopMs <= a) {
    return 1;
  }
  return Math.max(0, (b - stopMs) / (b - a));
}

function replaySpread(later: readonly RunEvent[], stop: RunEvent): DamageSpread {
  const role = stop.kind === 'alert.firing' && stop.role !== null ? stop.role : 'blue';
  const resolved =
    stop.kind === 'alert.firing'
      ? later.find((e) => e.kind === 'alert.resolved' && e.rule === stop.rule && e.subject === stop.subject && e.role === stop.role && e.layer === stop.layer)
      : undefined;
  // The alert resolves at the start of the first window it did not hold in: windows from then on are not counted.
  const until = resolved?.kind === 'alert.resolved' ? resolved.to : null;
  const windows = later.filter(
    (e) => e.kind === 'drift.window' && e.role === role && (resolved === undefined || e.seq < resolved.seq) && (until === null || e.from < until),
  );
  let rows = 0;
  let model = role as string;
  for (const w of windows) {
    if (w.kind === 'drift.window') {
      rows += w.scored;
      model = w.model;
    }
  }
  const first = windows[0];
  const last = windows.at(-1);
  const from = first?.kind === 'drift.window' ? first.from : null;
  const to = last?.kind === 'drift.window' ? last.to : null;
  // Outcomes of the served windows arrive later (the label delay): read them wherever they are in the log.
  let labelled = 0;
  let weightedGap = 0;
  for (const e of later) {
    if (
      e.kind === 'labels.window' &&
      e.role === role &&
      from !== null &&
      to !== null &&
      e.from >= from &&
      e.from < to &&
      e.auc !== null &&
      e.referenceAuc !== null
    ) {
      labelled += e.labelled;
      weightedGap += e.labelled * (e.referenceAuc - e.auc);
    }
  }
  const endedBy = resolved?.kind === 'alert.resolved' ? `the alert resolved at ${resolved.to}` : 'the replay ends';
  return { source: 'replay', model, from, to, rows, requests: null, aucGap: labelled > 0 ? weightedGap / labelled : null, labelled, endedBy };
}
