/**
 * The `load-sla` readiness check (DESIGN.md check 4): under the production profile, at
 * peak x multiplier x (1 + headroom), the corrected p99 is within the SLA, with no errors, no
 * timeouts, nothing dropped by the generator and no OOM kill. A pure function of one load result
 * and the limits; the load phase calls it.
 *
 * Only cgroups cap what a model really uses, so under the embedded backend the memory part
 * cannot be shown: the check is then at best WARN ("memory not capped: embedded backend"),
 * never PASS.
 */
import type { LoadResult } from '../../../contract/load';
import type { EvidenceItem, ReadinessCheck } from '../../../contract/report';
import { type PeakLoad, targetRps } from '../load/targetRate';
import { CHECK_TITLES } from './catalog';

/** What the check judges. */
export interface LoadSlaInput {
  /** The load run at the target rate. */
  readonly result: LoadResult;
  readonly load: PeakLoad;
  readonly slaMs: number;
  /** The resource profile the server ran under; the check is about `production`. */
  readonly profile: string;
  readonly backend: 'embedded' | 'docker';
  /** Whether the server's container was OOM-killed during the run; null where nothing caps memory. */
  readonly oomKilled: boolean | null;
  /** The server's peak memory during the run and its limit, when known. */
  readonly peakMemoryBytes?: number;
  readonly memoryLimitBytes?: number;
}

const PRODUCTION = 'production';
/** The note under the embedded backend, which caps no memory: the check is WARN there at best, never PASS. */
export const MEMORY_NOT_CAPPED = 'memory not capped: embedded backend';

/** Resolves `load-sla` from a load result. */
export function loadSlaCheck(input: LoadSlaInput): ReadinessCheck {
  const { result, slaMs } = input;
  const target = targetRps(input.load);
  const failures: string[] = [];
  // The mean planned rate equals the target only for a constant shape held for the whole run.
  if (result.plannedRps < target * 0.999) {
    failures.push(`the load planned ${fmt(result.plannedRps)} rps on average, below the target ${fmt(target)} rps`);
  }
  if (result.latencyMs.p99 > slaMs) {
    failures.push(`p99 ${fmt(result.latencyMs.p99)} ms is over the ${fmt(slaMs)} ms SLA`);
  }
  if (result.requests.ok === 0) {
    failures.push('no request was answered');
  }
  // The causes say whether the server broke or refused the requests as sent (an HTTP 400 names the load's records).
  const causes = Object.entries(result.errorKinds).map(([kind, n]) => `${kind}: ${n}`);
  for (const [count, what] of [
    [result.errors, causes.length > 0 ? `errors (${causes.join(', ')})` : 'errors'],
    [result.timeouts, 'timeouts'],
    [result.dropped, 'requests dropped by the generator (never sent, so not measured)'],
  ] as const) {
    if (count > 0) {
      failures.push(`${count} ${what}`);
    }
  }
  if (input.oomKilled === true) {
    failures.push('the server was OOM-killed');
  }
  const observed = `p99 ${fmt(result.latencyMs.p99)} ms (uncorrected ${fmt(result.uncorrectedLatencyMs.p99)} ms) at ${fmt(result.plannedRps)} rps planned, ${fmt(result.achievedRps)} answered per second, under the ${input.profile} profile (${input.backend} backend); ${result.errors} errors, ${result.timeouts} timeouts, ${result.dropped} dropped`;
  const base = {
    id: 'load-sla' as const,
    title: CHECK_TITLES['load-sla'],
    threshold: `p99 <= ${fmt(slaMs)} ms at ${fmt(target)} rps (peak ${fmt(input.load.peakRps)} x ${fmt(input.load.multiplier)} x ${fmt(1 + input.load.headroom)}) under the production profile, with no errors, timeouts, drops or OOM kill`,
    evidence: evidenceOf(input, target),
  };
  if (failures.length > 0) {
    return {
      ...base,
      status: 'FAIL',
      observed: `${failures.join('; ')}. ${observed}.`,
      next: 'Find the rate the server holds (rehearse load --find-knee), then scale out, cap the batch, or raise the limits before shipping.',
    };
  }
  if (input.profile !== PRODUCTION) {
    return {
      ...base,
      status: 'WARN',
      observed: `${observed}; measured under the ${input.profile} profile, not production.`,
      next: 'Run the same load under the production profile.',
    };
  }
  if (input.backend === 'embedded') {
    return {
      ...base,
      status: 'WARN',
      observed: `${observed}; ${MEMORY_NOT_CAPPED}.`,
      next: 'Run the load under the Docker backend to show it holds within the production memory limit.',
    };
  }
  return { ...base, status: 'PASS', observed: `${observed}; no OOM kill.`, next: 'Nothing to do; rerun when the model, the server or the peak changes.' };
}

function evidenceOf(input: LoadSlaInput, target: number): EvidenceItem[] {
  const { result } = input;
  const n = result.requests.sent;
  const items: EvidenceItem[] = [
    { label: 'target rate', value: round(target), unit: 'rps' },
    { label: 'planned rate', value: round(result.plannedRps), unit: 'rps' },
    { label: 'achieved rate', value: round(result.achievedRps), unit: 'rps' },
    { label: 'p50 (corrected)', value: result.latencyMs.p50, unit: 'ms', n },
    { label: 'p99 (corrected)', value: result.latencyMs.p99, unit: 'ms', n },
    { label: 'p99 (uncorrected)', value: result.uncorrectedLatencyMs.p99, unit: 'ms', n },
    { label: 'SLA', value: input.slaMs, unit: 'ms' },
    { label: 'errors', value: result.errors, n },
    { label: 'timeouts', value: result.timeouts, n },
    { label: 'dropped', value: result.dropped, n: result.requests.planned },
    { label: 'generator lateness p99', value: result.latenessMs.p99, unit: 'ms', n: result.requests.planned },
    { label: 'connection wait p99', value: result.connectionWaitMs.p99, unit: 'ms', n },
    { label: 'profile', value: input.profile },
    { label: 'backend', value: input.backend },
    { label: 'OOM killed', value: input.oomKilled },
  ];
  if (input.peakMemoryBytes !== undefined) {
    items.push({ label: 'peak memory', value: input.peakMemoryBytes, unit: 'bytes' });
  }
  if (input.memoryLimitBytes !== undefined) {
    items.push({ label: 'memory limit', value: input.memoryLimitBytes, unit: 'bytes' });
  }
  return items;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function fmt(value: number): string {
  return String(round(value));
}
