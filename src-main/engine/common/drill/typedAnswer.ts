/**
 * An answer typed at the terminal: `hold`, `rollback` (or `roll back`), `promote`,
 * `investigate distance`, `investigate layer 2`; the first letter of an action will do.
 */
import type { DrillAction, DrillAnswer } from '../../../contract/drill';

/** The answer, or what was wrong with the text. */
export type TypedAnswer = { readonly ok: true; readonly answer: DrillAnswer } | { readonly ok: false; readonly problem: string };

const SHORT: Readonly<Record<string, DrillAction>> = {
  h: 'hold',
  hold: 'hold',
  i: 'investigate',
  investigate: 'investigate',
  r: 'rollback',
  rollback: 'rollback',
  p: 'promote',
  promote: 'promote',
};

/** Reads one typed line against the actions the stop offers. */
export function parseTypedAnswer(text: string, options: readonly DrillAction[]): TypedAnswer {
  const words = text
    .trim()
    .replace(/^roll\s+back\b/i, 'rollback')
    .split(/\s+/)
    .filter((w) => w !== '');
  const action = SHORT[(words[0] ?? '').toLowerCase()];
  if (action === undefined || !options.includes(action)) {
    return {
      ok: false,
      problem: `expected one of: ${options.map((o) => (o === 'investigate' ? 'investigate <feature> | investigate layer <1-4>' : o)).join(', ')}`,
    };
  }
  const rest = words.slice(1);
  if (action !== 'investigate') {
    return rest.length === 0 ? { ok: true, answer: { action } } : { ok: false, problem: `"${action}" takes nothing after it` };
  }
  if (rest.length === 0) {
    return { ok: true, answer: { action } };
  }
  const target = investigateTarget(rest.join(' '));
  if ('layer' in target || (rest.length === 1 && !/^layer$/i.test(rest[0]!))) {
    return { ok: true, answer: { action, ...target } };
  }
  return { ok: false, problem: 'investigate one feature (investigate distance) or one layer (investigate layer 2)' };
}

/** What an investigation names: `layer 2`, `L2` or `2` is a layer, anything else a feature. */
export function investigateTarget(text: string): { readonly layer: 1 | 2 | 3 | 4 } | { readonly feature: string } {
  const layer = /^(?:layer\s*|l)?([1-4])$/i.exec(text.trim());
  return layer !== null ? { layer: Number(layer[1]) as 1 | 2 | 3 | 4 } : { feature: text.trim() };
}

/** An answer as a person gave it in the app (a feature box that may name a layer), as the scorer reads it. */
export function normalizedAnswer(answer: DrillAnswer): DrillAnswer {
  return answer.action === 'investigate' && answer.feature !== undefined ? { action: 'investigate', ...investigateTarget(answer.feature) } : answer;
}
