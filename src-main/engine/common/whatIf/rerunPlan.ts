/**
 * What a what-if runs again. A resource-profile knob changes only how the model server runs under
 * load, so the load phase reruns; so does every other phase a check fed by the load also reads
 * (the replay, when server faults are injected into the load, for monitoring coverage), so no
 * check is decided on half its evidence; and the preflight, when the load sends records mapped to
 * the model's inputs by the pipelines it prepares. Every other check is carried over as it was.
 */
import type { PhaseId } from '../../../contract/events';
import type { CheckId } from '../../../contract/report';
import { CHECK_RESOLVERS } from '../checks/resolvers/checkResolvers';
import { InputError } from '../run/inputError';
import type { Scenario } from '../scenario/schema';

/** The phases to rerun (in run order) with why each, and the checks carried over. */
export interface RerunPlan {
  readonly rerun: readonly PhaseId[];
  readonly why: Readonly<Partial<Record<PhaseId, string>>>;
  readonly rerunChecks: readonly CheckId[];
  readonly carried: readonly CheckId[];
}

const ORDER: readonly PhaseId[] = ['preflight', 'score', 'replay', 'load', 'rollout'];

/** The plan for a knob of a resource profile, over the phases the original run planned. */
export function rerunPlan(scenario: Scenario, planned: readonly PhaseId[]): RerunPlan {
  if (!planned.includes('load')) {
    throw new InputError('--profile', 'the run had no load phase, so a resource-profile knob changes nothing it measured');
  }
  const rerun = new Set<PhaseId>(['load']);
  const why: Partial<Record<PhaseId, string>> = { load: 'the knob changes the model server the load runs against' };
  let grew = true;
  while (grew) {
    grew = false;
    for (const resolver of CHECK_RESOLVERS) {
      const phases = resolver.phases(scenario).filter((p) => planned.includes(p));
      if (!phases.some((p) => rerun.has(p))) {
        continue;
      }
      for (const phase of phases.filter((p) => !rerun.has(p))) {
        rerun.add(phase);
        why[phase] = `${resolver.id} reads it together with the load`;
        grew = true;
      }
    }
  }
  if (planned.includes('preflight') && !rerun.has('preflight') && mapsInputs(scenario)) {
    rerun.add('preflight');
    why.preflight = "the load sends records mapped to the model's inputs by the pipelines the preflight prepares";
  }
  const rerunChecks = CHECK_RESOLVERS.filter((r) => r.phases(scenario).some((p) => rerun.has(p))).map((r) => r.id);
  const carried = CHECK_RESOLVERS.map((r) => r.id).filter((id) => !rerunChecks.includes(id));
  return { rerun: ORDER.filter((p) => rerun.has(p)), why, rerunChecks, carried };
}

function mapsInputs(scenario: Scenario): boolean {
  const role = scenario.models.green ? 'green' : 'blue';
  const inputs = scenario.models[role]?.inputs;
  return inputs !== undefined && !Array.isArray(inputs);
}
