/**
 * The `dependency-pinning` readiness check (DESIGN.md, check 5): model artifacts match their
 * digests, the training and serving environments pin every package exactly and to the same
 * version, and the serving runtimes give the same decisions. Pure: preflight gathers the three
 * kinds of evidence (docs/ARCHITECTURE.md, "Dependencies") and this decides.
 *
 * FAIL: a digest that does not match (unless the user allowed it), a lock problem other than a
 * package on one side only, a runtime whose flip rate is above the tolerance.
 * WARN: nothing failed, but something could not be checked (a model loaded with
 * --allow-unverified, no training.lock, no inputs for runtime parity).
 * ERROR: no model was verified at all, so the check has nothing to stand on.
 */
import type { ModelVerified } from '../../../contract/events';
import type { EvidenceItem, ReadinessCheck } from '../../../contract/report';
import type { LockComparison } from '../locks/compareLocks';
import { DEFAULT_FLIP_TOLERANCE, type RuntimeParityResult } from '../runtime/runtimeParity';
import { CHECK_TITLES } from './catalog';

/** A model's training lock against the serving lock, or why they were not compared. */
export type LockEvidence = { readonly model: string; readonly comparison: LockComparison } | { readonly model: string; readonly unavailable: string };

/** A model's runtime parity, or why it was not measured. */
export type RuntimeEvidence = { readonly model: string; readonly parity: RuntimeParityResult } | { readonly model: string; readonly unavailable: string };

export interface DependencyPinningEvidence {
  /** The `model.verified` events of preflight, one per model. */
  readonly digests: readonly Omit<ModelVerified, 'kind'>[];
  readonly locks: readonly LockEvidence[];
  readonly runtime: readonly RuntimeEvidence[];
}

/** How many failing lock problems the evidence names one by one; the CLI lists them all. */
const NAMED_PROBLEMS = 5;

/** Resolves the check from its evidence. */
export function dependencyPinningCheck(evidence: DependencyPinningEvidence): ReadinessCheck {
  const parities = evidence.runtime.flatMap((r) => ('parity' in r ? [r.parity] : []));
  const flipTolerance = parities[0]?.flipTolerance ?? DEFAULT_FLIP_TOLERANCE;
  const base = { id: 'dependency-pinning' as const, title: CHECK_TITLES['dependency-pinning'] };
  const threshold = `Every model file matches its model.sha256; every package in the training and serving locks is pinned exactly (==, or =version=build in conda) to the same version; at most ${formatRate(flipTolerance)} of decisions flip between runtimes.`;
  if (evidence.digests.length === 0) {
    return {
      ...base,
      status: 'ERROR',
      observed: 'No model was verified, so nothing was checked.',
      threshold,
      evidence: [],
      next: 'Fix what stopped preflight (see the errors of the report) and run again.',
    };
  }
  const refused = evidence.digests.filter((d) => !d.verified && !d.allowUnverified);
  const allowed = evidence.digests.filter((d) => !d.verified && d.allowUnverified);
  const failedLocks = evidence.locks.flatMap((l) => ('comparison' in l && l.comparison.failed ? [l] : []));
  const failedRuntimes = evidence.runtime.flatMap((r) => ('parity' in r && !r.parity.passed ? [r] : []));
  const unavailable = [...evidence.locks, ...evidence.runtime].filter((e): e is { model: string; unavailable: string } => 'unavailable' in e);
  const failed = refused.length > 0 || failedLocks.length > 0 || failedRuntimes.length > 0;
  const unchecked = allowed.length > 0 || unavailable.length > 0 || evidence.locks.length === 0 || evidence.runtime.length === 0;
  const status = failed ? 'FAIL' : unchecked ? 'WARN' : 'PASS';

  const verifiedCount = evidence.digests.length - refused.length - allowed.length;
  const observed = [
    `${verifiedCount} of ${evidence.digests.length} models match their model.sha256${refused.length + allowed.length > 0 ? ` (${[...refused, ...allowed].map((d) => `${d.name}: ${d.message}`).join('; ')})` : ''}.`,
    ...evidence.locks.map(lockSentence),
    ...evidence.runtime.map(runtimeSentence),
    ...(evidence.locks.length === 0 ? ['No lock was compared.'] : []),
    ...(evidence.runtime.length === 0 ? ['Runtime parity was not measured.'] : []),
  ].join(' ');

  const next: string[] = [];
  if (refused.length > 0) {
    next.push('Rebuild the model folder or restore the artifact its model.sha256 was written for; never serve a model whose digest does not match.');
  }
  if (allowed.length > 0) {
    next.push(`Write a model.sha256 for ${allowed.map((d) => d.name).join(', ')} (sha256sum model.onnx > model.sha256) and run without --allow-unverified.`);
  }
  if (failedLocks.length > 0) {
    const names = failedLocks.flatMap((l) => l.comparison.problems.filter((p) => p.kind !== 'missing').map((p) => p.package));
    next.push(
      `Pin ${[...new Set(names)].slice(0, 3).join(', ')}${names.length > 3 ? ' and the rest' : ''} exactly, at the training version, in the serving lock (rehearse lock-check lists every package).`,
    );
  }
  const nanModels = evidence.runtime.filter((r) => nonFiniteRows(r) > 0).map((r) => r.model);
  if (nanModels.length > 0) {
    next.push(
      `Fix ${nanModels.join(', ')}: it outputs NaN or Infinity for some inputs (a log or a division that meets a value it was not trained on); score it with rehearse score to count them.`,
    );
  }
  if (failedRuntimes.some((r) => nonFiniteRows(r) === 0)) {
    next.push(
      'Serve with the runtime and graph optimization level the model was validated on, or validate it again on the serving runtime: its decisions change.',
    );
  }
  if (unavailable.length > 0) {
    next.push(`Provide what was missing: ${unavailable.map((u) => `${u.model}: ${u.unavailable}`).join('; ')}.`);
  }
  return {
    ...base,
    status,
    observed,
    threshold,
    evidence: [...digestItems(evidence.digests), ...evidence.locks.flatMap(lockItems), ...evidence.runtime.flatMap(runtimeItems)],
    next: next.length > 0 ? next.join(' ') : 'Nothing to do: keep the training lock beside the model and the serving lock in the image.',
  };
}

