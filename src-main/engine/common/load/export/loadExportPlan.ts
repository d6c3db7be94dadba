/**
 * What an exported load must do, as plain data for the Locust and k6 files: the scenario's load
 * section as stages of a constant rate (one second each where the shape moves), and how many
 * virtual users keep that rate while the server slows. A Locust user waits for its answer, so
 * holding R requests a second when each may take up to the timeout T needs R x T users, each
 * paced at one request every T seconds (Little's law).
 */
import type { LoadShape } from '../../../../contract/load';
import { defaultTimeoutMs } from '../loadPlan';
import { rateShape } from '../rateShape';
import { targetRps } from '../targetRate';
import type { LoadSection } from '../../scenario/sections/load';

/** One stretch of the load at one rate. */
export interface LoadStage {
  /** Seconds from the start at which the stage ends. */
  readonly untilS: number;
  readonly rps: number;
  /** Users that keep this rate when each runs `userRps` requests a second. */
  readonly users: number;
}

export interface LoadExportPlan {
  readonly scenario: string;
  readonly shape: LoadShape;
  /** The target (highest) rate and the schedule's mean rate, requests a second. */
  readonly targetRps: number;
  readonly plannedRps: number;
  readonly durationS: number;
  /** Requests the plan sends in all: the mean rate over the duration. */
  readonly plannedRequests: number;
  readonly slaMs: number;
  readonly timeoutS: number;
  /** Users at the target rate (rate x timeout) and each user's own rate. */
  readonly users: number;
  readonly userRps: number;
  /** Load generator processes (Locust workers, k6 runners). */
  readonly workers: number;
  readonly stages: readonly LoadStage[];
  /** The records file beside the scripts, one raw record a line, and how many it holds. */
  readonly recordsFile: string;
  readonly records: number;
}

/** The plan of `section` for `workers` generators; the stages follow the shape one second at a time. */
export function loadExportPlan(scenario: string, section: LoadSection, workers: number, records: number): LoadExportPlan {
  const rps = targetRps(section);
  const shape = rateShape(section.shape, rps, section.duration);
  const timeoutMs = section.timeout ?? defaultTimeoutMs(section.sla);
  const users = Math.max(1, Math.ceil((rps * timeoutMs) / 1000));
  const userRps = rps / users;
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  const stages: LoadStage[] = [];
  for (let startMs = 0; startMs < section.duration; startMs += 1000) {
    const untilMs = Math.min(section.duration, startMs + 1000);
    const stageRps = shape.rateAt(startMs);
    const last = stages.at(-1);
    if (last !== undefined && last.rps === round(stageRps)) {
      stages[stages.length - 1] = { ...last, untilS: untilMs / 1000 };
    } else {
      stages.push({ untilS: untilMs / 1000, rps: round(stageRps), users: Math.max(1, Math.round(stageRps / userRps)) });
    }
  }
  return {
    scenario,
    shape: section.shape,
    targetRps: round(rps),
    plannedRps: round(shape.meanRps),
    durationS: section.duration / 1000,
    plannedRequests: Math.round((shape.meanRps * section.duration) / 1000),
    slaMs: section.sla,
    timeoutS: timeoutMs / 1000,
    users,
    userRps,
    workers,
    stages,
    recordsFile: 'records.jsonl',
    records,
  };
}
