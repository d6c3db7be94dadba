/** Drills: the section, the stops, the player that never shows the future, the scorecard. */
import { describe, expect, it } from 'vitest';
import { parseAnswerLines } from '../../../src-main/engine/common/drill/answerLines';
import { DrillPlayer } from '../../../src-main/engine/common/drill/drillPlayer';
import { DrillSession } from '../../../src-main/engine/common/drill/drillSession';
import { DrillMismatch, planStops } from '../../../src-main/engine/common/drill/drillStops';
import { playRecorded } from '../../../src-main/engine/common/drill/recordedSession';
import { normalizedAnswer, parseTypedAnswer } from '../../../src-main/engine/common/drill/typedAnswer';
import { parseScenarioText } from '../../../src-main/engine/common/scenario/parse';
import { drillLog, drillOf, logOf, SCENARIO } from './drillLog';

const DRILL = `drill:
  intro: You are on call.
  timeAllowed: 1m
  stops:
    - id: drift
      at: { kind: alert.firing, match: { subject: distance } }
      question: Distance drifted. What now?
      expect: { action: investigate, feature: distance }
      debrief: Look at distance first.
    - id: day-one
      at: { kind: rollout.step, match: { index: 1 } }
      question: Green served a day at 10%. Go on?
      options: [hold, rollback, promote]
      expect: { action: hold }
      timeAllowed: 30s
      debrief: Nothing failed yet; labels were not in.
    - id: worse
      at: { kind: rollout.step, nth: 2 }
      question: Green's AUC is below blue's. What now?
      expect: { action: rollback }
      debrief: Roll back; the outcome gate did.
`;

function issuesOf(yaml: string) {
  const parsed = parseScenarioText(`${SCENARIO}${yaml}`, 'drill.yaml');
  return parsed.ok ? [] : parsed.issues;
}

describe('the drill section', () => {
  it('reads stops, options, expected answers and times, with defaults', () => {
    const drill = drillOf(DRILL);
    expect(drill.timeAllowed).toBe(60_000);
    expect(drill.stops.map((s) => [s.id, s.timeAllowed ?? null, s.options ?? null])).toEqual([
      ['drift', null, null],
      ['day-one', 30_000, ['hold', 'rollback', 'promote']],
      ['worse', null, null],
    ]);
  });

  it('names the line and field of each problem', () => {
    const bad = issuesOf(`drill:
  stops:
    - id: a
      at: { kind: alert.firing, seq: 3 }
      question: q
      expect: { action: rollback, feature: distance }
      debrief: d
    - id: a
      at: { eventTime: 2001-13-01 }
      question: q
      options: [hold, rollback]
      expect: { action: promote }
      debrief: d
`);
    // The scenario above the drill is 9 lines: the drill starts on line 10.
    expect(bad.map((i) => [i.line, i.path, i.message])).toEqual([
      [13, 'drill.stops[0].at', 'expected exactly one of kind, seq, eventTime, got kind and seq'],
      [15, 'drill.stops[0].expect', 'only "investigate" takes a layer or a feature, not "rollback"'],
      [18, 'drill.stops[1].at.eventTime', 'expected an event time such as 2001-03-01 or 2001-03-01T06:00:00, got "2001-13-01"'],
      [21, 'drill.stops[1].expect', 'expects "promote", which options does not offer'],
      [17, 'drill.stops[1].id', 'duplicate stop id "a"'],
    ]);
  });

  it('refuses unknown keys and an empty list of stops', () => {
    expect(issuesOf('drill:\n  stops: []\n').map((i) => [i.path, i.message])).toEqual([['drill.stops', 'expected at least 1 items']]);
    expect(issuesOf('drill:\n  stop: []\n').map((i) => i.message)).toEqual([
      'missing; expected array',
      'unknown key "stop"; expected one of: intro, timeAllowed, stops',
    ]);
  });
});

