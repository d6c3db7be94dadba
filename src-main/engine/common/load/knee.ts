/**
 * `--find-knee`: the highest rate that holds the SLA. The rate grows geometrically from a start
 * until a run breaks the SLA, then the last rate that held and the first that broke are bisected
 * a few times. A rate at which the generator itself fell behind twice ends the search: past that
 * rate the measurement is of the generator, not of the server.
 */
import type { KneeResult, KneeStep, LoadResult } from '../../../contract/load';

/** Where the search starts and how it moves. */
export interface KneeSearch {
  readonly startRps: number;
  /** The search never asks for more than this. */
  readonly maxRps: number;
  /** Each step multiplies the rate by this (> 1). */
  readonly growth: number;
  /** Bisections between the last rate that held and the first that broke. */
  readonly refinements: number;
}

/** Defaults: start at a quarter of the target, grow by half each step, bisect three times. */
export function defaultKneeSearch(targetRps: number): KneeSearch {
  return { startRps: Math.max(1, targetRps / 4), maxRps: targetRps * 16, growth: 1.5, refinements: 3 };
}

/** Runs `trial` at each rate the search picks (one at a time) and reports the knee. */
export async function findKnee(search: KneeSearch, slaMs: number, trial: (rps: number) => Promise<LoadResult>): Promise<KneeResult> {
  const steps: KneeStep[] = [];
  const once = async (rps: number): Promise<KneeStep> => {
    const result = await trial(rps);
    const step: KneeStep = { rps, p99Ms: result.latencyMs.p99, slaPass: result.slaPass, onSchedule: result.onSchedule, achievedRps: result.achievedRps };
    steps.push(step);
    return step;
  };
  // A run the generator fell behind in is tried once more: on a shared machine one burst of
  // another process's work can cost a short run its schedule; twice in a row is the generator.
  const attempt = async (rps: number): Promise<KneeStep> => {
    const step = await once(rps);
    return step.onSchedule ? step : once(rps);
  };
  let held: number | null = null;
  let broke: number | null = null;
  let stoppedBy: KneeResult['stoppedBy'] = 'max-rate';
  const cap = Math.max(MIN_RATE, roundRate(search.maxRps));
  const growth = Math.max(search.growth, 1.01);
  // Each step grows by at least 0.1 rps, so rounding can never repeat a rate.
  const nextRate = (rps: number): number => Math.min(cap, roundRate(Math.max(rps + MIN_RATE, rps * growth)));
  for (let rps = Math.min(cap, Math.max(MIN_RATE, roundRate(search.startRps))); ; rps = nextRate(rps)) {
    const step = await attempt(rps);
    if (!step.onSchedule) {
      stoppedBy = 'generator';
      break;
    }
    if (!step.slaPass) {
      stoppedBy = 'sla';
      broke = rps;
      break;
    }
    held = rps;
    if (rps >= cap) {
      break;
    }
  }
  if (stoppedBy === 'sla' && held !== null && broke !== null) {
    for (let i = 0; i < search.refinements; i++) {
      const mid = roundRate((held + broke) / 2);
      if (mid <= held || mid >= broke) {
        break;
      }
      const step = await attempt(mid);
      if (step.slaPass && step.onSchedule) {
        held = mid;
      } else {
        broke = mid;
      }
    }
  }
  return { kneeRps: held, slaMs, stoppedBy, steps };
}

const MIN_RATE = 0.1;

/** Rates are kept to 0.1 rps: finer steps are below what a short run can tell apart. */
function roundRate(rps: number): number {
  return Math.round(rps * 10) / 10;
}