function lockSentence(l: LockEvidence): string {
  if ('unavailable' in l) {
    return `${l.model}: locks not compared (${l.unavailable}).`;
  }
  const c = l.comparison;
  return `${l.model}: ${c.compared} packages compared, ${c.counts.unpinned} unpinned, ${c.counts.range} ranges, ${c.counts.mismatch} mismatched (${c.counts.missing} on one side only).`;
}

function runtimeSentence(r: RuntimeEvidence): string {
  if ('unavailable' in r) {
    return `${r.model}: runtime parity not measured (${r.unavailable}).`;
  }
  const p = r.parity;
  const maxDiff = Math.max(...p.comparisons.map((c) => c.maxAbsDiff));
  const flips = Math.max(...p.comparisons.map((c) => c.flips));
  const nonFinite = nonFiniteRows(r);
  const measured = `max |Δscore| ${maxDiff === 0 ? '0' : maxDiff.toPrecision(2)}, at most ${flips} ${flips === 1 ? 'decision' : 'decisions'} flipped (${formatRate(flips / p.rows)})`;
  if (nonFinite > 0) {
    // The cause first: a model that answers NaN fails the check whatever its runtimes agree on.
    return `${r.model}: the model scored NaN or Infinity for ${nonFinite} of ${p.rows} rows (${formatRate(nonFinite / p.rows)}) on ${p.comparisons.length + 1} runtimes, so its decisions cannot be compared there; on the finite rows, ${measured}.`;
  }
  return `${r.model}: ${p.rows} rows through ${p.comparisons.length + 1} runtimes, ${measured}.`;
}

/** Rows a runtime of `r` scored NaN or infinite, at most over its comparisons. */
function nonFiniteRows(r: RuntimeEvidence): number {
  return 'parity' in r ? Math.max(0, ...r.parity.comparisons.map((c) => c.nonFinite)) : 0;
}

function digestItems(digests: DependencyPinningEvidence['digests']): EvidenceItem[] {
  return [
    { label: 'models matching model.sha256', value: digests.filter((d) => d.verified).length, n: digests.length },
    ...digests.flatMap((d) =>
      d.files
        .filter((f) => f.expected !== f.actual)
        .map((f) => ({
          label: `${d.name}/${f.file}`,
          value: `expected ${f.expected ?? 'none'}, found ${f.actual ?? 'missing'}${d.allowUnverified ? ' (loaded: --allow-unverified)' : ''}`,
        })),
    ),
  ];
}

function lockItems(l: LockEvidence): EvidenceItem[] {
  if ('unavailable' in l) {
    return [{ label: `${l.model}: lock comparison`, value: l.unavailable }];
  }
  const c = l.comparison;
  const named = c.problems.filter((p) => p.kind !== 'missing').slice(0, NAMED_PROBLEMS);
  return [
    { label: `${l.model}: packages compared (${c.training.file} against ${c.serving.file})`, value: c.compared },
    { label: `${l.model}: unpinned packages`, value: c.counts.unpinned },
    { label: `${l.model}: packages pinned to a range`, value: c.counts.range },
    { label: `${l.model}: version mismatches`, value: c.counts.mismatch },
    { label: `${l.model}: packages on one side only (not failing)`, value: c.counts.missing },
    ...named.map((p) => ({ label: `${l.model}: ${p.package}`, value: `${p.kind}: ${p.detail}` })),
  ];
}

function runtimeItems(r: RuntimeEvidence): EvidenceItem[] {
  if ('unavailable' in r) {
    return [{ label: `${r.model}: runtime parity`, value: r.unavailable }];
  }
  return r.parity.comparisons.flatMap((c) => [
    { label: `${r.model}: max |Δscore|, ${c.candidate} vs ${c.reference}`, value: c.maxAbsDiff, n: c.rows },
    { label: `${r.model}: decision flips at ${r.parity.threshold}, ${c.candidate}`, value: c.flips, n: c.rows },
    { label: `${r.model}: flip rate, ${c.candidate}`, value: c.flipRate, unit: `share of rows (tolerance ${r.parity.flipTolerance})`, n: c.rows },
  ]);
}

function formatRate(rate: number): string {
  return `${Number((rate * 100).toPrecision(3))}%`;
}
