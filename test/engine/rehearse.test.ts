import { describe, expect, it } from 'vitest';
import type { Phase } from '../../src-main/engine/common/run/phase';
import { EventLog } from '../../src-main/engine/common/run/eventLog';
import { rehearse } from '../../src-main/engine/common/run/rehearse';
import { PHASES } from '../../src-main/engine/common/run/phases';
import { buildReport } from '../../src-main/engine/common/report/buildReport';
import { parseScenarioText } from '../../src-main/engine/common/scenario/parse';
import type { ScenarioFile } from '../../src-main/engine/common/scenario/scenarioFile';
import { memoryEnvironment, memoryModelStore, memorySnapshotStore, memoryWriter, steppingClock } from '../support/memoryPorts';

function scenario(extra = ''): ScenarioFile {
  const parsed = parseScenarioText(
    `name: spine\nmodels:\n  blue:\n    path: blue\n    inputs: [a, b]\n${extra}snapshots:\n  production:\n    path: s\n    timestamp: t\n    label: y\n`,
    's.yaml',
  );
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.issues));
  }
  return { path: '/s.yaml', scenario: parsed.scenario };
}

const snapshot = memorySnapshotStore({ a: [0, 1, 2, 3], b: [1, 1, 0, 0] }, [0, 1, 1, Number.NaN]);

