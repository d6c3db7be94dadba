/**
 * An answer typed at the terminal: `hold`, `rollback` (or `roll back`), `promote`,
 * `investigate distance`, `investigate layer 2`; the first letter of an action will do.
 */
import type { DrillAction, DrillAnswer } from '../../../contract/drill';

/** The answer, or what was wrong with the text. */
export type TypedAnswer = { readonly ok: true; readonly answer: DrillAnswer } | { readonly ok: false; readonly problem: string };

const SHORT: Readonly<Record<string, DrillAction>> = { h: 'hold', hold: 'hold', i: 'investigate', investigate: 'investigate', r: 'rollback', rollback: 'rollback', p: 'promote', promote: 'promote' };

/** Reads one typed line against the actions the stop offers. */
export function parseTypedAnswer(text: string, options: readonly DrillAction[]): TypedAnswer {
  const words = text.trim().replace(/^roll\s+back\b/i, 'rollback').split(/\s+/).filter((w) => w !== '');
  const action = SHORT[(words[0] ?? '').toLowerCase()];
  if (action === undefined || !options.includes(action)) {
    return { ok: false, problem: `expected one of: ${options.map((o) => (o === 'investigate' ? 'investigate <feature> | investigate layer <1-4>' : o)).join(', ')}` };
  }
  const rest = words.slice(1);
  if (action !== 'investigate') {
    return rest.length === 0 ? { ok: true, answer: { action } } : { ok: false, problem: `"${action}" takes nothing after it` };
  }
  if (rest.length === 0) {
    return { ok: true, answer: { action } };
  }
  const layer = /^(?:layer\s*|l)([1-4])$/i.exec(rest.join(' '));
  if (layer !== null) {
    return { ok: true, answer: { action, layer: Number(layer[1]) as 1 | 2 | 3 | 4 } };
  }
  if (rest.length === 1 && !/^layer$/i.test(rest[0]!)) {
    return { ok: true, answer: { action, feature: rest[0]! } };
  }
  return { ok: false, problem: 'investigate one feature (investigate distance) or one layer (investigate layer 2)' };
}
