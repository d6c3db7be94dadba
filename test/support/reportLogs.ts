/** Hand-made run logs for report tests: a log is what a run appends, so any report can be built from one. */
import type { RunEvent, RunEventBody } from '../../src-main/contract/events';
import type { CheckId, CheckStatus, ReadinessCheck } from '../../src-main/contract/report';
import { CHECK_IDS, CHECK_TITLES } from '../../src-main/engine/common/checks/catalog';

/** A log of the given bodies with envelopes as EventLog writes them. */
export function logOf(bodies: readonly RunEventBody[]): RunEvent[] {
  return bodies.map((body, i) => ({ seq: i + 1, eventTime: null, wallTime: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), ...body }) as RunEvent);
}

/** A check resolved with `status`, its strings as given. */
export function check(id: CheckId, status: CheckStatus, text: Partial<Pick<ReadinessCheck, 'observed' | 'threshold' | 'next'>> = {}): RunEventBody {
  return {
    kind: 'check.resolved',
    check: {
      id,
      title: CHECK_TITLES[id],
      status,
      observed: text.observed ?? `${id} observed`,
      threshold: text.threshold ?? `${id} threshold`,
      evidence: [{ label: `${id} figure`, value: 0.5, unit: 'ratio', n: 100 }],
      next: text.next ?? `${id} next`,
    },
  };
}

/** The start of a run of scenario `name` with `enabled` checks. */
export function started(name = 'unit', enabled: readonly CheckId[] = CHECK_IDS, description = 'a hand-made log'): RunEventBody {
  return {
    kind: 'run.started',
    runId: 'run-1',
    scenario: { name, path: `/scenarios/${name}.yaml`, description },
    phases: ['preflight', 'score', 'verdict'],
    enabledChecks: [...enabled],
    machine: { platform: 'linux', arch: 'x64', cpus: 2, cpuModel: 'test cpu', memoryBytes: 2 ** 34, node: 'v20.0.0' },
    versions: { rehearsal: '0.1.0' },
  };
}

/** A model verified, loaded (on CPU after asking for CUDA) and scored. */
export function scoredModel(role: 'blue' | 'green', name: string, counts: number[]): RunEventBody[] {
  const sha = (role === 'blue' ? 'a' : 'b').repeat(64);
  return [
    {
      kind: 'model.verified',
      role,
      name,
      path: `/models/${name}`,
      verified: true,
      allowUnverified: false,
      files: [{ file: 'model.onnx', expected: sha, actual: sha }],
      message: 'all 1 file digests match',
    },
    { kind: 'ep.fallback', role, requested: 'cuda', used: 'cpu', reason: 'no CUDA here' },
    { kind: 'model.loaded', role, name, sha256: sha, requestedProvider: 'cuda', executionProvider: 'cpu', inputs: [], outputs: [] },
    {
      kind: 'score.summary',
      role,
      model: name,
      source: '/data/flights.parquet',
      from: '2001-03-01T00:00:00',
      to: '2001-03-03T23:00:00',
      n: counts.reduce((a, b) => a + b, 0),
      labelled: 10,
      auc: 0.61,
      logLoss: 0.52,
      positiveRate: 0.2,
      meanPrediction: 0.21,
      quantiles: { p10: 0.1, p50: 0.2, p90: 0.3 },
      histogram: { lo: 0, hi: 1, counts, outside: 0 },
    },
  ];
}

/** A finished run whose checks have the given statuses (the rest PASS). */
export function finishedRun(statuses: Partial<Record<CheckId, CheckStatus>>, name = 'unit'): RunEvent[] {
  const checks = CHECK_IDS.map((id) => check(id, statuses[id] ?? 'PASS'));
  const verdict = CHECK_IDS.every((id) => ['PASS', 'WARN'].includes(statuses[id] ?? 'PASS')) ? 'READY' : 'NOT READY';
  return logOf([started(name), ...scoredModel('blue', 'blue-model', [1, 2, 3, 4]), ...checks, { kind: 'run.finished', verdict, durationMs: 1234 }]);
}