describe('run spine', () => {
  it("appends events with contiguous seq, resolves preflight's checks and the rest as NOT RUN", async () => {
    const writer = memoryWriter();
    const log = new EventLog(steppingClock(), [writer]);
    const outcome = await rehearse({
      file: scenario(),
      ...memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1, -1] } }), snapshot),
      log: log,
    });
    expect(outcome).toEqual({ verdict: 'NOT READY', inputError: null });
    expect(writer.events.map((e) => e.seq)).toEqual(writer.events.map((_, i) => i + 1));
    expect(writer.events[0]).toMatchObject({ kind: 'run.started', eventTime: null, phases: ['preflight', 'score', 'verdict'] });
    const checks = writer.events.flatMap((e) => (e.kind === 'check.resolved' ? [[e.check.id, e.check.status]] : []));
    // A bare model: no feature spec (feature-parity NOT RUN), no training.lock (dependency-pinning WARN).
    expect(checks).toEqual([
      ['feature-parity', 'NOT RUN'],
      ['dependency-pinning', 'WARN'],
      ['distribution-shift', 'NOT RUN'],
      ['infrastructure-parity', 'NOT RUN'],
      ['load-sla', 'NOT RUN'],
      ['monitoring-coverage', 'NOT RUN'],
      ['rollback-readiness', 'NOT RUN'],
    ]);
    expect(writer.events.at(-1)).toMatchObject({ kind: 'run.finished', verdict: 'NOT READY' });
  });

  it('scores the snapshot through the model and reports outcome metrics on labelled rows', async () => {
    const writer = memoryWriter();
    await rehearse({
      file: scenario(),
      ...memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1, -1] } }), snapshot),
      log: new EventLog(steppingClock(), [writer]),
    });
    const summary = writer.events.find((e) => e.kind === 'score.summary');
    // scores sigmoid(a - b) = sigmoid(-1), sigmoid(0), sigmoid(2), sigmoid(3); labels 0, 1, 1, unknown.
    expect(summary).toMatchObject({
      n: 4,
      labelled: 3,
      auc: 1,
      positiveRate: 2 / 3,
      from: '2001-03-01T00:00:00',
      to: '2001-03-01T03:00:00',
      eventTime: '2001-03-01T03:00:00',
    });
    const p = [-1, 0, 2].map((z) => 1 / (1 + Math.exp(-z)));
    const expectedLogLoss = -(Math.log(1 - p[0]!) + Math.log(p[1]!) + Math.log(p[2]!)) / 3;
    expect(summary?.kind === 'score.summary' && summary.logLoss).toBeCloseTo(expectedLogLoss, 6);
    // Twenty bins of 0.05: 0.269 in bin 5, 0.5 in bin 10, 0.881 in bin 17, 0.953 in bin 19.
    const counts = new Array(20).fill(0);
    [5, 10, 17, 19].forEach((bin) => (counts[bin] = 1));
    expect(summary).toMatchObject({ histogram: { lo: 0, hi: 1, counts, outside: 0 } });
  });

  it('never loads a model whose digest does not match, and fails dependency-pinning', async () => {
    const writer = memoryWriter();
    const loads: string[] = [];
    const outcome = await rehearse({
      file: scenario(),
      ...memoryEnvironment(memoryModelStore({ blue: { verified: false, weights: [1, 1] } }, loads), snapshot),
      log: new EventLog(steppingClock(), [writer]),
    });
    expect(loads).toEqual([]);
    expect(outcome.verdict).toBe('NOT READY');
    const pinning = writer.events.filter((e) => e.kind === 'check.resolved' && e.check.id === 'dependency-pinning');
    expect(pinning.map((e) => e.kind === 'check.resolved' && e.check.status)).toEqual(['FAIL']);
    expect(writer.events.some((e) => e.kind === 'score.summary' || e.kind === 'runtime.parity' || e.kind === 'lock.compared')).toBe(false);
  });

  it('loads an unverified model only when allowed, and records that it was allowed', async () => {
    const writer = memoryWriter();
    const loads: string[] = [];
    await rehearse({
      file: scenario(),
      ...memoryEnvironment(memoryModelStore({ blue: { verified: false, weights: [1, 1] } }, loads), snapshot, { allowUnverified: true }),
      log: new EventLog(steppingClock(), [writer]),
    });
    // Loaded to score, and twice more for runtime parity.
    expect(new Set(loads)).toEqual(new Set(['blue']));
    expect(writer.events.find((e) => e.kind === 'model.verified')).toMatchObject({ verified: false, allowUnverified: true });
    const pinning = writer.events.find((e) => e.kind === 'check.resolved' && e.check.id === 'dependency-pinning');
    expect(pinning?.kind === 'check.resolved' && pinning.check).toMatchObject({
      status: 'WARN',
      observed: expect.stringContaining('0 of 1 models match their model.sha256'),
    });
  });

  it('records a provider fallback in the log, which every listener hears once', async () => {
    const writer = memoryWriter();
    const heard: string[] = [];
    const listener = { write: (e: { kind: string }) => void (e.kind === 'ep.fallback' && heard.push(e.kind)) };
    await rehearse({
      file: scenario(),
      ...memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1, 1] } }), snapshot, { executionProvider: 'cuda' }),
      log: new EventLog(steppingClock(), [writer, listener]),
    });
    expect(writer.events.filter((e) => e.kind === 'ep.fallback')).toEqual([
      expect.objectContaining({ requested: 'cuda', used: 'cpu', reason: 'no CUDA here' }),
    ]);
    expect(heard).toEqual(['ep.fallback']);
  });

  it('stops with an input error when the model inputs do not match the snapshot', async () => {
    const writer = memoryWriter();
    const outcome = await rehearse({
      file: scenario().scenario.models.blue.inputs
        ? { ...scenario(), scenario: { ...scenario().scenario, models: { blue: { ...scenario().scenario.models.blue, inputs: ['a', 'zz'] } } } }
        : scenario(),
      ...memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1, 1] } }), snapshot),
      log: new EventLog(steppingClock(), [writer]),
    });
    expect(outcome.inputError?.message).toContain('missing feature "zz"');
    expect(writer.events.find((e) => e.kind === 'phase.finished' && e.phase === 'score')).toMatchObject({ outcome: 'skipped' });
  });

  it('turns a failing phase into ERROR for the checks it owns, and still ends with a verdict', async () => {
    const broken: Phase = { id: 'load', enabled: () => true, run: async () => Promise.reject(new Error('server would not start')) };
    const writer = memoryWriter();
    const outcome = await rehearse({
      file: scenario(),
      ...memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1, 1] } }), snapshot),
      log: new EventLog(steppingClock(), [writer]),
      phases: [...PHASES, broken],
    });
    expect(outcome.verdict).toBe('NOT READY');
    const load = writer.events.find((e) => e.kind === 'check.resolved' && e.check.id === 'load-sla');
    expect(load?.kind === 'check.resolved' && load.check).toMatchObject({ status: 'ERROR', observed: expect.stringContaining('server would not start') });
  });

  it('a report built from a log cut short is incomplete and NOT READY, with enabled checks as ERROR', async () => {
    const passing: Phase = {
      id: 'load',
      enabled: () => true,
      run: async ({ log }) => {
        log.append({ kind: 'notice', level: 'info', message: 'working' });
      },
    };
    const writer = memoryWriter();
    await rehearse({
      file: scenario(),
      ...memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1, 1] } }), snapshot),
      log: new EventLog(steppingClock(), [writer]),
      phases: [...PHASES, passing],
    });
    const cut = writer.events.slice(0, writer.events.findIndex((e) => e.kind === 'notice') + 1);
    const report = buildReport(cut);
    expect(report.complete).toBe(false);
    expect(report.verdict).toBe('NOT READY');
    expect(report.checks.find((c) => c.id === 'load-sla')?.status).toBe('ERROR');
    expect(report.checks.find((c) => c.id === 'feature-parity')?.status).toBe('NOT RUN');
    expect(report.errors[0]).toContain('killed or crashed');
  });
});
