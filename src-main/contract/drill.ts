/**
 * Drills: a finished rehearsal's log replayed to train on-call engineers. The player
 * stops where the scenario's `drill` section says, asks what the person would do, and scores the
 * answers. Plain data: the same shapes go to drill.json, the terminal and the app.
 */
import type { MonitoringLayer } from './charts';

/** What a person may do at a stop (four choices): hold, investigate a layer or a feature, roll back, promote. */
export type DrillAction = 'hold' | 'investigate' | 'rollback' | 'promote';

/** One answer: an action, and for `investigate` the layer or the feature looked at. */
export interface DrillAnswer {
  readonly action: DrillAction;
  readonly layer?: MonitoringLayer;
  readonly feature?: string;
}

/** A stop of a drill as the player resolved it against a log. */
export interface DrillStop {
  /** The stop's id; stops written with `each: true` get `<id>-1`, `<id>-2`, ... */
  readonly id: string;
  /** The last event a person sees at this stop (nothing after it). */
  readonly seq: number;
  readonly eventTime: string | null;
  /** Why the drill stopped here, in words (the alert's message, the event's kind). */
  readonly trigger: string;
  readonly question: string;
  readonly options: readonly DrillAction[];
  /** The time allowed to decide, real milliseconds. */
  readonly timeAllowedMs: number;
}

/** How an answer scored: right in time, right too late, wrong, or never given. */
export type DrillOutcome = 'correct' | 'late' | 'wrong' | 'unanswered';

/**
 * How far the damage spread in the replay after a missed rollback: from the stop until the
 * rehearsal itself ended it (a gate's abort, the alert resolving, the end of the log).
 */
export interface DamageSpread {
  /** `rollout`: green kept its share of traffic; `replay`: the alerting model kept serving. */
  readonly source: 'rollout' | 'replay';
  readonly model: string;
  /** The event time the damage spans, `to` excluded; null when nothing followed the stop. */
  readonly from: string | null;
  readonly to: string | null;
  /** Rows served by the bad model in that span (event-time rows; green's share of each step's rows in a rollout). */
  readonly rows: number;
  /** Requests the bad model answered through the router (rollout only; null in a replay). */
  readonly requests: number | null;
  /** Outcome lost: AUC below the comparison (blue's in a rollout, the reference's in a replay) on the labels that arrived, and how many. */
  readonly aucGap: number | null;
  readonly labelled: number;
  /** What ended the spread in the replay. */
  readonly endedBy: string;
}

/** One stop in the scorecard. */
export interface DrillStopScore {
  readonly stop: DrillStop;
  readonly answer: DrillAnswer | null;
  /** Any of these is right. */
  readonly expected: readonly DrillAnswer[];
  readonly outcome: DrillOutcome;
  /** Real milliseconds from the stop to the answer; null when not timed (an answer file without `seconds`). */
  readonly decisionMs: number | null;
  readonly debrief: string;
  /** Set only for a missed rollback: the expected answer was to roll back and the person did not. */
  readonly damage: DamageSpread | null;
  /** The same in words, as the terminal, drill.html and the app show it. */
  readonly words: { readonly answer: string; readonly expected: string; readonly outcome: string; readonly damage: string | null };
}

/** drill.json: the whole drill, scored. */
export interface DrillScorecard {
  readonly schemaVersion: 1;
  readonly scenario: { readonly name: string; readonly path: string };
  readonly runId: string;
  readonly intro: string;
  readonly stops: readonly DrillStopScore[];
  readonly summary: {
    readonly stops: number;
    readonly correct: number;
    readonly late: number;
    readonly wrong: number;
    readonly unanswered: number;
    readonly missedRollbacks: number;
  };
}

/** What the app opens a drill on: a finished run's log, and the scenario carrying the drill (the one the log names when absent). */
export interface DrillRequest {
  readonly logPath: string;
  readonly scenarioPath?: string;
}

/** Where an open drill stands, as the app shows it. Holds nothing from after the current stop. */
export interface DrillState {
  readonly drillId: string;
  readonly scenario: { readonly name: string; readonly path: string };
  readonly intro: string;
  /** How many stops the drill has, and how many are answered. */
  readonly stops: number;
  readonly answered: number;
  /** The stop waiting for an answer; null once every stop is answered. */
  readonly stop: DrillStop | null;
  /** The last event the app may show. */
  readonly visibleSeq: number;
  /** The stop just answered, scored, with its debrief; null before the first answer. */
  readonly last: DrillStopScore | null;
  /** The whole scorecard, once every stop is answered; null before. */
  readonly scorecard: DrillScorecard | null;
}
