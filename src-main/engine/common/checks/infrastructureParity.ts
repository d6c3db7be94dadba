/**
 * The `infrastructure-parity` readiness check (DESIGN.md check 3): the same load ran
 * under staging and under production, and no difference between them moved throughput, p99 or
 * peak memory past the bound. Which differences matter is decided by that measurement, not by a
 * list of keys. A difference this machine cannot reproduce (a GPU type, more CPUs than it has) is
 * a WARN that names it, never a silent pass; so is memory under the embedded backend, where
 * nothing caps it. A pure function of the two load results.
 */
import type { LoadMeasured } from '../../../contract/events';
import type { ProfileDifference } from '../../../contract/profiles';
import type { EvidenceItem, ReadinessCheck } from '../../../contract/report';
import { describeDifference } from '../profiles/profileDiff';
import { formatBytes } from '../profiles/quantities';
import { CHECK_TITLES } from './catalog';
import { MEMORY_NOT_CAPPED } from './loadSla';

/** One profile's run, as its `load.result` event recorded it. */
export type ProfileRun = Omit<LoadMeasured, 'kind'>;

/** What the check judges. */
export interface InfrastructureParityInput {
  readonly staging: ProfileRun;
  readonly production: ProfileRun;
  readonly differences: readonly ProfileDifference[];
  readonly notReproduced: readonly string[];
  /** 0.2: a move of more than 20% counts. */
  readonly bound: number;
  /** The load's p99 SLA: a p99 move also has to be more than bound x SLA in milliseconds to count, so 2 ms against 3 ms is not a finding. */
  readonly slaMs: number;
}

/** How one measure moved from staging to production. */
interface Move {
  readonly measure: 'throughput' | 'p99' | 'peak memory';
  readonly staging: number;
  readonly production: number;
  /** (production - staging) / staging; Infinity when staging was 0. */
  readonly relative: number;
  readonly counts: boolean;
}

/** Resolves `infrastructure-parity` from the two profiles' load results. */
export function infrastructureParityCheck(input: InfrastructureParityInput): ReadinessCheck {
  const { staging, production, bound } = input;
  const failures: string[] = [];
  for (const run of [staging, production]) {
    if (run.oomKilled === true) {
      failures.push(`${run.profile} was OOM-killed${run.limits.memoryBytes === null ? '' : ` at its ${formatBytes(run.limits.memoryBytes)} memory limit`}`);
    } else if (run.result === null) {
      failures.push(`${run.profile}'s server never answered (${run.error ?? run.serverEnd ?? 'no reason recorded'})`);
    } else if (run.serverEnd !== null && run.serverEnd !== 'stopped as asked') {
      failures.push(`${run.profile}'s server ${run.serverEnd}`);
    }
  }
  const moves = staging.result !== null && production.result !== null ? movesOf(input) : [];
  const moved = moves.filter((m) => m.counts);
  for (const move of moved) {
    failures.push(
      `${move.measure} moved ${percent(move.relative)} from staging to production (${fmt(move.measure, move.staging)} -> ${fmt(move.measure, move.production)}), past the ${percent(bound, false)} bound`,
    );
  }
  const differences =
    input.differences.length === 0 ? 'the specs do not differ' : `the specs differ in ${input.differences.map(describeDifference).join('; ')}`;
  const embedded = [staging, production].filter((r) => r.backend === 'embedded').map((r) => r.profile);
  const base = {
    id: 'infrastructure-parity' as const,
    title: CHECK_TITLES['infrastructure-parity'],
    threshold: `The same load under staging and production: no move of throughput, p99 (and more than ${fmt('p99', bound * input.slaMs)}) or peak memory past ${percent(bound, false)}, no OOM kill or crash, every difference reproduced on this machine`,
    evidence: evidenceOf(input, moves),
  };
  if (failures.length > 0) {
    return {
      ...base,
      status: 'FAIL',
      observed: `${failures.join('; ')}; ${differences}.`,
      next: 'Make staging match production (identical limits, batch size and GPU type), or change production so it holds the load: raise its memory limit, or cap the batch and add replicas for the throughput lost.',
    };
  }
  const measured = moves.map((m) => `${m.measure} ${percent(m.relative)}`).join(', ');
  if (input.notReproduced.length > 0) {
    return {
      ...base,
      status: 'WARN',
      observed: `No measure moved past the bound (${measured}), but the rehearsal did not reproduce: ${input.notReproduced.join('; ')}; ${differences}.`,
      next: 'Rehearse on a machine that has what the profiles ask for, or make staging match production so nothing needs reproducing; drop what a Deployment asks of its host (privileged, host paths or network, root) unless production needs it, since no rehearsal grants it.',
    };
  }
  if (embedded.length > 0) {
    return {
      ...base,
      status: 'WARN',
      observed: `No measure moved past the bound (${measured}), but ${embedded.join(' and ')} ran on the embedded backend: ${MEMORY_NOT_CAPPED}; ${differences}.`,
      next: 'Run the rehearsal with the Docker backend so the memory limits are real cgroup limits.',
    };
  }
  return {
    ...base,
    status: 'PASS',
    observed: `No measure moved past the bound (${measured}) under real container limits; ${differences}.`,
    next: 'Nothing to do; rehearse again when either spec changes.',
  };
}

