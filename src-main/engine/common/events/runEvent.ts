/**
 * The schema of a line of events.jsonl: the envelope and the body of its kind, checked together.
 * Every door that reads a log (report, drill, the app) checks each line with `checkEvent`, so a
 * malformed body is refused where it is read, naming its field, instead of breaking a view later.
 *
 * Decisions: unknown kinds are refused; unknown fields are refused too (the log is Rehearsal's
 * own format, so an extra field is a writer bug or an edited file). There is one schema, the
 * contract as it is now: a log written by an earlier version is read when it fits it (fields
 * added since were added as optional), and refused, naming the field, when it does not.
 */
import { z } from 'zod';
import type { EventEnvelope, RunEvent, RunEventBody } from '../../../contract/events';
import { formatPath, describeIssue } from '../validation/zodIssue';
import { agree, type Output } from './agreement';
import { CHECK_EVENTS } from './checks';
import { CONTROL_EVENTS } from './control';
import { DEPENDENCY_EVENTS } from './dependencies';
import { DRIFT_EVENTS } from './drift';
import { FEATURE_EVENTS } from './features';
import { timeText } from './fields';
import { MODEL_EVENTS } from './models';
import { MONITORING_EVENTS } from './monitoring';
import { PROFILE_EVENTS } from './profiles';
import { PROGRESS_EVENTS } from './progress';
import { ROLLOUT_EVENTS } from './rollout';
import { RUN_EVENTS } from './run';
import { SCORE_EVENTS } from './score';
import { SERVER_EVENTS } from './server';
import { SNAPSHOT_EVENTS } from './snapshots';

/** The fields every event carries, first on its line. */
const ENVELOPE = {
  seq: z.number().int().positive(),
  eventTime: timeText.nullable(),
  wallTime: z.iso.datetime(),
};

/** The body schema of every kind; a kind of the contract without a schema here does not compile. */
export const EVENT_BODIES: { readonly [K in RunEventBody['kind']]: z.ZodObject } = {
  ...RUN_EVENTS,
  ...CHECK_EVENTS,
  ...CONTROL_EVENTS,
  ...PROGRESS_EVENTS,
  ...MODEL_EVENTS,
  ...SNAPSHOT_EVENTS,
  ...SCORE_EVENTS,
  ...SERVER_EVENTS,
  ...DEPENDENCY_EVENTS,
  ...FEATURE_EVENTS,
  ...DRIFT_EVENTS,
  ...MONITORING_EVENTS,
  ...PROFILE_EVENTS,
  ...ROLLOUT_EVENTS,
};

/** Each kind's whole line: its envelope and body in one strict object. */
const LINES = new Map<string, z.ZodObject>(Object.entries(EVENT_BODIES).map(([kind, body]) => [kind, body.extend(ENVELOPE)]));

/** Every kind a log may hold, in the order the contract lists them. */
export const EVENT_KINDS: readonly string[] = Object.keys(EVENT_BODIES);

/** A line's value checked: the event, or what is wrong with it (field path and what was expected, never the value). */
export type EventCheck = { readonly ok: true; readonly event: RunEvent } | { readonly ok: false; readonly problem: string };

/** Checks one parsed line of a log against the envelope and the schema of its kind. */
export function checkEvent(value: unknown): EventCheck {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: 'expected an event: a JSON object with seq, eventTime, wallTime and kind' };
  }
  const kind: unknown = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string') {
    return { ok: false, problem: `kind: ${kind === undefined ? 'missing; expected' : 'expected'} the event's kind as a string, e.g. "run.started"` };
  }
  const line = LINES.get(kind);
  if (line === undefined) {
    return { ok: false, problem: `kind: not an event kind of this version; expected one of: ${EVENT_KINDS.join(', ')}` };
  }
  const result = line.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, problem: `${kind}: ${issueText(issue, value)}` };
  }
  // The value as parsed, not zod's copy: same fields (strict, no transforms), and nothing frozen.
  return { ok: true, event: value as RunEvent };
}

/** `check.status: expected one of ...`; an absent field says `missing`; an extra field is named by its own path. */
function issueText(issue: z.core.$ZodIssue, line: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const fields = issue.keys.map((key) => formatPath([...issue.path, key]));
    return `${fields.join(', ')}: not a field of this event (extra fields are refused: the log is Rehearsal's own format)`;
  }
  const described = describeIssue(issue);
  const expected = valueAt(line, issue.path) === undefined && !described.startsWith('missing') ? `missing; ${described}` : described;
  const path = formatPath(issue.path);
  return path === '' ? expected : `${path}: ${expected}`;
}

/** The value at a zod issue's path in the parsed line, or undefined where there is none. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), value);
}

agree<Output<z.ZodObject<typeof ENVELOPE>>, EventEnvelope>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
