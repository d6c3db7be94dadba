/**
 * The production profile's load with the scenario's server faults: each fault is set
 * through the server's admin endpoint at its offset from the load's start and cleared after its
 * length, on the load schedule's own time (`LoadPlan.marksMs`); the layer 1 rules are evaluated on
 * the load's per-second measurements; and each fault gets its `monitoring.detection` (layer 1's
 * first alert and its delay, in real time, against layer 1's budget). Layers 2-4 are not
 * evaluated on a live load (their rules read data and labels a fault of the server does not
 * change), so they are recorded as missed.
 */
import type { FaultDetection, LayerDetection } from '../../../contract/events';
import type { LoadResult } from '../../../contract/load';
import type { LoadPlan } from '../load/loadPlan';
import type { Clock } from '../ports/clock';
import type { LoadPort, ProfileServer } from '../ports/serving';
import type { EventLog } from '../run/eventLog';
import type { ScenarioFault } from '../scenario/sections/faults';
import type { BudgetsSection } from '../scenario/sections/monitoringAlerts';
import { formatWallTime } from '../time/eventTime';
import { budgetOf, isBlindSpot } from './detectionTimeline';
import { FaultSchedule, type AppliedFault, type SizedFault } from './faultSchedule';
import { evaluateLayer1, firstAlertOn, type Layer1Alert, type Layer1Settings } from './liveLayer1';

/** Live rules are evaluated once a second of real time, as a Prometheus with a 1 s evaluation interval would. */
export const EVALUATION_MS = 1000;
/** The baseline a relative latency is sized from: a load this long (at most the load's own duration) just before the faulted one. */
export const BASELINE_MS = 2000;

/** Everything one faulted load needs. */
export interface FaultedLoadJob {
  readonly faults: readonly ScenarioFault[];
  readonly server: ProfileServer;
  /** The server (`blue@production`), the model's role, and the model as people read it (`blue smoke-v1`), for events. */
  readonly label: string;
  readonly role: 'blue' | 'green';
  readonly model: string;
  readonly generator: LoadPort;
  readonly plan: LoadPlan;
  readonly clock: Clock;
  readonly log: EventLog;
  readonly layer1: Layer1Settings;
  readonly budgets: BudgetsSection;
}

/** Runs the load with its faults; appends the fault, alert and detection events; returns the load's result (or throws its failure). */
export async function runFaultedLoad(job: FaultedLoadJob): Promise<LoadResult> {
  const { faults, log } = job;
  const baselineP99 = faults.some((f) => f.latency?.distribution === 'relative') ? await baselineP99Of(job) : null;
  const schedule = new FaultSchedule(
    faults,
    faults.map((f) => sizedFaults(f, baselineP99)),
    job.server,
    job.clock,
    log,
    job.label,
  );
  let result: LoadResult | null = null;
  let failure: unknown = null;
  try {
    result = await job.generator.run(
      { ...job.plan, intervalMs: EVALUATION_MS, marksMs: schedule.marks.map((m) => m.ms) },
      { onStart: () => schedule.start(), onMark: (k, elapsedMs) => schedule.reach(k, elapsedMs) },
    );
  } catch (error) {
    failure = error;
  }
  await schedule.settle();
  if (schedule.failures.length > 0) {
    log.append({ kind: 'notice', level: 'warn', message: `the model server's admin endpoint refused a fault: ${firstLine(schedule.failures[0])}` });
  }
  const alerts = result?.intervals === undefined ? [] : evaluateLayer1(result.intervals, job.layer1);
  for (const a of alerts) {
    appendAlert(job, a, schedule.wallStart);
  }
  for (const fault of schedule.appliedInOrder()) {
    log.append(detectionOf(fault, alerts, job, schedule.wallStart));
  }
  if (failure !== null) {
    throw failure;
  }
  return result!;
}