describe('the stops', () => {
  it('are the same every time, ordered by the log, with each: true making one stop per event', () => {
    const drill = drillOf(`${DRILL}    - id: each-window
      at: { kind: drift.window, each: true, match: { from: "2001-03-01T04:00:00" } }
      question: q
      expect: { action: hold }
      debrief: d
    - id: noon
      at: { eventTime: 2001-03-01T05:30:00 }
      question: q
      expect: { action: hold }
      debrief: d
    - id: by-seq
      at: { seq: 2 }
      question: q
      expect: { action: hold }
      debrief: d
`);
    const first = planStops(drillLog(), drill).map((p) => [p.stop.id, p.stop.seq, p.stop.eventTime]);
    expect(first).toEqual([
      ['by-seq', 2, '2001-03-01T01:00:00'],
      ['drift', 5, '2001-03-01T03:00:00'],
      ['each-window-1', 7, '2001-03-01T05:00:00'],
      // The last event before the log passes 05:30 is the alert's resolution (seq 9, at 05:00).
      ['noon', 9, '2001-03-01T05:00:00'],
      ['day-one', 12, '2001-03-02T00:00:00'],
      ['worse', 13, '2001-03-03T00:00:00'],
    ]);
    expect(planStops(drillLog(), drill).map((p) => [p.stop.id, p.stop.seq, p.stop.eventTime])).toEqual(first);
    expect(planStops(drillLog(), drill).find((p) => p.stop.id === 'drift')!.stop.trigger).toBe(
      'layer 2 alert feature-psi (blue): distance: PSI 0.400 (threshold 0.250)',
    );
  });

  it('refuse a log the drill was not written for, naming the stop', () => {
    const drill = drillOf(DRILL.replace('subject: distance', 'subject: origin'));
    expect(() => planStops(drillLog(), drill)).toThrow(DrillMismatch);
    expect(() => planStops(drillLog(), drill)).toThrow('drill stop "drift": the log has no a "alert.firing" event with {"subject":"origin"}');
    expect(() => planStops(drillLog(), drillOf(DRILL.replace('nth: 2', 'nth: 3')))).toThrow(
      'drill stop "worse": expected at least 3 of a "rollout.step" event, the log has 2',
    );
  });
});

describe('the player', () => {
  it('shows no event after a stop before the stop is answered', () => {
    const events = drillLog();
    const player = new DrillPlayer(events, drillOf(DRILL));
    const seen: number[] = [];
    for (let position = player.position; position.at === 'stop'; position = player.position) {
      const visible = player.visibleEvents();
      seen.push(position.stop.seq);
      expect(Math.max(...visible.map((e) => e.seq))).toBe(position.stop.seq);
      expect(visible.every((e) => e.seq <= position.stop.seq)).toBe(true);
      expect(visible.map((e) => e.seq)).toEqual(events.slice(0, position.stop.seq).map((e) => e.seq));
      expect(player.visibleSeq).toBe(position.stop.seq);
      player.answer(position.stop.id, { action: 'hold' }, 1000);
    }
    expect(seen).toEqual([5, 12, 13]);
    expect(player.visibleEvents()).toHaveLength(events.length);
  });

  it('takes answers only for the stop it stands at, among its options', () => {
    const player = new DrillPlayer(drillLog(), drillOf(DRILL));
    expect(() => player.answer('worse', { action: 'rollback' }, 1)).toThrow('expected an answer for stop "drift", got one for "worse"');
    expect(player.answer('drift', { action: 'investigate', feature: 'distance' }, 1)).toBe('Look at distance first.');
    expect(() => player.answer('day-one', { action: 'investigate', layer: 2 }, 1)).toThrow('stop "day-one" offers hold, rollback, promote, not "investigate"');
    expect(player.visibleSeq).toBe(12);
  });
});

describe('the scorecard', () => {
  it('scores each stop against the expected answer and the time allowed', () => {
    const player = new DrillPlayer(drillLog(), drillOf(DRILL));
    player.answer('drift', { action: 'investigate', layer: 2 }, 5_000);
    player.answer('day-one', { action: 'hold' }, 45_000);
    player.answer('worse', { action: 'rollback' }, 10_000);
    const card = player.scorecard();
    expect(card.stops.map((s) => [s.stop.id, s.outcome, s.decisionMs, s.damage])).toEqual([
      // Layer 2 is not the feature the drill expects.
      ['drift', 'wrong', 5_000, null],
      // Right, but 45 s against the stop's 30 s.
      ['day-one', 'late', 45_000, null],
      ['worse', 'correct', 10_000, null],
    ]);
    expect(card.summary).toEqual({ stops: 3, correct: 1, late: 1, wrong: 1, unanswered: 0, missedRollbacks: 0 });
    expect(card).toMatchObject({ schemaVersion: 1, runId: 'run-1', scenario: { name: 'drill-test', path: '/s.yaml' }, intro: 'You are on call.' });
  });

  it("for a missed rollback in a rollout, counts green's share of the later steps until the abort", () => {
    // Expect a rollback after green's first day: the second step's 25% of 2,000 rows and its 30 requests follow.
    const drill = drillOf(DRILL.replace('expect: { action: hold }', 'expect: { action: rollback }'));
    const player = new DrillPlayer(drillLog(), drill);
    player.answer('drift', { action: 'investigate', feature: 'distance' }, null);
    player.answer('day-one', { action: 'promote' }, 2_000);
    const card = player.scorecard();
    expect(card.stops[1]!.damage).toEqual({
      source: 'rollout',
      model: 'green',
      from: '2001-03-02T00:00:00',
      to: '2001-03-03T00:00:00',
      rows: 500,
      requests: 30,
      aucGap: 0.63 - 0.57,
      labelled: 500,
      endedBy: 'rollout aborted (gate): businessOutcome failed',
    });
    // The last stop was never reached: unanswered, and a missed rollback too.
    expect(card.stops[2]).toMatchObject({ outcome: 'unanswered', answer: null, damage: { rows: 0, requests: 0 } });
    expect(card.summary).toMatchObject({ correct: 1, wrong: 1, unanswered: 1, missedRollbacks: 2 });
  });

  it('for a missed rollback in a replay, counts the rows the alerting model scored until the alert resolved', () => {
    const drill = drillOf(DRILL.replace('expect: { action: investigate, feature: distance }', 'expect: [{ action: rollback }, { action: investigate }]'));
    const player = new DrillPlayer(drillLog(), drill);
    player.answer('drift', { action: 'hold' }, 1_000);
    const damage = player.scorecard().stops[0]!.damage;
    // The alert resolved at 04:00 (the 04h window did not hold): only the 03h window's 120 rows count; its labels show AUC 0.6 against 0.7.
    expect(damage).toEqual({
      source: 'replay',
      model: 'blue-v1',
      from: '2001-03-01T03:00:00',
      to: '2001-03-01T04:00:00',
      rows: 120,
      requests: null,
      aucGap: expect.closeTo(0.1, 12),
      labelled: 120,
      endedBy: 'the alert resolved at 2001-03-01T04:00:00',
    });
  });
});

