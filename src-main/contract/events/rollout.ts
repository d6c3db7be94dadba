/**
 * Events of the blue/green rollout: the router in front of blue and green, the plan,
 * each step in both clocks, each analysis with the statistical judge beside the fixed gates, the
 * abort and the end. The traffic-split chart, the rollout-latency lane and the
 * `rollback-readiness` check read them (docs/ARCHITECTURE.md, "Rollout").
 */
import type { GateOutcome } from '../charts';
import type { ServerFaults } from './server';

/** Percent of traffic to each side; they sum to 100. */
export interface RouteWeights {
  readonly blue: number;
  readonly green: number;
}

/** Where the router sends requests, and how it decides. */
export interface RouterPolicyInfo {
  readonly weights: RouteWeights;
  /** The header override (the seed's VirtualService: `x-model-version: v2` goes to green). */
  readonly header: { readonly name: string; readonly greenValue: string };
  /** The request header whose value keeps a request on one side; null without sticky routing. */
  readonly stickyHeader: string | null;
  /** Green answers a copy of every request; its answer is recorded and discarded. */
  readonly shadow: boolean;
  /** Diffy's comparison: blue's twin answers a copy of every request, and blue a copy of each green served. */
  readonly compare: boolean;
}

/** The router answers on 127.0.0.1. */
export interface RouterStarted {
  readonly kind: 'router.started';
  readonly url: string;
  readonly pid: number;
  readonly upstreams: { readonly blue: string; readonly green: string; readonly twin: string | null };
  readonly policy: RouterPolicyInfo;
  /** 0 for the first start, then 1, 2, ... for each restart on the same port. */
  readonly restart: number;
}

/** The router's weights changed (through its admin endpoint, or set at a restart): every change is an event. */
export interface RouterWeights {
  readonly kind: 'router.weights';
  readonly weights: RouteWeights;
  readonly previous: RouteWeights;
  readonly reason: string;
}

/** The router process ended, as its parent saw it. */
export interface RouterStopped {
  readonly kind: 'router.stopped';
  readonly requested: boolean;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly message: string;
}

/** The rehearsed plan, as the rollout phase read it. */
export interface RolloutPlanned {
  readonly kind: 'rollout.planned';
  /** Each step in Argo's words: `setWeight 10`, `pause 1d`, `pause (until promoted)`, `analysis 1d: errorRate, ...`. */
  readonly steps: readonly string[];
  /** Event time the first step starts at. */
  readonly start: string;
  readonly stepDurationMs: number;
  /** Raw records a second sent through the router during a step, and at most how many a step. */
  readonly realRate: number;
  readonly maxRequestsPerStep: number;
  readonly abortDelayMs: number;
  readonly policy: RouterPolicyInfo;
  /** The snapshot column sent as the sticky header, or null. */
  readonly stickyKey: string | null;
  /** The p99 gate's threshold in ms (the SLA the latency lane draws), or null without one. */
  readonly slaMs: number | null;
}

/** One field blue's serving pipeline could not read from today's records. */
export interface FieldFailure {
  readonly field: string;
  /** Records of the sample that lacked it (or had it unusable). */
  readonly records: number;
  readonly example: string;
}

/** Can blue still serve today's traffic? Checked before the first step (the bridge behind green). */
export interface RolloutCompatibility {
  readonly kind: 'rollout.compatibility';
  readonly model: string;
  readonly compatible: boolean;
  /** Raw fields blue's serving pipeline reads. */
  readonly required: readonly string[];
  /** Fields today's records carry with a usable value in at least one record. */
  readonly present: readonly string[];
  readonly missing: readonly string[];
  /** Today's records checked, from the event time the rollout starts at. */
  readonly records: number;
  /** Records blue's serving pipeline could not turn into features. */
  readonly failedRecords: number;
  readonly failures: readonly FieldFailure[];
}

/** The servers are warm: blue's latency through the router measured before green takes traffic. */
export interface RolloutBaseline {
  readonly kind: 'rollout.baseline';
  readonly requests: number;
  /** p99 of blue (weighted route) and of green (header route) over the warm-up, ms. */
  readonly blueP99Ms: number | null;
  readonly greenP99Ms: number | null;
  /** Faults injected into green for this rehearsal (a slow or crashing candidate), or null. */
  readonly greenFaults: ServerFaults | null;
  /** How a relative latency fault was sized (`10 x blue's p99 ...`), or null. */
  readonly faultNote: string | null;
}

