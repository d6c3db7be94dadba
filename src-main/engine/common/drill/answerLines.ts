/**
 * An answers file: one JSON object a line, `{"stop": "first-alert", "action": "investigate",
 * "feature": "distance", "seconds": 12}`. For tests and for scoring a recorded session headless.
 * `seconds` (the decision time) may be left out: the stop is then scored untimed. `"action": null`
 * records a stop left unanswered. Pure: the caller reads the file.
 */
import { z } from 'zod';
import type { DrillAnswer } from '../../../contract/drill';
import { InputError } from '../run/inputError';
import { describeIssue, formatPath } from '../validation/zodIssue';
import { drillAnswer } from '../scenario/sections/drill';

/** One line of an answers file. */
export interface RecordedAnswer {
  readonly stop: string;
  readonly answer: DrillAnswer | null;
  readonly decisionMs: number | null;
  /** 1-based line in the file. */
  readonly line: number;
}

const answerLine = z.looseObject({ stop: z.string().min(1), seconds: z.number().finite().min(0).optional(), action: z.unknown() }).transform((value, ctx) => {
  const { stop, seconds, ...rest } = value;
  if (rest.action === null) {
    if (Object.keys(rest).length > 1) {
      ctx.addIssue({ code: 'custom', message: 'an unanswered stop ("action": null) takes no layer or feature' });
    }
    return { stop, answer: null, seconds };
  }
  const answer = drillAnswer.safeParse(rest);
  if (!answer.success) {
    for (const issue of answer.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'), message: describeIssue(issue) });
    }
    return z.NEVER;
  }
  return { stop, answer: answer.data as DrillAnswer, seconds };
});

/** Parses every line; a bad one is an InputError naming `file:line` and the field. */
export function parseAnswerLines(text: string, file: string): RecordedAnswer[] {
  const answers: RecordedAnswer[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') {
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new InputError(`${file}:${index + 1}`, 'expected one JSON object a line, such as {"stop": "first-alert", "action": "rollback", "seconds": 12}');
    }
    const parsed = answerLine.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = formatPath(issue.path);
      throw new InputError(`${file}:${index + 1}`, `${field === '' ? '' : `${field}: `}${describeIssue(issue)}`);
    }
    const { stop, answer, seconds } = parsed.data;
    answers.push({ stop, answer, decisionMs: seconds === undefined ? null : Math.round(seconds * 1000), line: index + 1 });
  });
  return answers;
}
