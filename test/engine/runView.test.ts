/** The run view: lanes from the report's extractors for an event-time range, as of an event. */
import { describe, expect, it } from 'vitest';
import type { RunEvent, RunEventBody } from '../../src-main/contract/events';
import type { RunControlState } from '../../src-main/contract/runView';
import { EventLog } from '../../src-main/engine/common/run/eventLog';
import { ProgressTask } from '../../src-main/engine/common/run/progress';
import { runView } from '../../src-main/engine/common/view/runView';
import { memoryWriter, steppingClock } from '../support/memoryPorts';

const RUNNING: RunControlState = { state: 'running', speed: 'max', phase: 'score', accepts: ['pause', 'speed', 'promote', 'rollback', 'stop'] };
const HISTOGRAM = { lo: 0, hi: 1, counts: [3, 1], outside: 0 };

/** A log as the smoke scenario writes it, cut where the test needs. */
function smokeLog(): RunEvent[] {
  const writer = memoryWriter();
  const log = new EventLog(steppingClock(), [writer]);
  const at = (iso: string) => Date.parse(`${iso}Z`);
  log.append({
    kind: 'run.started',
    runId: 'r',
    scenario: { name: 'smoke', path: '/s.yaml', description: '' },
    phases: ['preflight', 'score', 'verdict'],
    enabledChecks: ['dependency-pinning'],
    machine: { platform: 'test', arch: 'x64', cpus: 2, cpuModel: 't', memoryBytes: 1, node: 'v20' },
    versions: {},
  });
  log.append({ kind: 'phase.started', phase: 'score' });
  const progress = new ProgressTask(
    log,
    { task: 'score.production', phase: 'score', label: 'Scoring', total: 100, unit: 'rows', range: { from: '2001-03-01T00:00:00', to: '2001-03-03T23:00:00' } },
    at('2001-03-01T00:00:00'),
  );
  progress.advance(50, at('2001-03-02T00:00:00'));
  log.append(
    { kind: 'run.control', command: { kind: 'rollback' }, effect: 'recorded', note: 'recorded in the log; this run has no rollout phase' },
    at('2001-03-02T00:00:00'),
  );
  progress.advance(50, at('2001-03-03T23:00:00'));
  const summary: RunEventBody = {
    kind: 'score.summary',
    role: 'blue',
    model: 'm',
    source: 's',
    from: '2001-03-01T00:00:00',
    to: '2001-03-03T23:00:00',
    n: 4,
    labelled: 4,
    auc: 0.7,
    logLoss: 0.5,
    positiveRate: 0.25,
    meanPrediction: 0.3,
    quantiles: {},
    histogram: HISTOGRAM,
  };
  log.append(summary, at('2001-03-03T23:00:00'));
  log.append({ kind: 'phase.finished', phase: 'score', outcome: 'ok' });
  log.append({
    kind: 'check.resolved',
    check: { id: 'dependency-pinning', title: 't', status: 'PASS', observed: 'all digests match', threshold: 'x', evidence: [], next: 'nothing' },
  });
  log.append({ kind: 'run.finished', verdict: 'NOT READY', durationMs: 5 });
  return writer.events;
}

