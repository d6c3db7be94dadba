/** `feature-parity` and `dependency-pinning`, from preflight's evidence events. */
import { dependencyPinningCheck, type DependencyPinningEvidence } from '../dependencyPinning';
import { featureParityCheck } from '../featureParity';
import { bodiesOf, type CheckEvidence, type CheckResolver } from './evidence';

/** The feature checks' events: parity, point-in-time, freshness, and the models that could not be checked. */
export const featureParityResolver: CheckResolver = {
  id: 'feature-parity',
  phases: () => ['preflight'],
  resolve({ events, scenario }) {
    const evidence = {
      parity: bodiesOf(events, 'feature.parity'),
      pointInTime: bodiesOf(events, 'feature.pointInTime'),
      freshness: bodiesOf(events, 'feature.freshness'),
      unavailable: bodiesOf(events, 'feature.unavailable').map(({ model, reason }) => ({ model, reason })),
    };
    return featureParityCheck(evidence, scenario.features.parity, scenario.features.freshness?.maxAge ?? null);
  },
};

/** Digests (`model.verified`), locks (`lock.compared`) and runtimes (`runtime.parity`). */
export const dependencyPinningResolver: CheckResolver = {
  id: 'dependency-pinning',
  phases: () => ['preflight'],
  resolve(evidence) {
    return refusal(evidence) ?? dependencyPinningCheck({ digests: digests(evidence), locks: locks(evidence), runtime: runtimes(evidence) });
  },
  // A refused digest fails the check on its own, whatever broke after it.
  partial: refusal,
};

function refusal(evidence: CheckEvidence) {
  const all = digests(evidence);
  return all.some((d) => !d.verified && !d.allowUnverified) ? dependencyPinningCheck({ digests: all, locks: [], runtime: [] }) : null;
}

function digests({ events }: CheckEvidence): DependencyPinningEvidence['digests'] {
  return bodiesOf(events, 'model.verified').map(({ kind: _kind, ...digest }) => digest);
}

function locks({ events }: CheckEvidence): DependencyPinningEvidence['locks'] {
  return bodiesOf(events, 'lock.compared').map((e) =>
    e.comparison === null ? { model: e.model, unavailable: e.unavailable ?? 'no lock' } : { model: e.model, comparison: e.comparison },
  );
}

function runtimes({ events }: CheckEvidence): DependencyPinningEvidence['runtime'] {
  return bodiesOf(events, 'runtime.parity').map((e) =>
    e.result === null ? { model: e.model, unavailable: e.unavailable ?? 'not measured' } : { model: e.model, parity: e.result },
  );
}
