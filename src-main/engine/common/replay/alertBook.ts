/**
 * Alert rules evaluated on event time, window by window (four-layer monitoring builds
 * on the same book): a rule fires once it has held for its persistence in consecutive windows
 * (1 for the hard faults and the sequential rules, the deprecated `for` otherwise), and resolves at
 * the first window it does not hold in. A window without enough data neither holds nor clears a
 * rule: no evidence either way, so a shift that persists does not resolve every night.
 */
import type { AlertFiring, AlertResolved } from '../../../contract/events';
import type { MonitoringLayer } from '../../../contract/charts';
import { formatEventTime } from '../time/eventTime';

/** Which rule, on what. */
export interface RuleKey {
  readonly layer: MonitoringLayer;
  readonly rule: string;
  readonly role: 'blue' | 'green' | null;
  readonly subject: string;
}

/** One evaluation of a rule on a window. */
export interface RuleOutcome {
  readonly key: RuleKey;
  /** holds: over the threshold; clear: under it; skip: not enough data to say. */
  readonly verdict: 'holds' | 'clear' | 'skip';
  readonly value: number | null;
  readonly threshold: number | null;
  /** The window evaluated (ms), and when the evaluation happened (its end, or when its labels arrived). */
  readonly from: number;
  readonly to: number;
  readonly at: number;
  readonly message: string;
}

/** An event the book wants appended, at its event time. */
export interface BookEntry {
  readonly body: AlertFiring | AlertResolved;
  readonly at: number;
}

interface RuleState {
  held: number;
  firingFrom: number | null;
}

/** The state of every rule of a replay. */
export class AlertBook {
  private readonly states = new Map<string, RuleState>();

  /** `persistence`: consecutive windows a rule must hold before it fires. */
  constructor(private readonly persistence: (key: RuleKey) => number) {}

  /** Whether the rule is firing now. */
  isFiring(key: RuleKey): boolean {
    const firingFrom = this.states.get(idOf(key))?.firingFrom;
    return firingFrom !== undefined && firingFrom !== null;
  }

  /** Applies one evaluation; returns the events it causes and whether the rule is firing after it. */
  observe(outcome: RuleOutcome): { entries: BookEntry[]; firing: boolean } {
    const id = idOf(outcome.key);
    let state = this.states.get(id);
    if (state === undefined) {
      state = { held: 0, firingFrom: null };
      this.states.set(id, state);
    }
    const entries: BookEntry[] = [];
    if (outcome.verdict === 'holds') {
      state.held += 1;
      if (state.firingFrom === null && state.held >= this.persistence(outcome.key)) {
        state.firingFrom = outcome.from;
        entries.push({
          at: outcome.at,
          body: {
            kind: 'alert.firing',
            ...outcome.key,
            value: outcome.value,
            threshold: outcome.threshold,
            from: formatEventTime(outcome.from),
            to: formatEventTime(outcome.to),
            message: outcome.message,
          },
        });
      }
    } else if (outcome.verdict === 'clear') {
      state.held = 0;
      if (state.firingFrom !== null) {
        entries.push({
          at: outcome.at,
          body: { kind: 'alert.resolved', ...outcome.key, from: formatEventTime(state.firingFrom), to: formatEventTime(outcome.from) },
        });
        state.firingFrom = null;
      }
    }
    return { entries, firing: state.firingFrom !== null };
  }
}

function idOf(key: RuleKey): string {
  return `${key.layer}|${key.rule}|${key.role ?? ''}|${key.subject}`;
}
