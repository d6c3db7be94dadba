/**
 * The `rollback-readiness` check (the seed's checklist item 7: "Rollback capability has
 * been tested and the previous model version is running hot"). It judges the way back, not
 * green: a rollout that aborted because green was worse proves the retreat as well as a drill.
 */
import type { BothClocks } from '../../../contract/events';
import type { EvidenceItem, ReadinessCheck } from '../../../contract/report';
import { CHECK_TITLES } from '../checks/catalog';
import type { CompatibilityResult } from './compatibility';

/** What the rollout phase observed about the way back. */
export interface RollbackEvidence {
  readonly compatibility: CompatibilityResult;
  readonly outcome: 'promoted' | 'aborted' | 'not-started';
  readonly abortReason: string | null;
  /** A retreat to blue 100% happened (an abort, or the rollback drill after a promotion). */
  readonly rollbackRehearsed: boolean;
  /** After the retreat, blue answered every request sent to it. */
  readonly blueAnsweredAfterRollback: boolean;
  /** Blue's readiness probes over the whole rehearsal. */
  readonly blueProbes: { readonly total: number; readonly failed: number };
  /** From green's first traffic to the abort decision, in both clocks. */
  readonly detect: BothClocks | null;
  /** From the decision (or the drill's start) until the router confirmed blue 100%, in both clocks. */
  readonly rollback: BothClocks | null;
}

const THRESHOLD = "Blue can serve today's records, stays warm, and a retreat to 100% blue is rehearsed and answered.";

/** PASS when blue is compatible, warm, and a retreat to it was rehearsed and answered. */
export function rollbackReadinessCheck(e: RollbackEvidence): ReadinessCheck {
  const base = { id: 'rollback-readiness' as const, title: CHECK_TITLES['rollback-readiness'], threshold: THRESHOLD };
  const evidence: EvidenceItem[] = [
    { label: "fields blue needs, missing from today's records", value: e.compatibility.missing.join(', ') || 'none' },
    { label: 'rollout outcome', value: e.outcome },
    { label: 'abort reason', value: e.abortReason },
    { label: 'time to detect, real time', value: e.detect?.realMs ?? null, unit: 'ms' },
    { label: 'time to detect, event time', value: e.detect === null ? null : hours(e.detect.eventMs), unit: 'h' },
    { label: 'time to roll back, real time', value: e.rollback?.realMs ?? null, unit: 'ms' },
    { label: 'time to roll back, event time', value: e.rollback === null ? null : hours(e.rollback.eventMs), unit: 'h' },
    { label: 'blue readiness probes failed', value: e.blueProbes.failed, n: e.blueProbes.total },
  ];
  if (!e.compatibility.compatible) {
    return {
      ...base,
      status: 'FAIL',
      observed: `The bridge is burned: today's records lack ${e.compatibility.missing.join(', ')}, which blue's serving pipeline needs, so blue cannot take traffic back. The rollout stopped before its first step.`,
      evidence,
      next: 'Restore the dropped fields upstream (or give blue a pipeline that no longer needs them) before any rollout; a rollback must stay possible.',
    };
  }
  const warm = e.blueProbes.total > 0 && e.blueProbes.failed === 0;
  if (!e.rollbackRehearsed || !e.blueAnsweredAfterRollback || !warm) {
    const why = !e.rollbackRehearsed
      ? 'no retreat to blue was rehearsed'
      : !e.blueAnsweredAfterRollback
        ? 'blue did not answer every request after the retreat'
        : 'blue was not warm for the whole rehearsal';
    return {
      ...base,
      status: 'FAIL',
      observed: `Rollback not proven: ${why}.`,
      evidence,
      next: 'Keep blue running with its own pipeline and rehearse the retreat (rollout.rollbackDrill: true).',
    };
  }
  const how = e.outcome === 'aborted' ? `green was rolled back (${e.abortReason ?? 'no reason given'})` : 'green was promoted, then the retreat was drilled';
  const took = e.rollback === null ? 'an unmeasured time' : `${e.rollback.realMs.toFixed(0)} ms`;
  return {
    ...base,
    status: 'PASS',
    observed: `Blue stayed warm and compatible; ${how}; the retreat to 100% blue took ${took} and blue answered every request after it.`,
    evidence,
    next: 'Keep blue warm until green has held for the full observation window.',
  };
}

function hours(ms: number): number {
  return ms / 3_600_000;
}
