/**
 * The knobs a what-if turns on one resource profile (memory, CPUs, max batch, queue delay), each
 * `--set name=value` checked as the scenario checks the same field, and applied to a copy of the
 * scenario. A profile read from a Deployment file takes no knob: its limits are the file's.
 */
import { scenarioMemory } from '../profiles/quantities';
import { InputError } from '../run/inputError';
import type { Scenario } from '../scenario/schema';
import { parseDuration } from '../scenario/values';

export const KNOBS = ['memory', 'cpus', 'maxBatch', 'queueDelay'] as const;
export type Knob = (typeof KNOBS)[number];

/** One knob set: its name, the text given and the value the profile takes. */
export interface KnobSetting {
  readonly knob: Knob;
  readonly text: string;
  readonly value: number;
}

/** Parses `name=value`; an InputError names `--set` and what was expected. */
export function parseKnob(setting: string): KnobSetting {
  const at = setting.indexOf('=');
  const name = at < 0 ? setting : setting.slice(0, at);
  const text = at < 0 ? '' : setting.slice(at + 1).trim();
  if (!(KNOBS as readonly string[]).includes(name)) {
    throw new InputError('--set', `expected one of ${KNOBS.map((k) => `${k}=...`).join(', ')}, got "${setting}"`);
  }
  const knob = name as Knob;
  const value = knobValue(knob, text);
  if (value === null) {
    throw new InputError(`--set ${knob}`, `expected ${KNOB_EXPECTED[knob]}, got "${text}"`);
  }
  return { knob, text, value };
}

const KNOB_EXPECTED: Readonly<Record<Knob, string>> = {
  memory: 'a memory size such as 512Mi or 2Gi',
  cpus: 'a positive number of CPUs such as 0.5 or 2',
  maxBatch: 'a whole number from 1 to 4096',
  queueDelay: 'a duration such as 5ms or 1s',
};

function knobValue(knob: Knob, text: string): number | null {
  if (text === '') {
    return null;
  }
  switch (knob) {
    case 'memory': {
      const parsed = scenarioMemory(text);
      return parsed.ok ? parsed.value : null;
    }
    case 'cpus': {
      const n = Number(text);
      return Number.isFinite(n) && n > 0 && n <= 1024 ? n : null;
    }
    case 'maxBatch': {
      const n = Number(text);
      return Number.isInteger(n) && n >= 1 && n <= 4096 ? n : null;
    }
    case 'queueDelay':
      return parseDuration(text);
  }
}

/** The scenario with the knobs set on one of its profiles. */
export function withKnobs(scenario: Scenario, profile: string, settings: readonly KnobSetting[]): Scenario {
  const profiles = scenario.profiles;
  if (profiles === undefined) {
    throw new InputError('--profile', 'the scenario describes no resource profiles (profiles), so there is no knob to turn');
  }
  if (profile !== 'staging' && profile !== 'production') {
    throw new InputError('--profile', `expected staging or production, got "${profile}"`);
  }
  const section = profiles[profile];
  if (section.deployment !== undefined) {
    throw new InputError('--profile', `${profile} reads its limits from ${section.deployment}; change that file instead`);
  }
  const changed = { ...section, ...Object.fromEntries(settings.map((s) => [s.knob, s.value])) };
  return { ...scenario, profiles: { ...profiles, [profile]: changed } };
}
