/**
 * `load-sla` from production's `load.result` (the one profile's, for a scenario with a load but no
 * profiles) and `infrastructure-parity` from staging's and production's with `profiles.compared`.
 */
import type { ReadinessCheck } from '../../../../contract/report';
import { targetRps } from '../../load/targetRate';
import type { LoadSection } from '../../scenario/sections/load';
import { CHECK_TITLES, notRunCheck } from '../catalog';
import { infrastructureParityCheck, type ProfileRun } from '../infrastructureParity';
import { loadSlaCheck } from '../loadSla';
import { bodiesOf, lastOf, type CheckEvidence, type CheckResolver } from './evidence';

/** Production's load, or the one profile's when the scenario names no profiles. */
export const loadSlaResolver: CheckResolver = {
  id: 'load-sla',
  phases: () => ['load'],
  resolve(evidence) {
    const run = productionRun(evidence);
    return run === undefined || evidence.scenario.load === undefined ? null : loadSla(run, evidence.scenario.load);
  },
};

/** Staging's run against production's, with the differences of their specs; NOT RUN without two profiles. */
export const infrastructureParityResolver: CheckResolver = {
  id: 'infrastructure-parity',
  phases: () => ['load'],
  resolve(evidence) {
    const { scenario } = evidence;
    if (!scenario.profiles) {
      return notRunCheck('infrastructure-parity');
    }
    const staging = profileRuns(evidence).find((r) => r.profile === 'staging');
    const production = productionRun(evidence);
    const compared = lastOf(evidence.events, 'profiles.compared');
    if (staging === undefined || production === undefined || compared === undefined) {
      return null;
    }
    return infrastructureParityCheck({
      staging,
      production,
      differences: compared.differences,
      notReproduced: compared.notReproduced,
      bound: scenario.profiles.bound,
      slaMs: scenario.load!.sla,
    });
  },
};

/** Production's run: the `production` profile's, or the only one of a scenario without profiles. */
export function productionRun(evidence: CheckEvidence): ProfileRun | undefined {
  const runs = profileRuns(evidence);
  return runs.find((r) => r.profile === 'production') ?? (evidence.scenario.profiles ? undefined : runs[0]);
}

function profileRuns({ events }: CheckEvidence): ProfileRun[] {
  return bodiesOf(events, 'load.result').map(({ kind: _kind, ...run }) => run);
}

/** `load-sla` from production's run; a server that never answered fails it with the reason. */
function loadSla(run: ProfileRun, load: LoadSection): ReadinessCheck {
  if (run.result === null) {
    return {
      id: 'load-sla',
      title: CHECK_TITLES['load-sla'],
      status: 'FAIL',
      observed: `The ${run.profile} server never answered, so no load could be sent: ${run.error ?? run.serverEnd ?? 'no reason recorded'}.`,
      threshold: `p99 <= ${load.sla} ms at ${targetRps(load)} rps under the production profile, with no errors, timeouts, drops or OOM kill`,
      evidence: [
        { label: 'profile', value: run.profile },
        { label: 'backend', value: run.backend },
        { label: 'OOM killed', value: run.oomKilled },
        { label: 'memory limit', value: run.limits.memoryBytes, unit: 'bytes' },
      ],
      next:
        run.oomKilled === true
          ? 'The model does not fit the memory limit even before any load: raise the limit or shrink the model.'
          : 'Fix what kept the server from starting (see the run errors), then rehearse again.',
    };
  }
  return loadSlaCheck({
    result: run.result,
    load,
    slaMs: load.sla,
    profile: run.profile,
    backend: run.backend,
    oomKilled: run.oomKilled,
    ...(run.peakMemoryBytes !== null ? { peakMemoryBytes: run.peakMemoryBytes } : {}),
    ...(run.limits.memoryBytes !== null ? { memoryLimitBytes: run.limits.memoryBytes } : {}),
  });
}
