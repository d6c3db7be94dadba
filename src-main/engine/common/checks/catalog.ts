/** The seven readiness checks of the seed's checklist, in its order, with their titles. */
import type { CheckId, ReadinessCheck } from '../../../contract/report';

export const CHECK_IDS: readonly CheckId[] = [
  'distribution-shift',
  'feature-parity',
  'infrastructure-parity',
  'load-sla',
  'dependency-pinning',
  'monitoring-coverage',
  'rollback-readiness',
];

/** The seed checklist's wording for each check. */
export const CHECK_TITLES: Readonly<Record<CheckId, string>> = {
  'distribution-shift': 'Distribution monitoring is active and alerting on PSI > 0.25 for all input features',
  'feature-parity': 'Feature parity between training and serving pipelines is verified',
  'infrastructure-parity': 'Infrastructure parity between staging and production is enforced',
  'load-sla': 'Load testing at 2x peak traffic with latency SLA verification has passed',
  'dependency-pinning': 'Dependency versions are pinned exactly and model artifacts are checksum-verified',
  'monitoring-coverage': 'Four-layer monitoring is deployed and alerting on all layers',
  'rollback-readiness': 'Rollback capability has been tested and the previous model version is running hot',
};

/** A check the scenario did not enable. */
export function notRunCheck(id: CheckId): ReadinessCheck {
  return {
    id,
    title: CHECK_TITLES[id],
    status: 'NOT RUN',
    observed: 'The scenario does not enable this check.',
    threshold: 'The check must run and pass.',
    evidence: [],
    next: 'Enable the part of the scenario that exercises this check; an unchecked item means not ready.',
  };
}

/** A check that was enabled but did not resolve because the run broke or stopped first. */
export function unresolvedCheck(id: CheckId, reason: string): ReadinessCheck {
  return {
    id,
    title: CHECK_TITLES[id],
    status: 'ERROR',
    observed: reason,
    threshold: 'The check must run and pass.',
    evidence: [],
    next: 'Fix what stopped the run (see the errors of the report) and run it again.',
  };
}
