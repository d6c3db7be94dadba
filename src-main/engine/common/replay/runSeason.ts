/**
 * The season a run compares its windows in: the scenario's `alerts.drift.season` when it says
 * one, else the rule `rehearse init` writes into a draft (draft/seasonChoice.ts), applied to the
 * references the run read: their time grain (the finest of them) and span (the shortest), so a
 * daily snapshot over years meets its Marches and hourly flights over months their hour of the week.
 */
import type { SeasonKind } from '../../../contract/events';
import type { TimeGrain } from '../draft/draftFacts';
import { chooseSeason } from '../draft/seasonChoice';

/** The season, and why when the run chose it (null when the scenario said it). */
export interface SeasonDecision {
  readonly season: SeasonKind;
  readonly reason: string | null;
}

const FINER: readonly TimeGrain[] = ['day', 'hour', 'minute', 'second', 'sub-second'];

/** The scenario's season, or the one chosen from the references' time facts. */
export function runSeason(
  given: SeasonKind | undefined,
  references: readonly { readonly grain: TimeGrain; readonly spanMs: number }[],
  windowMs: number,
): SeasonDecision {
  if (given !== undefined) {
    return { season: given, reason: null };
  }
  if (references.length === 0) {
    return { season: 'hour-of-week', reason: 'alerts.drift.season not given and no reference read to choose from: hour-of-week' };
  }
  const grain = FINER[Math.max(...references.map((r) => FINER.indexOf(r.grain)))]!;
  const spanMs = Math.min(...references.map((r) => r.spanMs));
  const choice = chooseSeason(grain, windowMs, spanMs);
  return { season: choice.season, reason: `alerts.drift.season not given, chosen from the reference's time grain (${grain}): ${choice.reason}` };
}
