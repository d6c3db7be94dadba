/** The run-control port: pause, step, speed, promote, roll back, stop, in virtual time. */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-main/contract/events';
import { RunControl } from '../../src-main/engine/common/run/control';
import { EventLog } from '../../src-main/engine/common/run/eventLog';
import { rehearse } from '../../src-main/engine/common/run/rehearse';
import { parseScenarioText } from '../../src-main/engine/common/scenario/parse';
import { memoryEnvironment, memoryModelStore, memoryWriter } from '../support/memoryPorts';
import { chunkedSnapshotStore } from '../support/chunkedSnapshot';
import { virtualTime } from '../support/virtualTime';

const HOUR = 3_600_000;

function attached(options: { speed?: 1 | 10 | 100 | 1000 | 'max'; phases?: ('preflight' | 'score' | 'rollout')[] } = {}) {
  const time = virtualTime();
  const writer = memoryWriter();
  const log = new EventLog(time.clock, [writer]);
  const control = new RunControl(time.clock, time.scheduler, options.speed ? { speed: options.speed } : {});
  control.attach(log, options.phases ?? ['preflight', 'score']);
  return { time, writer, control };
}

/** Starts a checkpoint and reports whether it has returned yet. */
function pending(control: RunControl, eventTime?: number) {
  const state = { outcome: null as string | null };
  void control.checkpoint(eventTime).then((outcome) => (state.outcome = outcome));
  return state;
}

describe('run control', () => {
  it('paces event time at the chosen speed: one hour of event time at 1000x waits 3.6 s of real time', async () => {
    const { time, control } = attached({ speed: 1000 });
    expect(await control.checkpoint(0)).toBe('continue');
    const next = pending(control, HOUR);
    await time.settle();
    expect(time.pending).toBe(1);
    await time.advance(3599);
    expect(next.outcome).toBeNull();
    await time.advance(1);
    expect(next.outcome).toBe('continue');
  });

  it('never waits at max speed, and a speed change takes effect at once (re-anchored where the run is)', async () => {
    const { time, control, writer } = attached({ speed: 1 });
    await control.checkpoint(0);
    const slow = pending(control, HOUR);
    await time.advance(HOUR - 1);
    expect(slow.outcome).toBeNull();
    expect(control.command({ kind: 'speed', speed: 'max' })).toMatchObject({ effect: 'applied' });
    await time.settle();
    expect(slow.outcome).toBe('continue');
    // The hour's wait was cancelled, not left behind.
    expect(time.pending).toBe(0);
    expect(await control.checkpoint(100 * HOUR)).toBe('continue');
    expect(time.pending).toBe(0);
    expect(writer.events.at(-1)).toMatchObject({ kind: 'run.control', command: { kind: 'speed', speed: 'max' }, eventTime: '1970-01-01T01:00:00' });
  });

  it('pause holds the run at its next checkpoint until resume; step lets exactly one unit through', async () => {
    const { time, control, writer } = attached();
    expect(control.command({ kind: 'pause' })).toMatchObject({ effect: 'applied' });
    expect(control.state()).toMatchObject({ state: 'paused', accepts: ['resume', 'step', 'speed', 'promote', 'rollback', 'stop'] });
    const first = pending(control, 0);
    await time.settle();
    expect(first.outcome).toBeNull();
    control.command({ kind: 'step' });
    await time.settle();
    expect(first.outcome).toBe('continue');
    const second = pending(control, HOUR);
    await time.settle();
    expect(second.outcome).toBeNull();
    control.command({ kind: 'resume' });
    await time.settle();
    expect(second.outcome).toBe('continue');
    expect(control.state().state).toBe('running');
    expect(writer.events.map((e) => e.kind === 'run.control' && [e.command.kind, e.effect, e.eventTime])).toEqual([
      ['pause', 'applied', null],
      ['step', 'applied', '1970-01-01T00:00:00'],
      ['resume', 'applied', '1970-01-01T01:00:00'],
    ]);
  });

  it('says when a command changes nothing, and records that too', () => {
    const { control, writer } = attached();
    expect(control.command({ kind: 'resume' })).toEqual({ command: { kind: 'resume' }, effect: 'ignored', note: 'the run is not paused' });
    expect(control.command({ kind: 'step' })).toMatchObject({ effect: 'ignored' });
    expect(writer.events.map((e) => e.kind)).toEqual(['run.control', 'run.control']);
  });

  it('stop ends a paused run at its checkpoint', async () => {
    const { time, control } = attached();
    control.command({ kind: 'pause' });
    const held = pending(control, 0);
    await time.settle();
    control.command({ kind: 'stop' });
    await time.settle();
    expect(held.outcome).toBe('stop');
    expect(control.state()).toMatchObject({ state: 'stopping', accepts: [] });
    expect(control.command({ kind: 'resume' })).toMatchObject({ effect: 'ignored', note: 'the run is stopping' });
  });

  it('records a roll back in a run without a rollout phase, and says there is nothing to roll back', () => {
    const { control, writer } = attached();
    const receipt = control.command({ kind: 'rollback', reason: 'by hand' });
    expect(receipt).toMatchObject({ effect: 'recorded' });
    expect(receipt.note).toContain('no rollout phase');
    expect(control.takeDecision()).toBeUndefined();
    expect(writer.events).toHaveLength(1);
    expect(writer.events[0]).toMatchObject({ kind: 'run.control', command: { kind: 'rollback', reason: 'by hand' }, effect: 'recorded' });
  });

  it('queues promote and roll back for the rollout phase, oldest first, with where the run was', async () => {
    const { control } = attached({ phases: ['preflight', 'rollout'] });
    await control.checkpoint(5 * HOUR);
    expect(control.command({ kind: 'promote' })).toMatchObject({ effect: 'queued' });
    expect(control.command({ kind: 'rollback' })).toMatchObject({ effect: 'queued' });
    expect(control.takeDecision()).toEqual({ kind: 'promote', reason: null, eventTime: 5 * HOUR });
    expect(control.takeDecision()).toEqual({ kind: 'rollback', reason: null, eventTime: 5 * HOUR });
    control.enterPhase('rollout');
    control.leavePhase('rollout');
    expect(control.command({ kind: 'rollback' })).toMatchObject({ effect: 'recorded' });
  });

  it('keeps commands given before the run started and records them when it does; ignores them after the end', () => {
    const time = virtualTime();
    const writer = memoryWriter();
    const control = new RunControl(time.clock, time.scheduler);
    expect(control.state().state).toBe('starting');
    expect(control.command({ kind: 'pause' })).toMatchObject({ effect: 'queued' });
    control.attach(new EventLog(time.clock, [writer]), ['score']);
    expect(writer.events).toMatchObject([{ kind: 'run.control', command: { kind: 'pause' }, effect: 'applied' }]);
    control.finish();
    expect(control.command({ kind: 'resume' })).toMatchObject({ effect: 'ignored', note: 'the run has finished' });
    expect(writer.events).toHaveLength(1);
    expect(control.state()).toEqual({ state: 'finished', speed: 'max', phase: null, accepts: [] });
  });
});

