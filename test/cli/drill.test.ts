/**
 * `rehearse drill` on real logs: the built CLI runs the built-in shift-scale scenario
 * (real ORT, real DuckDB; about 5 s) and the smoke scenario, then replays each log to a drill's
 * stops, headless from an answers file and on the terminal (answers piped to stdin).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DrillScorecard } from '../../src-main/contract/drill';
import type { EventOfKind, RunEvent } from '../../src-main/contract/events';
import { brokenLog } from '../support/brokenLogs';
import { REHEARSE, rehearse, runEvents } from '../support/cli';
import { ROOT, SMOKE, tempDir } from '../support/paths';
import { activeContent, parseHtml } from '../support/reportFiles';

const SHIFT_SCALE = join(ROOT, 'scenarios/shift-scale.yaml');

let dir: string;
let shiftLog: string;
let smokeLog: string;

function answers(lines: readonly object[]): string {
  const path = join(tempDir(), 'answers.jsonl');
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n'));
  return path;
}

function card(out: string): DrillScorecard {
  return JSON.parse(readFileSync(join(out, 'drill.json'), 'utf8')) as DrillScorecard;
}

/** The smoke scenario with a drill appended, its paths made absolute so it can live elsewhere. */
function smokeWithDrill(drill: string): string {
  const text = readFileSync(SMOKE, 'utf8')
    .replace('path: smoke/', `path: ${join(ROOT, 'scenarios/smoke')}/`)
    .replace(/path: \.\.\/node_modules/g, `path: ${join(ROOT, 'node_modules')}`);
  const path = join(tempDir(), 'smoke-drill.yaml');
  writeFileSync(path, `${text}${drill}`);
  return path;
}

function ofKind<K extends RunEvent['kind']>(events: readonly RunEvent[], kind: K): EventOfKind<K>[] {
  return events.filter((e): e is EventOfKind<K> => e.kind === kind);
}

beforeAll(() => {
  dir = tempDir();
  expect(rehearse(['run', SHIFT_SCALE, '--out', join(dir, 'shift'), '--formats', 'json']).code).toBe(1);
  expect(rehearse(['run', SMOKE, '--out', join(dir, 'smoke'), '--formats', 'json']).code).not.toBe(2);
  shiftLog = join(dir, 'shift/events.jsonl');
  smokeLog = join(dir, 'smoke/events.jsonl');
});

