/**
 * Where the run's model servers run, decided once before the first phase: each load profile's
 * backend (a person's choice, else the profile's own), Docker only when an engine answers (asked
 * once, and only when some profile wants it), and production's backend, whose lock the
 * dependency check compares with each model's training lock. Recorded as `run.backends`, with a
 * notice for each profile that falls back to the embedded backend.
 */
import type { RunBackends } from '../../../contract/events';
import type { ServingPort } from '../ports/serving';
import { PROFILE_NAMES } from '../profiles/resourceProfile';
import type { Scenario } from '../scenario/schema';
import type { RunOptions } from './environment';

type Backend = 'docker' | 'embedded';

/** The backends a run asked for, before asking whether Docker answers. */
export function wantedBackends(
  scenario: Scenario,
  options: Pick<RunOptions, 'backend' | 'profile'>,
): { readonly profiles: { readonly profile: string; readonly wanted: Backend }[]; readonly serving: Backend } {
  const serving = options.backend ?? scenario.profiles?.production.backend ?? (scenario.load !== undefined ? 'docker' : 'embedded');
  if (scenario.load === undefined) {
    return { profiles: [], serving };
  }
  if (scenario.profiles === undefined) {
    return { profiles: [{ profile: options.profile ?? 'production', wanted: options.backend ?? 'docker' }], serving };
  }
  const profiles = scenario.profiles;
  return { profiles: PROFILE_NAMES.map((name) => ({ profile: name, wanted: options.backend ?? profiles[name].backend })), serving };
}

/** The resolution and the notices of the profiles that fall back; Docker is pinged at most once. */
export async function resolveBackends(
  scenario: Scenario,
  options: Pick<RunOptions, 'backend' | 'profile'>,
  serving: Pick<ServingPort, 'dockerStatus'> | undefined,
): Promise<{ readonly resolved: RunBackends; readonly notices: readonly string[] }> {
  const wanted = wantedBackends(scenario, options);
  const asksDocker = wanted.serving === 'docker' || wanted.profiles.some((p) => p.wanted === 'docker');
  const status = !asksDocker
    ? null
    : serving === undefined
      ? ({ available: false, reason: 'this face of the product starts no model servers' } as const)
      : await serving.dockerStatus();
  const on = (backend: Backend): Backend => (backend === 'docker' && status?.available === true ? 'docker' : 'embedded');
  const profiles = wanted.profiles.map((p) => ({ ...p, backend: on(p.wanted) }));
  const reason = status !== null && !status.available ? status.reason : null;
  return {
    resolved: {
      kind: 'run.backends',
      docker: status === null ? null : { available: status.available, reason },
      profiles,
      serving: on(wanted.serving),
    },
    notices: profiles
      .filter((p) => p.wanted !== p.backend)
      .map(
        (p) =>
          `${reason}. The ${p.profile} profile runs on the embedded backend instead, where its memory limit is not enforced (memory not capped: embedded backend).`,
      ),
  };
}

/** The backend a profile's server runs on, as resolved. */
export function backendOf(backends: RunBackends, profile: string): Backend {
  return backends.profiles.find((p) => p.profile === profile)?.backend ?? 'embedded';
}
