/**
 * Whether and when each injected shift was caught. A shift touches the series computed
 * from its target columns (and, through them, the model's predictions); a label prior shift
 * touches the labels and predictions. It is caught by the first alert, in each layer, that is
 * firing on a series it touches in a window that overlaps the time it acts; the delay is from its
 * start to that alert. Four-layer monitoring judges its per-layer budgets on these events.
 */
import type { ShiftDetected, ShiftInjected, ShiftMissed } from '../../../contract/events';
import type { MonitoringLayer } from '../../../contract/charts';
import type { Shift } from '../scenario/sections/shifts';
import { formatEventTime } from '../time/eventTime';
import type { RuleKey } from './alertBook';
import type { ModelFeed } from './modelFeed';

/** An event to append at its event time. */
export interface TimedBody<T> {
  readonly body: T;
  readonly at: number;
}

interface Watched {
  readonly index: number;
  readonly name: string;
  readonly shift: Shift;
  /** `role|subject` of every series the shift touches. */
  readonly touches: ReadonlySet<string>;
  injected: boolean;
  readonly layers: Set<MonitoringLayer>;
  largestPsi: number | null;
}

/** The shifts of a replay and what caught them. */
export class ShiftWatch {
  private readonly watched: Watched[];

  constructor(shifts: readonly Shift[], feeds: readonly ModelFeed[]) {
    this.watched = shifts.map((shift, index) => ({
      index,
      name: shiftName(shift),
      shift,
      touches: touchedBy(shift, feeds),
      injected: false,
      layers: new Set(),
      largestPsi: null,
    }));
  }

  /** Whether any shift acts during [from, to). */
  acts(from: number, to: number): boolean {
    return this.watched.some((w) => overlaps(w.shift, from, to));
  }

  /** `shift.injected` for every shift that has begun by `t`, once each (at its start, or `t` if the replay began later). */
  begun(t: number): TimedBody<ShiftInjected>[] {
    const out: TimedBody<ShiftInjected>[] = [];
    for (const w of this.watched) {
      if (!w.injected && w.shift.start < t) {
        w.injected = true;
        const s = w.shift;
        out.push({
          at: s.start,
          body: {
            kind: 'shift.injected',
            index: w.index,
            name: w.name,
            operator: s.operator,
            targets: s.operator === 'label-prior-shift' ? ['label'] : s.target,
            from: formatEventTime(s.start),
            to: s.end === undefined ? null : formatEventTime(s.end),
            onset: s.onset,
          },
        });
      }
    }
    return out;
  }

  /** Notes a series' PSI in a window, for the reason a shift was missed. */
  notePsi(role: string, subject: string, psi: number | null, from: number, to: number): void {
    for (const w of this.watched) {
      if (psi !== null && overlaps(w.shift, from, to) && w.touches.has(`${role}|${subject}`)) {
        w.largestPsi = Math.max(w.largestPsi ?? psi, psi);
      }
    }
  }

  /** A rule firing in window [from, to), evaluated at `at`: the first catch of each shift in this layer. */
  firing(key: RuleKey, from: number, to: number, at: number): TimedBody<ShiftDetected>[] {
    const out: TimedBody<ShiftDetected>[] = [];
    for (const w of this.watched) {
      if (w.layers.has(key.layer) || !overlaps(w.shift, from, to) || !w.touches.has(touchKey(key))) {
        continue;
      }
      w.layers.add(key.layer);
      out.push({
        at,
        body: {
          kind: 'shift.detected',
          index: w.index,
          name: w.name,
          layer: key.layer,
          rule: key.rule,
          role: key.role,
          subject: key.subject,
          at: formatEventTime(at),
          delayMs: Math.max(0, at - w.shift.start),
        },
      });
    }
    return out;
  }

  /** `shift.missed` for every shift no layer caught. */
  missed(): ShiftMissed[] {
    return this.watched
      .filter((w) => w.layers.size === 0)
      .map((w) => ({
        kind: 'shift.missed',
        index: w.index,
        name: w.name,
        reason: !w.injected
          ? 'it never acted: the replayed stretch ends before it starts'
          : w.touches.size === 0
            ? 'no watched series is computed from its targets'
            : `no rule fired on what it touches (${[...w.touches].map((t) => t.replace('|', ' ')).join(', ')}); largest PSI while it acted: ${w.largestPsi === null ? 'none computed' : w.largestPsi.toFixed(3)}`,
      }));
  }

  /** How many shifts were caught, of how many. */
  tally(): { readonly caught: number; readonly shifts: number } {
    return { caught: this.watched.filter((w) => w.layers.size > 0).length, shifts: this.watched.length };
  }
}

/** `unit-change distance (miles-to-km)`, `null-spike origin (30%)`, ... */
export function shiftName(shift: Shift): string {
  const what = shift.operator === 'label-prior-shift' ? 'label' : shift.target.join(', ');
  const detail = (() => {
    switch (shift.operator) {
      case 'scale':
        return `x${shift.factor} + ${shift.offset}`;
      case 'unit-change':
        return shift.units;
      case 'gaussian-noise':
        return `sd ${shift.sd}`;
      case 'category-injection':
        return `"${shift.value}" in ${(shift.rate * 100).toFixed(0)}%`;
      case 'category-collapse':
        return `into "${shift.into}"`;
      case 'null-spike':
        return `${(shift.rate * 100).toFixed(0)}%`;
      case 'timezone-offset':
        return `${shift.hours > 0 ? '+' : ''}${shift.hours} h`;
      case 'column-rename':
        return `to "${shift.to}"`;
      case 'column-missing':
        return 'dropped';
      case 'label-prior-shift':
        return `odds x${shift.oddsRatio}`;
    }
  })();
  return `${shift.operator} ${what} (${detail})`;
}

/** What a rule on `key` watches, as `touches` names it: a series, or a label rule. */
function touchKey(key: RuleKey): string {
  return `${key.role ?? ''}|${key.subject === 'label' ? key.rule : key.subject}`;
}

function overlaps(shift: Shift, from: number, to: number): boolean {
  return to > shift.start && (shift.end === undefined || from < shift.end);
}

function touchedBy(shift: Shift, feeds: readonly ModelFeed[]): Set<string> {
  const touches = new Set<string>();
  for (const feed of feeds) {
    const role = feed.model.role;
    if (shift.operator === 'label-prior-shift') {
      touches.add(`${role}|label-positive-rate`);
      touches.add(`${role}|label-auc`);
      touches.add(`${role}|prediction`);
      continue;
    }
    const hit = feed.series.filter((s) => s.fields.some((f) => shift.target.includes(f)));
    for (const s of hit) {
      touches.add(`${role}|${s.name}`);
    }
    if (hit.length > 0) {
      // Worse inputs show in the predictions and, once labels arrive, in the AUC; the labels
      // themselves are not touched, so a positive-rate alert is no catch of an input shift.
      touches.add(`${role}|prediction`);
      touches.add(`${role}|label-auc`);
    }
  }
  return touches;
}
