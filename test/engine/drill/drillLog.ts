/** In-memory logs for the drill tests: a replay with an alert that resolves, then a rollout green loses. */
import type { RunEvent, RunEventBody } from '../../../src-main/contract/events';
import { parseScenarioText } from '../../../src-main/engine/common/scenario/parse';
import type { DrillSection } from '../../../src-main/engine/common/scenario/sections/drill';

/** Numbers events 1, 2, ... as the event log does. */
export function logOf(entries: readonly (readonly [string | null, RunEventBody])[]): RunEvent[] {
  return entries.map(
    ([eventTime, body], index) =>
      ({ seq: index + 1, eventTime, wallTime: `2026-01-01T00:00:${String(index % 60).padStart(2, '0')}.000Z`, ...body }) as RunEvent,
  );
}

function hour(h: number): string {
  return `2001-03-01T${String(h).padStart(2, '0')}:00:00`;
}

function window(h: number, scored: number): RunEventBody {
  return {
    kind: 'drift.window',
    role: 'blue',
    model: 'blue-v1',
    from: hour(h),
    to: hour(h + 1),
    rows: scored,
    scored,
    refused: 0,
    slice: { label: 'Thu', rows: 10 },
    features: [],
    prediction: null,
  };
}

function labels(h: number, labelled: number, auc: number): RunEventBody {
  return {
    kind: 'labels.window',
    role: 'blue',
    model: 'blue-v1',
    from: hour(h),
    to: hour(h + 1),
    labelled,
    positiveRate: 0.2,
    referencePositiveRate: 0.2,
    auc,
    referenceAuc: 0.7,
    threshold: 0.5,
    precision: null,
    recall: null,
    falsePositiveRate: null,
    brier: null,
    ece: null,
  };
}

const FIRING: RunEventBody = {
  kind: 'alert.firing',
  layer: 2,
  rule: 'feature-psi',
  role: 'blue',
  subject: 'distance',
  value: 0.4,
  threshold: 0.25,
  from: hour(2),
  to: hour(3),
  message: 'distance: PSI 0.400 (threshold 0.250)',
};

function step(
  index: number,
  from: string,
  to: string,
  greenPercent: number,
  rows: number,
  greenRequests: number,
  auc: { blue: number; green: number } | null,
): RunEventBody {
  const side = (requests: number) => ({ requests, errors: 0, timeouts: 0, p50Ms: 5, p99Ms: 9 });
  return {
    kind: 'rollout.step',
    index,
    step: `analysis 1d`,
    from,
    to,
    greenPercent,
    rows,
    sent: 100,
    realMs: 1000,
    sides: { blue: side(100 - greenRequests), green: side(greenRequests) },
    routerFailures: 0,
    metrics: {
      predictionPsi: 0.01,
      inputDrift: null,
      outcome: auc === null ? null : { labelled: 500, blueAuc: auc.blue, greenAuc: auc.green },
      disagreement: null,
    },
    cut: false,
  };
}

/**
 * seq 1 run.started; 2-4 windows 00-03h; 5 the distance alert (fired by the 02h window); 6-7
 * windows 03-05h; 8 labels of 03h; 9 alert resolved; 10 window 05h; 11 the analysis after
 * green's first day; 12 its step; 13 the second step (green worse); 14 the abort; 15 the end.
 */
export function drillLog(): RunEvent[] {
  return logOf([
    [
      null,
      {
        kind: 'run.started',
        runId: 'run-1',
        scenario: { name: 'drill-test', path: '/s.yaml', description: '' },
        phases: ['replay', 'rollout', 'verdict'],
        enabledChecks: [],
        machine: { platform: 't', arch: 'x64', cpus: 2, cpuModel: 't', memoryBytes: 1, node: 'v20' },
        versions: {},
      },
    ],
    [hour(1), window(0, 100)],
    [hour(2), window(1, 100)],
    [hour(3), window(2, 100)],
    [hour(3), FIRING],
    [hour(4), window(3, 120)],
    [hour(5), window(4, 130)],
    [hour(5), labels(3, 120, 0.6)],
    [hour(5), { kind: 'alert.resolved', layer: 2, rule: 'feature-psi', role: 'blue', subject: 'distance', from: hour(2), to: hour(4) }],
    [hour(6), window(5, 140)],
    ['2001-03-02T00:00:00', { kind: 'rollout.analysis', index: 1, background: false, gates: [], outcome: 'pass', judge: { metrics: [], score: null } }],
    ['2001-03-02T00:00:00', step(1, '2001-03-01T00:00:00', '2001-03-02T00:00:00', 10, 1000, 10, null)],
    ['2001-03-03T00:00:00', step(3, '2001-03-02T00:00:00', '2001-03-03T00:00:00', 25, 2000, 30, { blue: 0.63, green: 0.57 })],
    [
      '2001-03-03T00:00:00',
      {
        kind: 'rollout.aborted',
        reason: 'businessOutcome failed',
        source: 'gate',
        stepIndex: 3,
        detect: null,
        rollback: { realMs: 5, eventMs: 0 },
        duringRetreat: { sent: 0, green: 0 },
      },
    ],
    ['2001-03-03T00:00:00', { kind: 'run.finished', verdict: 'NOT READY', durationMs: 9 }],
  ]);
}

/** The drill section of a scenario text (the rest of the scenario is a minimal valid one). */
export function drillOf(yaml: string): DrillSection {
  const parsed = parseScenarioText(`${SCENARIO}${yaml}`, 'drill.yaml');
  if (!parsed.ok) {
    throw new Error(parsed.issues.map((i) => `${i.line}: ${i.path}: ${i.message}`).join('\n'));
  }
  return parsed.scenario.drill!;
}

/** A minimal valid scenario without its drill. */
export const SCENARIO = `name: t
models:
  blue:
    path: m
snapshots:
  production:
    path: s.parquet
    timestamp: date
    label: delay > 15
`;
