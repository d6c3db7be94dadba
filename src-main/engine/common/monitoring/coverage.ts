/**
 * Resolves `monitoring-coverage` once a run: appends the replay's detection timeline
 * (`monitoring.detection`, one per injected shift) at the end of the replay, and resolves the
 * check from every `monitoring.detection` in the log and the plan's rules. A scenario with server
 * `faults` has its faults' detections appended by the load phase, after the replay, so there the
 * load phase resolves the check (`resolveCoverageAfterLoad`); otherwise the replay does, as before.
 * The layer 1 rules are the live ones: a replay runs on event time with no server, so its shifts
 * are judged on layers 2-4 and layer 1 counts as watched by the exported rules.
 */
import type { FaultDetection, ReplayModel } from '../../../contract/events';
import { monitoringCoverageCheck } from '../checks/monitoringCoverage';
import { kubernetesName } from '../rollout/export/exportNames';
import type { PhaseContext } from '../run/phase';
import { budgetsOf, driftAlertsOf, liveAlertsOf } from '../scenario/sections/alerts';
import { faultName } from '../scenario/sections/faults';
import type { Scenario } from '../scenario/schema';
import { shiftName } from '../replay/shiftWatch';
import { shiftDetections } from './detectionTimeline';
import { monitoringPlan, plannedFromReplay, rulesPerLayer, type PlannedModel } from './monitoringPlan';

/** True when the load phase injects server faults, and so resolves the check after the replay. */
export function coverageWaitsForLoad(scenario: Scenario): boolean {
  return scenario.faults.length > 0 && scenario.load !== undefined;
}

/** At the end of the replay: appends the shifts' detection timeline and, unless the load will, the check; `at` is the replay's last event time. */
export function resolveCoverage(context: PhaseContext, models: readonly ReplayModel[], at: number | undefined): void {
  const { log, file } = context;
  for (const d of shiftDetections(log.events, budgetsOf(file.scenario.alerts))) {
    log.append(d, at);
  }
  if (!coverageWaitsForLoad(file.scenario)) {
    log.append({ kind: 'check.resolved', check: coverageCheck(context, plannedFromReplay(models)) }, at);
  }
}

/**
 * After the load phase of a scenario with server faults: the check over the replay's shifts and
 * the load's faults. Without a replay, only the served model's layer 1 and 4 rules are known.
 */
export function resolveCoverageAfterLoad(context: PhaseContext, served: { readonly role: 'blue' | 'green'; readonly model: string }): void {
  const started = context.log.events.findLast((e) => e.kind === 'replay.started');
  const models: PlannedModel[] =
    started?.kind === 'replay.started'
      ? plannedFromReplay(started.models)
      : [
          {
            role: served.role,
            model: served.model,
            features: [],
            predictionPsi: null,
            reference: { positiveRate: null, auc: null },
            positiveRate: 0,
            aucDrop: 0,
          },
        ];
  context.log.append({ kind: 'check.resolved', check: coverageCheck(context, models) });
}

function coverageCheck(context: PhaseContext, models: readonly PlannedModel[]) {
  const scenario = context.file.scenario;
  const events = context.log.events;
  const detections: FaultDetection[] = events.flatMap((e) => (e.kind === 'monitoring.detection' ? [e as FaultDetection] : []));
  const caught = (source: FaultDetection['source']): Set<number> => new Set(detections.filter((d) => d.source === source).map((d) => d.index));
  const shifts = caught('shift');
  const faults = caught('server-fault');
  const rules = monitoringPlan(models, {
    name: kubernetesName(scenario.name),
    drift: driftAlertsOf(scenario.alerts),
    live: liveAlertsOf(scenario.alerts),
    slaMs: scenario.load?.sla ?? null,
  });
  return monitoringCoverageCheck({
    rules: rulesPerLayer(rules),
    budgets: budgetsOf(scenario.alerts),
    detections,
    notInjected: [
      ...scenario.shifts.flatMap((s, index) => (shifts.has(index) ? [] : [{ name: shiftName(s), reason: 'the replayed stretch ends before it starts' }])),
      ...scenario.faults.flatMap((f, index) => (faults.has(index) ? [] : [{ name: faultName(f), reason: "the production profile's load never reached it" }])),
    ],
  });
}
