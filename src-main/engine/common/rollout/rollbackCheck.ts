/**
 * The `rollback-readiness` check (issue 8; the seed's checklist item 7: "Rollback capability has
 * been tested and the previous model version is running hot").
 */
import type { ReadinessCheck } from '../../../contract/report';
import { CHECK_TITLES } from '../checks/catalog';
import type { CompatibilityResult } from './compatibility';

/** What the rollout phase observed about the way back. */
export interface RollbackEvidence {
  readonly compatibility: CompatibilityResult;
  /** A retreat to blue 100% happened (an abort, or the rollback drill after the plan). */
  readonly rollbackRehearsed: boolean;
  /** After the retreat, blue answered every request sent to it. */
  readonly blueAnsweredAfterRollback: boolean;
  /** Blue's health probes all succeeded for the whole rehearsal. */
  readonly blueWarmThroughout: boolean;
  /** Time from the abort decision until the router sent everything to blue, real ms. */
  readonly rollbackMs: number | null;
  /** The same in event time: from the first failing window to the abort. */
  readonly detectEventMs: number | null;
  readonly outcome: 'promoted' | 'aborted' | 'not-started';
  readonly abortReason: string | null;
}

/** PASS when blue is compatible, warm, and a retreat to it was rehearsed and answered. */
export function rollbackReadinessCheck(e: RollbackEvidence): ReadinessCheck {
  const base = { id: 'rollback-readiness' as const, title: CHECK_TITLES['rollback-readiness'], threshold: 'Blue can serve today\'s records, stays warm, and a retreat to 100% blue is rehearsed and answered.' };
  const evidence = [
    { label: 'fields blue needs, missing today', value: e.compatibility.missing.join(', ') || 'none' },
    { label: 'rollout outcome', value: e.outcome },
    { label: 'abort reason', value: e.abortReason },
    { label: 'time to roll back', value: e.rollbackMs, unit: 'ms' },
    { label: 'time to detect (event time)', value: e.detectEventMs === null ? null : e.detectEventMs / 3_600_000, unit: 'h' },
    { label: 'blue warm throughout', value: e.blueWarmThroughout },
  ];
  if (!e.compatibility.compatible) {
    return {
      ...base,
      status: 'FAIL',
      observed: `The bridge is burned: today's records lack ${e.compatibility.missing.join(', ')}, which blue's serving pipeline needs, so blue cannot take traffic back.`,
      evidence,
      next: 'Restore the dropped fields upstream (or give blue a pipeline that no longer needs them) before any rollout; a rollback must stay possible.',
    };
  }
  if (!e.rollbackRehearsed || !e.blueAnsweredAfterRollback || !e.blueWarmThroughout) {
    const why = !e.rollbackRehearsed ? 'no retreat to blue was rehearsed' : !e.blueAnsweredAfterRollback ? 'blue did not answer every request after the retreat' : 'blue was not warm for the whole rehearsal';
    return { ...base, status: 'FAIL', observed: `Rollback not proven: ${why}.`, evidence, next: 'Keep blue running with its own pipeline and rehearse the retreat (rollbackDrill: true).' };
  }
  return {
    ...base,
    status: 'PASS',
    observed: `Blue stayed warm and compatible; the retreat to 100% blue took ${e.rollbackMs === null ? 'an unmeasured time' : `${e.rollbackMs.toFixed(0)} ms`} and blue answered every request after it (${e.outcome}${e.abortReason ? `: ${e.abortReason}` : ''}).`,
    evidence,
    next: 'Keep blue warm until green has held for the full observation window.',
  };
}