function movesOf(input: InfrastructureParityInput): Move[] {
  const s = input.staging.result!;
  const p = input.production.result!;
  const moves: Move[] = [
    moveOf('throughput', s.achievedRps, p.achievedRps, input.bound),
    {
      ...moveOf('p99', s.latencyMs.p99, p.latencyMs.p99, input.bound),
      counts: moveOf('p99', s.latencyMs.p99, p.latencyMs.p99, input.bound).counts && Math.abs(p.latencyMs.p99 - s.latencyMs.p99) > input.bound * input.slaMs,
    },
  ];
  const [ms, mp] = [input.staging.peakMemoryBytes, input.production.peakMemoryBytes];
  if (ms !== null && mp !== null) {
    // Memory is compared only where a cgroup caps it; under the embedded backend it is evidence, not a finding.
    const capped = input.staging.backend === 'docker' && input.production.backend === 'docker';
    const move = moveOf('peak memory', ms, mp, input.bound);
    moves.push({ ...move, counts: move.counts && capped });
  }
  return moves;
}

function moveOf(measure: Move['measure'], staging: number, production: number, bound: number): Move {
  const relative = staging === 0 ? (production === 0 ? 0 : Number.POSITIVE_INFINITY) : (production - staging) / staging;
  return { measure, staging, production, relative, counts: Math.abs(relative) > bound };
}

function evidenceOf(input: InfrastructureParityInput, moves: readonly Move[]): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  for (const run of [input.staging, input.production]) {
    const n = run.result?.requests.sent;
    items.push(
      { label: `${run.profile} backend`, value: run.backend },
      { label: `${run.profile} throughput`, value: run.result === null ? null : round(run.result.achievedRps), unit: 'rps', ...(n === undefined ? {} : { n }) },
      { label: `${run.profile} p99 (corrected)`, value: run.result?.latencyMs.p99 ?? null, unit: 'ms', ...(n === undefined ? {} : { n }) },
      { label: `${run.profile} peak memory`, value: run.peakMemoryBytes, unit: 'bytes' },
      { label: `${run.profile} memory limit`, value: run.limits.memoryBytes, unit: 'bytes' },
      { label: `${run.profile} max batch`, value: run.maxBatch },
      { label: `${run.profile} OOM killed`, value: run.oomKilled },
    );
  }
  for (const move of moves) {
    items.push({ label: `${move.measure} change`, value: Number.isFinite(move.relative) ? round(move.relative * 100) : null, unit: '%' });
  }
  items.push(
    { label: 'bound', value: round(input.bound * 100), unit: '%' },
    { label: 'spec differences', value: input.differences.length },
    { label: 'not reproduced here', value: input.notReproduced.length },
    // Each one in words, whatever the status: a FAIL's sentence has no room for them.
    ...input.notReproduced.map((note, i) => ({ label: `not reproduced ${i + 1} of ${input.notReproduced.length}`, value: note })),
  );
  return items;
}

function percent(relative: number, signed = true): string {
  if (!Number.isFinite(relative)) {
    return 'from 0';
  }
  const text = `${Math.round(Math.abs(relative) * 1000) / 10}%`;
  return signed ? `${relative < 0 ? '-' : '+'}${text}` : text;
}

function fmt(measure: Move['measure'], value: number): string {
  return measure === 'throughput' ? `${round(value)} rps` : measure === 'p99' ? `${round(value)} ms` : formatBytes(value);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