/** The p99 of a short load at the same rate against the same server, before any fault. */
async function baselineP99Of(job: FaultedLoadJob): Promise<number> {
  const baseline = await job.generator.run({ ...job.plan, durationMs: Math.min(BASELINE_MS, job.plan.durationMs) });
  return baseline.latencyMs.p99;
}

/** The fault body for the server: a relative latency becomes a fixed one. */
function sizedFaults(fault: ScenarioFault, baselineP99: number | null): SizedFault {
  const { name: _name, at: _at, for: _for, latency, ...rest } = fault;
  if (latency === undefined || latency.distribution !== 'relative') {
    return { faults: { ...rest, ...(latency === undefined ? {} : { latency }) }, note: null };
  }
  const base = baselineP99 ?? 0;
  const ms = Math.max(latency.timesBaselineP99 * base, latency.atLeast);
  const note = `${latency.timesBaselineP99} x the baseline p99 (${base.toFixed(2)} ms, a ${BASELINE_MS / 1000} s load just before) = ${(latency.timesBaselineP99 * base).toFixed(1)} ms${latency.atLeast > 0 ? `, at least ${latency.atLeast} ms` : ''}: ${ms.toFixed(1)} ms added to every batch`;
  return { faults: { ...rest, latency: { distribution: 'fixed', ms } }, note };
}

function appendAlert(job: FaultedLoadJob, alert: Layer1Alert, wallStart: number): void {
  const key = { layer: 1 as const, rule: alert.rule, role: job.role, subject: 'server' };
  const windowSeconds = job.layer1.rateWindowMs / 1000;
  const latency = alert.rule === 'latency-p99';
  const message = latency
    ? `${job.model}: p99 latency ${alert.value.toFixed(1)} ms over the last ${windowSeconds} s, above ${alert.threshold} ms`
    : `${job.model}: ${(alert.value * 100).toFixed(1)}% of requests ended in an error, timeout or drop over the last ${windowSeconds} s, above ${(alert.threshold * 100).toFixed(1)}%`;
  // Latencies in seconds, as the exported rule compares them.
  const scale = latency ? 1 / 1000 : 1;
  const from = formatWallTime(wallStart + alert.windowFromMs);
  job.log.append({
    kind: 'alert.firing',
    ...key,
    value: alert.value * scale,
    threshold: alert.threshold * scale,
    from,
    to: formatWallTime(wallStart + alert.firedAtMs),
    message,
    clock: 'real',
  });
  if (alert.resolvedAtMs !== null) {
    job.log.append({ kind: 'alert.resolved', ...key, from, to: formatWallTime(wallStart + alert.resolvedAtMs), clock: 'real' });
  }
}

function detectionOf(fault: AppliedFault, alerts: readonly Layer1Alert[], job: FaultedLoadJob, wallStart: number): FaultDetection {
  const first = firstAlertOn(alerts, { fromMs: fault.fromMs, toMs: fault.toMs ?? Infinity }, job.layer1);
  const budgetMs = job.budgets.layer1;
  const layer1: LayerDetection =
    first === null
      ? { layer: 1, budgetMs, at: null, delayMs: null, rule: null, outcome: 'missed' }
      : {
          layer: 1,
          budgetMs,
          at: formatWallTime(wallStart + first.firedAtMs),
          delayMs: Math.round(first.firedAtMs - fault.fromMs),
          rule: `${first.rule} ${job.role} server`,
          outcome: first.firedAtMs - fault.fromMs <= budgetMs ? 'in-budget' : 'late',
        };
  const layers: LayerDetection[] = [
    layer1,
    ...([2, 3, 4] as const).map((layer): LayerDetection => ({
      layer,
      budgetMs: budgetOf(job.budgets, layer),
      at: null,
      delayMs: null,
      rule: null,
      outcome: 'missed',
    })),
  ];
  return {
    kind: 'monitoring.detection',
    source: 'server-fault',
    index: fault.index,
    name: fault.name,
    from: formatWallTime(wallStart + fault.fromMs),
    layers,
    blindSpot: isBlindSpot(layers),
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