describe('run view', () => {
  it('draws the prediction lane from the score summary and says why every other lane is empty', () => {
    const view = runView({ runId: 'r', outDir: '/o', events: smokeLog(), control: RUNNING });
    expect(view.extent).toEqual({ from: '2001-03-01T00:00:00', to: '2001-03-03T23:00:00' });
    expect(view.range).toEqual(view.extent);
    expect(view.lanes.predictions).toEqual({
      measured: true,
      data: { lo: 0, hi: 1, range: view.extent, series: [{ role: 'blue', model: 'm', counts: [3, 1] }] },
    });
    expect(view.lanes.drift).toEqual({ measured: false, reason: 'this run had no replay phase, which measures drift per feature and event-time window' });
    expect(view.lanes.traffic).toMatchObject({ measured: false, reason: expect.stringContaining('no rollout phase') });
    expect(view.lanes.latency).toMatchObject({ measured: false, reason: expect.stringContaining('p99 latency per rollout step') });
    expect(view.lanes.alerts).toMatchObject({ measured: false });
    expect(view.lanes.load).toMatchObject({ measured: false, reason: expect.stringContaining('no load phase') });
    expect(view.verdict).toBe('NOT READY');
    expect(view.progress).toEqual([]);
    expect(view.position).toBe('2001-03-03T23:00:00');
    expect(view.activity.map((a) => a.text)).toContain('Roll back: recorded in the log; this run has no rollout phase');
  });

  it('a brushed range keeps what overlaps it: a summary of the whole stretch, not an instant outside', () => {
    const events = smokeLog();
    const inside = runView({ runId: 'r', outDir: '/o', events, control: RUNNING }, { from: '2001-03-01T12:00:00', to: '2001-03-01T18:00:00' });
    expect(inside.range).toEqual({ from: '2001-03-01T12:00:00', to: '2001-03-01T18:00:00' });
    expect(inside.lanes.predictions.measured).toBe(true);
    const before = runView({ runId: 'r', outDir: '/o', events, control: RUNNING }, { from: '2001-02-01T00:00:00', to: '2001-02-02T00:00:00' });
    expect(before.lanes.predictions).toEqual({ measured: false, reason: 'no model was scored in this run' });
  });

  it('as of an event, shows nothing after it: the checklist pending, the task under way, no verdict', () => {
    const events = smokeLog();
    const cut = events.find((e) => e.kind === 'run.control')!.seq;
    const view = runView({ runId: 'r', outDir: '/o', events, control: RUNNING }, { untilSeq: cut });
    expect(view.lastSeq).toBe(cut);
    // The score phase is under way: its lane waits; lanes of phases this run does not have say so.
    expect(view.lanes.predictions).toEqual({ measured: false, pending: true, reason: 'the score phase is running; this lane fills when it reports' });
    expect(view.lanes.drift).toEqual({ measured: false, reason: 'this run had no replay phase, which measures drift per feature and event-time window' });
    expect(view.verdict).toBeNull();
    expect(view.position).toBe('2001-03-02T00:00:00');
    // The extent already spans the task's announced range, so the axis does not grow as the run goes.
    expect(view.extent).toEqual({ from: '2001-03-01T00:00:00', to: '2001-03-03T23:00:00' });
    expect(view.progress).toMatchObject([{ task: 'score.production', done: 50, total: 100 }]);
    expect(view.checklist.map((c) => [c.id, c.status])).toEqual([
      ['distribution-shift', 'NOT RUN'],
      ['feature-parity', 'NOT RUN'],
      ['infrastructure-parity', 'NOT RUN'],
      ['load-sla', 'NOT RUN'],
      ['dependency-pinning', 'PENDING'],
      ['monitoring-coverage', 'NOT RUN'],
      ['rollback-readiness', 'NOT RUN'],
    ]);
    expect(runView({ runId: 'r', outDir: '/o', events, control: RUNNING }).checklist[4]).toMatchObject({ status: 'PASS', observed: 'all digests match' });
  });

  it('before any event there is no axis, and every lane says it is not measured', () => {
    const view = runView({ runId: 'r', outDir: '/o', events: [], control: { ...RUNNING, state: 'starting' } });
    expect(view).toMatchObject({ extent: null, range: null, position: null, lastSeq: 0, scenario: null, verdict: null });
    expect(Object.values(view.lanes).every((lane) => !lane.measured)).toBe(true);
  });
});

describe('progress', () => {
  it('records about fifty steps of a large task, whatever its chunk size, and the last one once', () => {
    const writer = memoryWriter();
    const log = new EventLog(steppingClock(), [writer]);
    const task = new ProgressTask(log, { task: 't', phase: 'score', label: 'x', total: 10_000, unit: 'rows' });
    for (let i = 0; i < 1000; i++) {
      task.advance(10);
    }
    task.finish();
    const done = writer.events.map((e) => e.kind === 'progress' && e.done);
    expect(done).toHaveLength(51);
    expect(done[0]).toBe(0);
    expect(done.at(-1)).toBe(10_000);
    expect(done).toEqual([...done].sort((a, b) => Number(a) - Number(b)));
  });

  it('without a total, records every sixteenth advance and the end', () => {
    const writer = memoryWriter();
    const log = new EventLog(steppingClock(), [writer]);
    const task = new ProgressTask(log, { task: 't', phase: null, label: 'x', total: null, unit: 'rows' });
    for (let i = 0; i < 40; i++) {
      task.advance(1);
    }
    task.finish();
    expect(writer.events.map((e) => e.kind === 'progress' && e.done)).toEqual([0, 16, 32, 40]);
  });
});