describe('rehearse drill, headless', () => {
  it("plays the scenario's own drill (named in the log) to the same stops every time and scores the answers", () => {
    const file = answers([
      { stop: 'quiet-start', action: 'hold', seconds: 20 },
      { stop: 'distance-alert', action: 'investigate', feature: 'distance', seconds: 45 },
    ]);
    const first = rehearse(['drill', shiftLog, '--answers', file, '--out', join(dir, 'd1')]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Drill shift-scale: 2 of 2 right (0 late, 0 wrong, 0 unanswered; 0 missed rollbacks)');
    const scored = card(join(dir, 'd1'));
    const events = runEvents(join(dir, 'shift'));
    const alert = ofKind(events, 'alert.firing').find((a) => a.subject === 'distance')!;
    expect(scored.stops.map((s) => [s.stop.id, s.stop.eventTime, s.outcome, s.decisionMs])).toEqual([
      ['quiet-start', '2001-03-06T12:00:00', 'correct', 20_000],
      ['distance-alert', alert.eventTime, 'correct', 45_000],
    ]);
    expect(scored.stops[1]!.stop.seq).toBe(alert.seq);
    expect(scored.stops[1]!.stop.trigger).toBe(`layer 2 alert feature-psi (blue): ${alert.message}`);
    // The same log, the same drill: the same scorecard, byte for byte.
    expect(rehearse(['drill', shiftLog, '--answers', file, '--out', join(dir, 'd2')]).code).toBe(0);
    expect(readFileSync(join(dir, 'd2/drill.json'), 'utf8')).toBe(readFileSync(join(dir, 'd1/drill.json'), 'utf8'));
  });

  it('exits 1 when an answer is wrong or late, and prints only the scorecard under --json', () => {
    const file = answers([
      { stop: 'quiet-start', action: 'investigate', layer: 2, seconds: 5 },
      { stop: 'distance-alert', action: 'investigate', layer: 2, seconds: 600 },
    ]);
    const result = rehearse(['drill', shiftLog, '--answers', file, '--out', join(dir, 'd3'), '--json']);
    expect(result.code).toBe(1);
    const printed = JSON.parse(result.stdout) as DrillScorecard & { files: string[] };
    expect(printed.summary).toEqual({ stops: 2, correct: 0, late: 1, wrong: 1, unanswered: 0, missedRollbacks: 0 });
    expect(printed.files).toEqual([join(dir, 'd3/drill.json'), join(dir, 'd3/drill.html')]);
    expect({ ...printed, files: undefined }).toEqual({ ...card(join(dir, 'd3')), files: undefined });
  });

  it('with --speed, plays the log paced by event time to stderr before scoring', () => {
    // 3,600,000 x: an hour of event time in a millisecond.
    const result = rehearse(['drill', shiftLog, '--speed', '3600000', '--answers', answers([]), '--out', join(dir, 'd8')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('== stop 1 of 2: quiet-start');
    expect(result.stderr.indexOf('Shift injected')).toBeGreaterThan(result.stderr.indexOf('== stop 1 of 2'));
    expect(result.stderr.indexOf('Shift injected')).toBeLessThan(result.stderr.indexOf('== stop 2 of 2'));
  });

  it('measures how far the damage of a missed rollback spread, from the log after the stop', () => {
    const scenario = smokeWithDrill(`drill:
  stops:
    - id: auc
      at: { kind: alert.firing, each: true, match: { rule: label-auc } }
      question: The AUC fell below the reference's. What do you do?
      expect: { action: rollback }
      debrief: Roll back.
`);
    const result = rehearse([
      'drill',
      smokeLog,
      '--scenario',
      scenario,
      '--answers',
      answers([{ stop: 'auc-1', action: 'hold', seconds: 1 }]),
      '--out',
      join(dir, 'd4'),
    ]);
    expect(result.code).toBe(1);
    const events = runEvents(join(dir, 'smoke'));
    const fired = ofKind(events, 'alert.firing').filter((a) => a.rule === 'label-auc');
    const scored = card(join(dir, 'd4'));
    expect(scored.stops.map((s) => s.stop.id)).toEqual(fired.map((_, i) => `auc-${i + 1}`));
    expect(scored.stops.map((s) => s.stop.seq)).toEqual(fired.map((a) => a.seq));
    // Recomputed here from the log: blue's windows after the first alert until it resolved.
    const resolved = ofKind(events, 'alert.resolved').find((r) => r.rule === 'label-auc' && r.seq > fired[0]!.seq)!;
    const served = ofKind(events, 'drift.window').filter((w) => w.seq > fired[0]!.seq && w.seq < resolved.seq && w.from < resolved.to);
    const damage = scored.stops[0]!.damage!;
    expect(served.length).toBeGreaterThan(0);
    expect(damage).toMatchObject({
      source: 'replay',
      model: 'smoke-v1',
      from: served[0]!.from,
      to: served.at(-1)!.to,
      rows: served.reduce((n, w) => n + w.scored, 0),
      requests: null,
      endedBy: `the alert resolved at ${resolved.to}`,
    });
    expect(damage.labelled).toBeGreaterThan(0);
    expect(scored.summary).toMatchObject({ stops: fired.length, wrong: 1, unanswered: fired.length - 1, missedRollbacks: fired.length });
    expect(result.stdout).toContain(`missed rollback: smoke-v1 served ${damage.rows.toLocaleString('en-US')} rows`);
  });

  it('writes a self-contained drill.html with every user string escaped', () => {
    const scenario = smokeWithDrill(`drill:
  intro: "<script>alert(1)</script> on call"
  stops:
    - id: first
      at: { kind: alert.firing }
      question: "Is <img src=x onerror=alert(1)> safe?"
      expect: { action: investigate, feature: "<b>x</b>" }
      debrief: "Say \\"no\\" & move on"
`);
    rehearse([
      'drill',
      smokeLog,
      '--scenario',
      scenario,
      '--answers',
      answers([{ stop: 'first', action: 'investigate', feature: '<i>y</i>' }]),
      '--out',
      join(dir, 'd5'),
    ]);
    const html = readFileSync(join(dir, 'd5/drill.html'), 'utf8');
    expect(activeContent(html)).toEqual([]);
    expect(html).not.toMatch(/:\/\//);
    const { text } = parseHtml(html);
    expect(text).toContain('<script>alert(1)</script> on call');
    expect(text).toContain('Is <img src=x onerror=alert(1)> safe?');
    expect(text).toContain('investigate feature <i>y</i>');
    expect(text).toContain('Say "no" & move on');
    expect(text).toContain('0 of 1 right');
  });
});

describe('rehearse drill, on the terminal', () => {
  it('asks at each stop, shows only the events up to it, re-asks after a bad answer and scores', () => {
    const result = spawnSync(process.execPath, [REHEARSE, 'drill', shiftLog, '--out', join(dir, 'd6')], {
      cwd: ROOT,
      input: 'hold\nrollback\ninvestigate distance\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    const stop2 = result.stderr.indexOf('== stop 2 of 2: distance-alert');
    // Before the second stop: the shift's injection and the alert, nothing later in event time, no verdict.
    const before = result.stderr.slice(0, stop2);
    expect(before).toContain('Shift injected: scale distance');
    const times = [...before.matchAll(/^(\d{4}-\d\d-\d\dT[\d:]{8}) /gm)].map((m) => m[1]!);
    expect(times).toContain('2001-03-07T10:00:00');
    // The alert fires at the end of the shift's first window: one hour that far out is enough.
    expect(times.at(-1)).toBe('2001-03-07T11:00:00');
    expect(times.filter((t) => t > '2001-03-07T11:00:00')).toEqual([]);
    expect(before).not.toMatch(/distribution-shift: |Run finished/);
    expect(result.stderr.slice(stop2)).toContain('Run finished: NOT READY');
    expect(result.stderr).toContain('expected one of: hold, investigate <feature> | investigate layer <1-4>');
    expect(card(join(dir, 'd6')).stops.map((s) => [s.stop.id, s.answer, s.outcome])).toEqual([
      ['quiet-start', { action: 'hold' }, 'correct'],
      ['distance-alert', { action: 'investigate', feature: 'distance' }, 'correct'],
    ]);
  });

  it('leaves a stop unanswered when the input ends', () => {
    const result = spawnSync(process.execPath, [REHEARSE, 'drill', shiftLog, '--out', join(dir, 'd7')], {
      cwd: ROOT,
      input: 'hold\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(card(join(dir, 'd7')).stops.map((s) => s.outcome)).toEqual(['correct', 'unanswered']);
  });
});

describe('rehearse drill, bad input (exit 2)', () => {
  const expectBad = (args: readonly string[], message: string | RegExp) => {
    const result = rehearse(['drill', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  };

  it('names the missing log, the bad line, the missing flag', () => {
    expectBad([join(dir, 'nope.jsonl'), '--out', join(dir, 'x')], 'nope.jsonl: event log not found');
    const broken = join(tempDir(), 'broken.jsonl');
    writeFileSync(broken, `${readFileSync(shiftLog, 'utf8').split('\n').slice(0, 3).join('\n')}\n{"seq": oops}\n{"seq":5}\n`);
    expectBad([broken, '--out', join(dir, 'x')], `${broken}:4: expected one JSON event per line`);
    const layer = brokenLog(shiftLog, 'alert.firing', (e) => ({ ...e, layer: 5 }));
    expectBad([layer.path, '--out', join(dir, 'x')], `${layer.path}:${layer.line}: alert.firing: layer: expected one of: 1, 2, 3, 4`);
    expectBad([shiftLog], 'missing --out <dir>');
    expectBad([shiftLog, '--out', join(dir, 'x'), '--speed', 'fast'], '--speed: expected a number above 0');
  });

  it('names the answers line that is bad or names a stop the drill does not have', () => {
    const bad = join(tempDir(), 'answers.jsonl');
    writeFileSync(bad, '{"stop":"quiet-start","action":"hold"}\n{"stop":"quiet-start","action":"panic"}\n');
    expectBad([shiftLog, '--answers', bad, '--out', join(dir, 'x')], `${bad}:2: action: expected one of: "hold", "investigate", "rollback", "promote"`);
    const unknown = answers([
      { stop: 'quiet-start', action: 'hold' },
      { stop: 'lunch', action: 'hold' },
    ]);
    expectBad(
      [shiftLog, '--answers', unknown, '--out', join(dir, 'x')],
      `${unknown}:2: no stop "lunch" in this drill; its stops are quiet-start, distance-alert`,
    );
    const notOffered = answers([{ stop: 'quiet-start', action: 'promote' }]);
    expectBad([shiftLog, '--answers', notOffered, '--out', join(dir, 'x')], `${notOffered}:1: stop "quiet-start" offers hold, investigate, not "promote"`);
  });

  it('refuses a drill written for another run, and a scenario without a drill', () => {
    expectBad(
      [smokeLog, '--scenario', SHIFT_SCALE, '--answers', answers([]), '--out', join(dir, 'x')],
      /the drill in .*shift-scale.yaml does not match this log: drill stop "distance-alert": the log has no a "alert.firing" event with \{"subject":"distance"\}/,
    );
    expectBad([smokeLog, '--answers', answers([]), '--out', join(dir, 'x')], /smoke.yaml: the scenario has no drill section/);
  });
});
