/**
 * Resolves `monitoring-coverage` at the end of a replay (issue 9): appends the detection timeline
 * (`monitoring.detection`, one per injected shift) and the check, from the events the replay
 * already wrote and the plan's rules. The layer 1 rules are the live ones: a replay runs on event
 * time with no server, so its shifts are judged on layers 2-4 and layer 1 counts as watched by
 * the exported rules.
 */
import type { ReplayModel } from '../../../contract/events';
import { monitoringCoverageCheck } from '../checks/monitoringCoverage';
import { kubernetesName } from '../rollout/export/exportNames';
import type { PhaseContext } from '../run/phase';
import { budgetsOf, driftAlertsOf, liveAlertsOf } from '../scenario/sections/alerts';
import { shiftName } from '../replay/shiftWatch';
import { shiftDetections } from './detectionTimeline';
import { monitoringPlan, plannedFromReplay, rulesPerLayer } from './monitoringPlan';

/** Appends the detection timeline and the check; `at` is the replay's last event time. */
export function resolveCoverage(context: PhaseContext, models: readonly ReplayModel[], at: number | undefined): void {
  const { log, file } = context;
  const scenario = file.scenario;
  const budgets = budgetsOf(scenario.alerts);
  const detections = shiftDetections(log.events, budgets);
  for (const d of detections) {
    log.append(d, at);
  }
  const injected = new Set(detections.map((d) => d.index));
  const rules = monitoringPlan(plannedFromReplay(models), {
    name: kubernetesName(scenario.name),
    drift: driftAlertsOf(scenario.alerts),
    live: liveAlertsOf(scenario.alerts),
    slaMs: scenario.load?.sla ?? null,
  });
  const check = monitoringCoverageCheck({
    rules: rulesPerLayer(rules),
    budgets,
    detections,
    notInjected: scenario.shifts.flatMap((s, index) => (injected.has(index) ? [] : [{ name: shiftName(s), reason: 'the replayed stretch ends before it starts' }])),
  });
  log.append({ kind: 'check.resolved', check }, at);
}