/** What one side did in a step, measured at the router (real time). */
export interface SideTraffic {
  /** Requests this side served (and, in shadow mode, green's copies). */
  readonly requests: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

/** Green against blue on the same requests, beyond blue against a second blue (Diffy). */
export interface DisagreementInfo {
  readonly requests: number;
  /** Share of decisions green flips against blue, and blue's twin against blue. */
  readonly greenFlipRate: number;
  readonly noiseFlipRate: number;
  readonly excessFlipRate: number;
  readonly greenMeanAbsDiff: number;
  readonly noiseMeanAbsDiff: number;
  readonly noiseMaxAbsDiff: number;
}

/** The event-time side of a step, from the step's own rows. */
export interface StepEventMetrics {
  /** PSI of green's predictions against blue's on every row of the window (10 equal-width bins). */
  readonly predictionPsi: number | null;
  /** The largest input-feature PSI of the window against green's reference, and its feature. */
  readonly inputDrift: { readonly maxPsi: number; readonly feature: string } | null;
  /** Rows of the rollout so far whose labels had arrived by the step's end, and each side's AUC on them. */
  readonly outcome: { readonly labelled: number; readonly blueAuc: number | null; readonly greenAuc: number | null } | null;
  readonly disagreement: DisagreementInfo | null;
}

/** One step that lasted a stretch of event time (a timed pause or an analysis). */
export interface RolloutStep {
  readonly kind: 'rollout.step';
  readonly index: number;
  readonly step: string;
  /** The stretch of event time, `to` excluded. */
  readonly from: string;
  readonly to: string;
  /** Green's weight when the step began, in percent. */
  readonly greenPercent: number;
  /** Rows of the window, and those sent through the router (at most maxRequestsPerStep). */
  readonly rows: number;
  readonly sent: number;
  /** Real time the step took, ms. */
  readonly realMs: number;
  readonly sides: { readonly blue: SideTraffic; readonly green: SideTraffic };
  /** Requests the router itself could not take (down, restarting). */
  readonly routerFailures: number;
  readonly metrics: StepEventMetrics;
  /** True when the step ended early (an abort). */
  readonly cut: boolean;
}

/** One gate's result. */
export interface GateResult {
  readonly gate: string;
  readonly outcome: GateOutcome;
  readonly observed: number | null;
  readonly threshold: number;
  readonly detail: string;
}

/** One metric as the statistical judge (Kayenta) classified it. */
export interface JudgedMetric {
  readonly metric: string;
  readonly classification: 'pass' | 'high' | 'low' | 'nodata';
  readonly pValue: number | null;
  /** Rank-biserial correlation of green over blue. */
  readonly effect: number | null;
  readonly n: { readonly blue: number; readonly green: number };
  readonly failed: boolean;
}

/** An analysis: the fixed gates decide; the judge is shown beside them. */
export interface RolloutAnalysis {
  readonly kind: 'rollout.analysis';
  readonly index: number;
  /** True for the continuous real-time guard between batches, false for an `analysis` step. */
  readonly background: boolean;
  readonly gates: readonly GateResult[];
  readonly outcome: GateOutcome;
  readonly judge: { readonly metrics: readonly JudgedMetric[]; readonly score: number | null };
}

/** A duration in both clocks: real milliseconds and event-time milliseconds. */
export interface BothClocks {
  readonly realMs: number;
  readonly eventMs: number;
}

/** All traffic went back to blue. */
export interface RolloutAborted {
  readonly kind: 'rollout.aborted';
  readonly reason: string;
  /** A gate, a person's roll back, the run being stopped, or something that broke. */
  readonly source: 'gate' | 'person' | 'stop' | 'error';
  readonly stepIndex: number;
  /** From green's first traffic to the abort decision; null when green never took traffic. */
  readonly detect: BothClocks | null;
  /** From the decision until the router confirmed blue 100%. */
  readonly rollback: BothClocks;
  /** Requests sent between the decision and the confirmation, and how many of them green still served. */
  readonly duringRetreat: { readonly sent: number; readonly green: number };
}

/** The rollout ended. */
export interface RolloutFinished {
  readonly kind: 'rollout.finished';
  readonly outcome: 'promoted' | 'aborted' | 'not-started';
  readonly reason: string | null;
  readonly detect: BothClocks | null;
  readonly rollback: BothClocks | null;
  /** After a promotion: the rehearsed retreat to blue 100%, and whether blue answered every request after it. */
  readonly drill: { readonly rollback: BothClocks; readonly blueAnswered: number; readonly blueFailed: number } | null;
  /** Blue's readiness probes over the whole rehearsal. */
  readonly blueProbes: { readonly total: number; readonly failed: number };
  /** Requests blue answered and failed after the retreat (an abort's, or the drill's); null when there was no retreat. */
  readonly blueAfterRetreat: { readonly answered: number; readonly failed: number } | null;
}