describe('an answers file', () => {
  it('plays headless: named stops answered, the others left unanswered', () => {
    const answers = parseAnswerLines(
      '{"stop":"worse","action":"rollback","seconds":4.5}\n\n{"stop":"drift","action":"investigate","feature":"distance"}\n',
      'a.jsonl',
    );
    const card = playRecorded(new DrillPlayer(drillLog(), drillOf(DRILL)), answers, 'a.jsonl');
    expect(card.stops.map((s) => [s.stop.id, s.outcome, s.decisionMs])).toEqual([
      ['drift', 'correct', null],
      ['day-one', 'unanswered', null],
      ['worse', 'correct', 4_500],
    ]);
  });

  it('names the line of a bad answer', () => {
    expect(() => parseAnswerLines('{"stop":"a","action":"hold"}\n{oops\n', 'a.jsonl')).toThrow('a.jsonl:2: expected one JSON object a line');
    expect(() => parseAnswerLines('{"stop":"a","action":"panic"}\n', 'a.jsonl')).toThrow(
      'a.jsonl:1: action: expected one of: "hold", "investigate", "rollback", "promote"',
    );
    expect(() => parseAnswerLines('{"stop":"a","action":"rollback","layer":2}\n', 'a.jsonl')).toThrow(
      'a.jsonl:1: only "investigate" takes a layer or a feature, not "rollback"',
    );
    expect(() => parseAnswerLines('{"action":"hold"}\n', 'a.jsonl')).toThrow('a.jsonl:1: stop: missing; expected string');
    const player = new DrillPlayer(drillLog(), drillOf(DRILL));
    expect(() => playRecorded(player, parseAnswerLines('{"stop":"drift","action":"hold"}\n{"stop":"nope","action":"hold"}\n', 'a.jsonl'), 'a.jsonl')).toThrow(
      'a.jsonl:2: no stop "nope" in this drill; its stops are drift, day-one, worse',
    );
    expect(() => playRecorded(player, parseAnswerLines('{"stop":"drift","action":"hold"}\n{"stop":"drift","action":"hold"}\n', 'a.jsonl'), 'a.jsonl')).toThrow(
      'a.jsonl:2: stop "drift" was already answered on line 1',
    );
  });
});

