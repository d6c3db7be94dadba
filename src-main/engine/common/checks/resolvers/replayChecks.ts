/**
 * `distribution-shift` from the replay's evidence, and `monitoring-coverage` from every
 * `monitoring.detection` of the run (the replay's shifts, the load's server faults) and the
 * plan's rules. Coverage waits for the load when the scenario injects server faults into it.
 */
import type { FaultDetection, PhaseId } from '../../../../contract/events';
import { monitoringPlan, plannedFromReplay, rulesPerLayer, type PlannedModel } from '../../monitoring/monitoringPlan';
import { shiftName } from '../../replay/shiftWatch';
import { kubernetesName } from '../../rollout/export/exportNames';
import { budgetsOf, driftAlertsOf, liveAlertsOf } from '../../scenario/sections/alerts';
import { faultName } from '../../scenario/sections/faults';
import type { Scenario } from '../../scenario/schema';
import { distributionShiftCheck } from '../distributionShift';
import { monitoringCoverageCheck } from '../monitoringCoverage';
import { bodiesOf, lastOf, planned, type CheckEvidence, type CheckResolver } from './evidence';
import { productionRun } from './loadChecks';

/** Every model's watch (`replay.started`, `replay.finished`) and every shift's catch or miss. */
export const distributionShiftResolver: CheckResolver = {
  id: 'distribution-shift',
  phases: () => ['replay'],
  resolve({ events, scenario }) {
    const started = lastOf(events, 'replay.started');
    const finished = lastOf(events, 'replay.finished');
    if (started === undefined || finished === undefined) {
      return null;
    }
    const detected = bodiesOf(events, 'shift.detected');
    const missed = bodiesOf(events, 'shift.missed');
    return distributionShiftCheck({
      seedThreshold: driftAlertsOf(scenario.alerts).bands.retrain,
      models: started.models.map((model, k) => {
        const { compared, falseAlarms, estimate } = finished.models[k]!;
        return { model, compared, falseAlarms, ...(estimate === undefined ? {} : { estimate }) };
      }),
      shifts: scenario.shifts.map((shift, index) => ({
        name: shiftName(shift),
        detections: detected.filter((d) => d.index === index),
        missed: missed.find((m) => m.index === index) ?? null,
      })),
    });
  },
};

/** The detections of every injected shift and fault against each layer's budget, and the rules of each layer. */
export const monitoringCoverageResolver: CheckResolver = {
  id: 'monitoring-coverage',
  phases: (scenario) => ['replay', ...(faultsInLoad(scenario) ? (['load'] as PhaseId[]) : [])],
  resolve(evidence) {
    const { events, scenario } = evidence;
    // The replay's detections are complete only once it finished; the faults' once production's load ran.
    if (planned(events, 'replay') && lastOf(events, 'replay.finished') === undefined) {
      return null;
    }
    if (faultsInLoad(scenario) && planned(events, 'load') && productionRun(evidence) === undefined) {
      return null;
    }
    return coverageCheck(evidence, plannedModels(evidence));
  },
};

/** True when the load phase injects the scenario's server faults. */
function faultsInLoad(scenario: Scenario): boolean {
  return scenario.faults.length > 0 && scenario.load !== undefined;
}

/** The replay's models with their thresholds; without a replay, only the served model (its layer 1 and 4 rules). */
function plannedModels({ events, scenario }: CheckEvidence): PlannedModel[] {
  const started = lastOf(events, 'replay.started');
  if (started !== undefined) {
    return plannedFromReplay(started.models);
  }
  const role = scenario.models.green ? 'green' : 'blue';
  const model = scenario.models[role]!;
  return [
    { role, model: model.name ?? model.path, features: [], predictionPsi: null, reference: { positiveRate: null, auc: null }, positiveRate: 0, aucDrop: 0 },
  ];
}

function coverageCheck({ events, scenario }: CheckEvidence, models: readonly PlannedModel[]) {
  const detections: FaultDetection[] = bodiesOf(events, 'monitoring.detection');
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
