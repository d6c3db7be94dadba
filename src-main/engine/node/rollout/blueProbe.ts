/** Blue's readiness, probed throughout a rollout: a rollout that takes blue down is seen doing it. */

/** How often blue's readiness is probed. */
const PROBE_MS = 250;

/** A readiness probe running. */
export interface ReadinessProbe {
  counts(): { readonly total: number; readonly failed: number };
  stop(): void;
}

/** Probes `${url}/v2/health/ready` every 250 ms; a probe that fails or takes over 2 s counts as failed. */
export function readinessProbe(url: string): ReadinessProbe {
  const probes = { total: 0, failed: 0 };
  const timer = setInterval(() => {
    probes.total += 1;
    fetch(`${url}/v2/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => {
        if (!r.ok) {
          probes.failed += 1;
        }
      },
      () => {
        probes.failed += 1;
      },
    );
  }, PROBE_MS);
  return { counts: () => ({ ...probes }), stop: () => clearInterval(timer) };
}