describe('an answer typed at the terminal', () => {
  const ALL = ['hold', 'investigate', 'rollback', 'promote'] as const;
  it('reads actions, their first letters, a feature or a layer', () => {
    expect(['hold', 'R', 'roll back', 'p', 'investigate distance', 'i layer 2', 'investigate L4', 'investigate'].map((t) => parseTypedAnswer(t, ALL))).toEqual([
      { ok: true, answer: { action: 'hold' } },
      { ok: true, answer: { action: 'rollback' } },
      { ok: true, answer: { action: 'rollback' } },
      { ok: true, answer: { action: 'promote' } },
      { ok: true, answer: { action: 'investigate', feature: 'distance' } },
      { ok: true, answer: { action: 'investigate', layer: 2 } },
      { ok: true, answer: { action: 'investigate', layer: 4 } },
      { ok: true, answer: { action: 'investigate' } },
    ]);
  });
  it("reads the app's investigate box the same way: a layer by its number, anything else a feature", () => {
    expect(['layer 2', 'L2', '2', ' distance '].map((text) => normalizedAnswer({ action: 'investigate', feature: text }))).toEqual([
      { action: 'investigate', layer: 2 },
      { action: 'investigate', layer: 2 },
      { action: 'investigate', layer: 2 },
      { action: 'investigate', feature: 'distance' },
    ]);
    expect(normalizedAnswer({ action: 'hold' })).toEqual({ action: 'hold' });
  });
  it('says what is expected otherwise', () => {
    expect(parseTypedAnswer('promote', ['hold', 'investigate'])).toEqual({
      ok: false,
      problem: 'expected one of: hold, investigate <feature> | investigate layer <1-4>',
    });
    expect(parseTypedAnswer('hold on', ALL)).toEqual({ ok: false, problem: '"hold" takes nothing after it' });
    expect(parseTypedAnswer('investigate layer 9', ALL)).toEqual({
      ok: false,
      problem: 'investigate one feature (investigate distance) or one layer (investigate layer 2)',
    });
  });
});

describe('a drill in the app (the session behind RehearsalApi)', () => {
  it('sends no event past the current stop, even when asked for more, and times each answer', () => {
    let now = 0;
    const clock = { now: () => now, monotonic: () => now };
    const session = new DrillSession('d-1', drillLog(), drillOf(DRILL), '/runs/r', clock);
    expect(session.state()).toMatchObject({ stops: 3, answered: 0, stop: { id: 'drift', seq: 5 }, visibleSeq: 5, last: null, scorecard: null });
    const view = session.view({ untilSeq: 15 });
    expect(view.lastSeq).toBe(5);
    // The alert lane shows the firing alert and nothing of its resolution (seq 9).
    expect(view.lanes.alerts).toMatchObject({ measured: true, data: { alerts: [{ layer: 2, rule: 'feature-psi blue distance', to: null }] } });
    expect(view.activity.every((a) => a.seq <= 5)).toBe(true);
    expect(session.view({ untilSeq: 3 }).lastSeq).toBe(3);
    now += 7_000;
    const next = session.answer({ action: 'investigate', feature: 'distance' });
    expect(next).toMatchObject({
      answered: 1,
      stop: { id: 'day-one' },
      visibleSeq: 12,
      last: { outcome: 'correct', decisionMs: 7_000, debrief: 'Look at distance first.' },
      scorecard: null,
    });
    expect(session.view().lastSeq).toBe(12);
    now += 1_000;
    session.answer({ action: 'hold' });
    now += 2_000;
    const end = session.answer(null);
    expect(end).toMatchObject({ answered: 3, stop: null, visibleSeq: 15, scorecard: { summary: { correct: 2, unanswered: 1, missedRollbacks: 1 } } });
    expect(end.scorecard!.stops.map((s) => s.decisionMs)).toEqual([7_000, 1_000, 2_000]);
    expect(() => session.answer({ action: 'hold' })).toThrow('the drill has ended');
  });
});

describe('what a stop shows of a shift', () => {
  it("hides a shift's planned end until the drill has passed it", () => {
    const events = logOf([
      [
        null,
        {
          kind: 'run.started',
          runId: 'r',
          scenario: { name: 's', path: '/s.yaml', description: '' },
          phases: ['replay'],
          enabledChecks: [],
          machine: { platform: 't', arch: 'x64', cpus: 2, cpuModel: 't', memoryBytes: 1, node: 'v20' },
          versions: {},
        },
      ],
      [
        '2001-03-01T10:00:00',
        {
          kind: 'shift.injected',
          index: 0,
          name: 'scale distance',
          operator: 'scale',
          targets: ['distance'],
          from: '2001-03-01T10:00:00',
          to: '2001-03-02T18:00:00',
          onset: 'sudden',
        },
      ],
      ['2001-03-01T12:00:00', { kind: 'notice', level: 'info', message: 'noon' }],
      ['2001-03-03T00:00:00', { kind: 'notice', level: 'info', message: 'later' }],
    ]);
    const drill = drillOf(`drill:
  stops:
    - { id: noon, at: { seq: 3 }, question: q, expect: { action: hold }, debrief: d }
    - { id: later, at: { seq: 4 }, question: q, expect: { action: hold }, debrief: d }
`);
    const player = new DrillPlayer(events, drill);
    expect(player.visibleEvents()[1]).toMatchObject({ kind: 'shift.injected', to: null });
    player.answer('noon', { action: 'hold' }, null);
    expect(player.visibleEvents()[1]).toMatchObject({ kind: 'shift.injected', to: '2001-03-02T18:00:00' });
  });
});
