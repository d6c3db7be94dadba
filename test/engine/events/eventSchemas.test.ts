/**
 * Every event kind against its schema, on one real event of each kind (taken from real runs:
 * test/fixtures/events/one-of-each-kind.jsonl): it passes as written; every field of it, however
 * deep, given a value of the wrong type fails naming that field; every field removed fails unless
 * the contract makes it optional; a field the contract lacks fails naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_BODIES, EVENT_KINDS, checkEvent } from '../../../src-main/engine/common/events/runEvent';
import { formatPath } from '../../../src-main/engine/common/validation/zodIssue';
import { ROOT } from '../../support/paths';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type EventJson = { [key: string]: Json } & { kind: string };

const REAL: readonly EventJson[] = readFileSync(join(ROOT, 'test/fixtures/events/one-of-each-kind.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as EventJson);

function realEvent(kind: string): EventJson {
  return REAL.find((e) => e.kind === kind)!;
}

/** Every path to a primitive value in the event (the first item of each list), envelope and kind left out. */
function leafPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.length === 0 ? [] : leafPaths(value[0]!, [...path, 0]);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      path.length === 0 && ['seq', 'eventTime', 'wallTime', 'kind'].includes(key) ? [] : leafPaths(inner, [...path, key]),
    );
  }
  return [path];
}

/** A copy with the value at `path` replaced (or removed, for undefined). */
function edited(event: EventJson, path: readonly (string | number)[], value: Json | undefined): EventJson {
  const copy = structuredClone(event);
  let at: Json = copy;
  for (const part of path.slice(0, -1)) {
    at = (at as Record<string | number, Json>)[part]!;
  }
  const last = path.at(-1)!;
  if (value === undefined) {
    delete (at as Record<string | number, Json>)[last];
  } else {
    (at as Record<string | number, Json>)[last] = value;
  }
  return copy;
}

function problemOf(value: unknown): string {
  const result = checkEvent(value);
  return result.ok ? 'accepted' : result.problem;
}

describe('the event schemas', () => {
  it('cover every kind of the contract, and the fixture has one real event of each', () => {
    expect(EVENT_KINDS).toHaveLength(52);
    expect(REAL.map((e) => e.kind).sort()).toEqual([...EVENT_KINDS].sort());
  });

  it.each(EVENT_KINDS)('%s: a real event passes', (kind) => {
    expect(checkEvent(realEvent(kind))).toEqual({ ok: true, event: realEvent(kind) });
  });

  it.each(EVENT_KINDS)('%s: a value of the wrong type in any field fails naming that field', (kind) => {
    const event = realEvent(kind);
    const paths = leafPaths(event);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      // No field of the contract holds an object where a primitive is, so an object is always wrong.
      const problem = problemOf(edited(event, path, { wrong: true }));
      expect(problem, formatPath(path)).toMatch(new RegExp(`^${escaped(`${kind}: ${formatPath(path)}`)}[:.\\[]`));
    }
  });

  it.each(EVENT_KINDS)('%s: a field removed fails naming it, unless the contract makes it optional', (kind) => {
    const event = realEvent(kind);
    const shape = EVENT_BODIES[kind as keyof typeof EVENT_BODIES].shape;
    for (const key of Object.keys(event).filter((k) => k !== 'kind')) {
      const problem = problemOf(edited(event, [key], undefined));
      const optional = key in shape && shape[key]!.safeParse(undefined).success;
      expect(problem, key).toMatch(optional ? /^accepted$/ : new RegExp(`^${escaped(`${kind}: ${key}: missing; expected`)}`));
    }
  });

  it.each(EVENT_KINDS)('%s: a field the contract does not have fails naming it', (kind) => {
    expect(problemOf({ ...realEvent(kind), colour: 'chartreuse' })).toBe(
      `${kind}: colour: not a field of this event (extra fields are refused: the log is Rehearsal's own format)`,
    );
  });

  it('names the field and what was expected, in words, and never the value', () => {
    const check = realEvent('check.resolved');
    expect(problemOf({ ...check, check: { ...(check['check'] as object), status: 'GREEN' } })).toBe(
      'check.resolved: check.status: expected one of: "PASS", "WARN", "FAIL", "ERROR", "NOT RUN"',
    );
    const step = realEvent('rollout.step') as EventJson & { sides: { green: Record<string, Json> } };
    expect(problemOf({ ...step, sides: { ...step.sides, green: { ...step.sides.green, p99Ms: '12 ms' } } })).toBe(
      'rollout.step: sides.green.p99Ms: expected number, got string',
    );
    expect(problemOf({ ...realEvent('alert.firing'), layer: 5 })).toBe('alert.firing: layer: expected one of: 1, 2, 3, 4');
    expect(problemOf({ ...realEvent('run.control'), command: { kind: 'panic' } })).toMatch(/^run\.control: command\.kind: /);
    expect(problemOf({ ...realEvent('drift.window'), from: 'Thursday' })).toBe('drift.window: from: expected an ISO time like 2001-03-01T06:00:00');
    expect(problemOf({ ...realEvent('score.summary'), quantiles: { p50: 'half' } })).toBe('score.summary: quantiles.p50: expected number, got string');
  });

  it('checks the envelope: seq a positive integer, eventTime an ISO time or null, wallTime an ISO UTC time', () => {
    const event = realEvent('notice');
    expect(problemOf({ ...event, seq: 0 })).toBe('notice: seq: expected more than 0');
    expect(problemOf({ ...event, seq: 1.5 })).toMatch(/^notice: seq: /);
    expect(problemOf({ ...event, eventTime: '2001-03-01T06:00:00' })).toBe('accepted');
    expect(problemOf({ ...event, eventTime: 'yesterday' })).toBe('notice: eventTime: expected an ISO time like 2001-03-01T06:00:00');
    expect(problemOf({ ...event, wallTime: 'now' })).toMatch(/^notice: wallTime: /);
  });

  it('refuses an unknown kind, a missing kind and a line that is not an object, without echoing them', () => {
    const unknown = problemOf({ ...realEvent('notice'), kind: 'notice.shouted' });
    expect(unknown).toBe(`kind: not an event kind of this version; expected one of: ${EVENT_KINDS.join(', ')}`);
    expect(unknown).not.toContain('shouted');
    const { kind: _, ...noKind } = realEvent('notice');
    expect(problemOf(noKind)).toBe('kind: missing; expected the event\'s kind as a string, e.g. "run.started"');
    expect(problemOf({ ...noKind, kind: 7 })).toBe('kind: expected the event\'s kind as a string, e.g. "run.started"');
    for (const line of [null, [1, 2], 'run.started', 3]) {
      expect(problemOf(line)).toBe('expected an event: a JSON object with seq, eventTime, wallTime and kind');
    }
  });
});

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