describe('run control in the spine', () => {
  const parsed = parseScenarioText(
    'name: controlled\nmodels:\n  blue:\n    path: blue\n    inputs: [a]\nsnapshots:\n  production:\n    path: s\n    timestamp: t\n    label: y\n',
    's.yaml',
  );
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.issues));
  }
  const file = { path: '/s.yaml', scenario: parsed.scenario };
  const values = Array.from({ length: 12 }, (_, i) => i / 12);
  const labels = values.map((_, i) => i % 2);

  it('a paused run scores one chunk per step, progress says how far, and resume finishes it', async () => {
    const time = virtualTime();
    const writer = memoryWriter();
    const control = new RunControl(time.clock, time.scheduler);
    control.command({ kind: 'pause' });
    const env = memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1] } }), chunkedSnapshotStore(values, labels, 4), { clock: time.clock });
    const done = rehearse({
      file,
      ports: env.ports,
      options: { ...env.options, notices: ['backend "docker" chosen: not in this version'] },
      log: new EventLog(time.clock, [writer]),
      control,
    });
    await time.settle();
    // Held before the first phase.
    expect(writer.events.map((e) => e.kind)).toEqual(['run.started', 'notice', 'run.control', 'run.backends']);
    // No load: nothing wants Docker, so no engine was asked, and production's lock is the embedded backend's.
    expect(writer.events.at(-1)).toMatchObject({ kind: 'run.backends', docker: null, profiles: [], serving: 'embedded' });
    control.command({ kind: 'step' }); // preflight
    await time.settle();
    control.command({ kind: 'step' }); // into score
    await time.settle();
    control.command({ kind: 'step' }); // the first chunk of four rows
    await time.settle();
    const scored = () => writer.events.filter((e) => e.kind === 'progress').map((e) => e.kind === 'progress' && e.done);
    expect(scored()).toEqual([0, 4]);
    control.command({ kind: 'step' });
    await time.settle();
    expect(scored()).toEqual([0, 4, 8]);
    control.command({ kind: 'resume' });
    const outcome = await done;
    expect(outcome.verdict).toBe('NOT READY');
    expect(scored()).toEqual([0, 4, 8, 12]);
    const first = writer.events.find((e): e is Extract<RunEvent, { kind: 'progress' }> => e.kind === 'progress')!;
    expect(first).toMatchObject({
      task: 'score.production',
      phase: 'score',
      total: 12,
      unit: 'rows',
      range: { from: '2001-03-01T00:00:00', to: '2001-03-01T11:00:00' },
    });
    expect(writer.events.find((e) => e.kind === 'score.summary')).toMatchObject({ n: 12 });
    expect(control.state().state).toBe('finished');
  });

  it('stop from the app ends the run with its verdict and the report still derivable', async () => {
    const time = virtualTime();
    const writer = memoryWriter();
    const control = new RunControl(time.clock, time.scheduler);
    control.command({ kind: 'pause' });
    const env = memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1] } }), chunkedSnapshotStore(values, labels, 4), { clock: time.clock });
    const done = rehearse({ file: file, ...env, log: new EventLog(time.clock, [writer]), control });
    await time.settle();
    control.command({ kind: 'stop' });
    await done;
    expect(writer.events.filter((e) => e.kind === 'phase.finished').map((e) => e.kind === 'phase.finished' && e.message)).toEqual(['stopped', 'stopped']);
    expect(writer.events.at(-1)).toMatchObject({ kind: 'run.finished', verdict: 'NOT READY' });
  });
});
