/** The seven readiness checks of the seed's checklist, in its order, with their titles. */
import type { RunEvent } from '../../../contract/events';
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

/** What to do when a check did not run: the part of the scenario that exercises it (DESIGN.md's table). */
const CHECK_ENABLE_HINTS: Readonly<Record<CheckId, string>> = {
  'distribution-shift':
    'Give each model its reference snapshot (snapshots.reference) and replay production in event-time windows, so every input feature is compared with its training window and alerted at PSI > 0.25.',
  'feature-parity':
    'Give each model a feature spec (training SQL and serving code, named by its model card) so sampled requests go through both pipelines and are compared value by value.',
  'infrastructure-parity': 'Describe the staging and production resource profiles (profiles) so their specs are diffed and the same load runs under each.',
  'load-sla':
    'Set a load profile (load: peak rate, multiplier, headroom, SLA) so the model server is loaded at 2x peak plus 50% headroom under the production profile.',
  'dependency-pinning': 'Ship each model folder with model.sha256 and training.lock so digests and exact pins are checked before anything loads.',
  'monitoring-coverage':
    "Add alert rules for the four layers (alerts) and inject faults or shifts (faults, shifts) so each layer's detection delay is measured.",
  'rollback-readiness':
    'Add a green model and a rollout plan (models.green, rollout) so the stepped rollout and its automatic rollback are rehearsed with blue kept warm.',
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
    next: CHECK_ENABLE_HINTS[id],
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

/**
 * The seven checks as a log has them, in the checklist's order: each one's last resolution; an
 * enabled one (`run.started`) not yet resolved as `unresolved` makes it (ERROR with why for a run
 * that is over, PENDING for one under way); the rest NOT RUN. The one reading of a log's checks:
 * the spine's verdict, the report, the app's checklist and drills all go through it.
 */
export function checksOf<T = ReadinessCheck>(events: readonly RunEvent[], unresolved: (id: CheckId) => T): (ReadinessCheck | T)[] {
  const started = events.find((e) => e.kind === 'run.started');
  const enabled: readonly CheckId[] = started?.kind === 'run.started' ? started.enabledChecks : [];
  const resolved = new Map<CheckId, ReadinessCheck>();
  for (const event of events) {
    if (event.kind === 'check.resolved') {
      resolved.set(event.check.id, event.check);
    }
  }
  return CHECK_IDS.map((id) => resolved.get(id) ?? (enabled.includes(id) ? unresolved(id) : notRunCheck(id)));
}

/** True when the log already holds a resolution of `id`. */
export function isResolved(events: readonly RunEvent[], id: CheckId): boolean {
  return events.some((e) => e.kind === 'check.resolved' && e.check.id === id);
}
