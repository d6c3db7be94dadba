/**
 * One timed step of the rollout (a timed pause or an analysis): its stretch of event
 * time scored by both models in process, and a bounded, evenly spread share of its rows sent
 * through the real router at the plan's rate, in batches. Between batches the run's controls are
 * consulted (pause, step, stop); while a batch flows, each answer feeds the background gates and
 * a person's roll back is taken at once, so an abort happens while traffic flows and the retreat
 * is seen in both clocks.
 */
import type { GateOutcome } from '../../../contract/charts';
import type { JudgedMetric, RolloutStep } from '../../../contract/events';
import type { RoutedRequest } from '../ports/rolloutRig';
import type { DriftOptions } from '../drift/driftOptions';
import type { PhaseContext } from '../run/phase';
import type { WatchedReference } from '../run/state';
import { formatEventTime } from '../time/eventTime';
import { analysisGates, backgroundGates, type GateName, type RolloutSection, type RolloutStepSpec } from '../scenario/sections/rollout';
import { analysisOutcome, evaluateGates, type StepMeasurements } from './gates';
import { stepText } from './planText';
import { scoreWindow, type ScoredWindow } from './scoredWindow';
import { routerFailures, sideAnswers, sideSamples, type SideSamples } from './sideTraffic';
import type { NoiseAdjusted } from './noiseFloor';
import { judgeScore } from './judge';
import { judgeStep } from './stepJudge';
import { disagreementInfo, disagreementOf, inputDrift, labelledBy, outcomeOf, predictionPsi, type OutcomeHistory } from './stepMetrics';
import { stepRequests, type RecordShape, type TimedRequest } from './stepRequests';
import type { RolloutModels } from './rolloutSetup';
import type { RunningRig } from '../ports/rolloutRig';
import type { WindowCursor } from './windowCursor';

type AnalysisSpec = Extract<RolloutStepSpec, { readonly analysis: unknown }>['analysis'];

/** What the step runner needs from the rehearsal around it. */
export interface StepHost {
  readonly context: PhaseContext;
  readonly plan: RolloutSection;
  readonly models: RolloutModels;
  readonly rig: RunningRig;
  readonly cursor: WindowCursor;
  readonly shape: RecordShape;
  /** Green's seasonal reference from the replay, or null when the scenario gives green none. */
  readonly reference: WatchedReference | null;
  /** How a step's input drift is compared with it: as the replay compares a window. */
  readonly driftOptions: DriftOptions;
  readonly history: { eventTime: Float64Array[]; labels: Float64Array[]; blue: Float32Array[]; green: Float32Array[] } & OutcomeHistory;
  readonly labelDelayMs: number;
  /** The event time the run has reached; the host appends router events there. */
  position: number;
  /** The weights in force, as the router last confirmed them. */
  greenPercent(): number;
  /** Decides an abort now (idempotent); the host times it and checks blue after it. */
  abort(reason: string, source: 'gate' | 'person' | 'stop' | 'error'): void;
  /** True once an abort was decided. */
  aborted(): boolean;
  /** A person promoted during the step: it ends here and the plan goes on. */
  takePromotion(): boolean;
}

/** How a step ended. */
export interface StepResult {
  readonly outcome: GateOutcome | 'aborted';
  readonly window: ScoredWindow;
  readonly requests: readonly TimedRequest[];
  /** Every request sent in the step, in order, with what became of it. */
  readonly routed: readonly RoutedRequest[];
}

/** Runs step `index` over [from, from + durationMs). */
export async function runStep(host: StepHost, index: number, step: RolloutStepSpec, from: number, durationMs: number): Promise<StepResult> {
  const { context, plan, models } = host;
  const started = context.ports.clock.monotonic();
  const greenPercent = host.greenPercent();
  const to = from + durationMs;
  host.position = from;
  const window = await scoreWindow(from, to, await host.cursor.until(to), models.blue, models.green);
  host.history.eventTime.push(window.eventTime);
  host.history.labels.push(window.labels);
  host.history.blue.push(window.blue);
  host.history.green.push(window.green);
  const requests = stepRequests(window.pieces, plan.maxRequestsPerStep, host.shape);
  const background = backgroundGates(plan);
  const { routed, promoted } = await sendStep(host, index, requests, background);
  const cut = host.aborted() || promoted;
  const end = cut ? host.position : to;
  const result = await measure(host, window, routed, end, durationMs);
  if (!host.aborted() && background.length > 0 && result.green.traffic.requests > 0) {
    guard(host, index, background, routed, true);
  }
  // The analysis covers the whole window, so it decides at the window's end.
  host.position = end;
  const outcome: GateOutcome | 'aborted' = host.aborted() ? 'aborted' : !cut && 'analysis' in step ? analyse(host, index, step.analysis, result, end) : 'pass';
  context.log.append(stepEvent(host, index, step, window, routed, result, end, context.ports.clock.monotonic() - started, cut, greenPercent), end);
  return { outcome, window, requests, routed };
}

/**
 * Sends the step's requests through the router in batches at the plan's rate. Between batches
 * the run's controls are consulted; while a batch flows, each answer feeds the background gates
 * and a person's promote or roll back is taken at once.
 */
async function sendStep(
  host: StepHost,
  index: number,
  requests: readonly TimedRequest[],
  background: readonly GateName[],
): Promise<{ routed: RoutedRequest[]; promoted: boolean }> {
  const { context, plan, rig } = host;
  const routed: RoutedRequest[] = [];
  const batch = Math.max(5, Math.round(plan.realRate));
  let promoted = false;
  for (let start = 0; start < requests.length && !host.aborted() && !promoted; start += batch) {
    const part = requests.slice(start, start + batch);
    if ((await context.control.checkpoint(part[0]!.eventTime)) === 'stop') {
      host.abort('the run was stopped', 'stop');
      break;
    }
    const answers: RoutedRequest[] = [...routed];
    const got = await rig.send(
      part.map((t) => t.request),
      plan.realRate,
      (k, answer) => {
        host.position = Math.max(host.position, part[k]!.eventTime);
        answers.push(answer);
        if (!host.aborted()) {
          if (host.takePromotion()) {
            promoted = true;
          }
          guard(host, index, background, answers, false);
        }
      },
    );
    routed.push(...got);
    if (plan.shadow && !host.aborted()) {
      // Green's copies arrive with the batch's end: the guard sees them only now.
      guard(host, index, background, routed, false);
    }
  }
  return { routed, promoted };
}

/** The step's analysis over its whole window; a failure aborts with the failing gates as the reason. */
function analyse(host: StepHost, index: number, analysis: AnalysisSpec, result: Measured, end: number): GateOutcome | 'aborted' {
  const { plan, context } = host;
  const results = evaluateGates(analysisGates(plan, analysis), plan.gates, result.measurements, null);
  const outcome = analysisOutcome(results, analysis.failureLimit, analysis.inconclusiveLimit);
  context.log.append({ kind: 'rollout.analysis', index, background: false, gates: results, outcome, judge: result.judge }, end);
  if (outcome !== 'fail') {
    return outcome;
  }
  const failed = results.filter((r) => r.outcome === 'fail').map((r) => `${r.gate} ${r.detail}`);
  host.abort(`analysis at step ${index + 1} failed: ${failed.join('; ')}`, 'gate');
  return 'aborted';
}

interface Measured {
  readonly measurements: StepMeasurements;
  readonly blue: SideSamples;
  readonly green: SideSamples;
  readonly judge: { readonly metrics: JudgedMetric[]; readonly score: number | null };
  readonly disagreement: NoiseAdjusted | null;
  readonly inputDrift: { readonly maxPsi: number; readonly feature: string } | null;
}

/** Both clocks' metrics of the step, on its own rows and requests. */
async function measure(host: StepHost, window: ScoredWindow, routed: readonly RoutedRequest[], end: number, durationMs: number): Promise<Measured> {
  const { plan, models } = host;
  const blue = sideSamples(sideAnswers(routed, 'blue', plan.shadow));
  const green = sideSamples(sideAnswers(routed, 'green', plan.shadow));
  const disagreement = disagreementOf(routed, models.blue.threshold, models.green.threshold);
  const drift = host.reference === null ? null : await inputDrift(host.reference, window.pieces, { from: window.from, durationMs }, host.driftOptions);
  const labelled = labelledBy(host.history, end, host.labelDelayMs);
  const outcome = outcomeOf(labelled);
  const metrics = judgeStep(
    { blue, green, predictions: { blue: window.blue, green: window.green }, labelled: labelled.labels.length > 0 ? labelled : null },
    plan.judge,
  );
  return {
    measurements: {
      blue: { ...blue.traffic },
      green: { ...green.traffic },
      predictionPsi: predictionPsi(window.blue, window.green),
      disagreement,
      inputDriftMaxPsi: drift?.maxPsi ?? null,
      outcome,
    },
    blue,
    green,
    judge: { metrics, score: judgeScore(metrics) },
    disagreement,
    inputDrift: drift,
  };
}

/**
 * The background analysis: the real-time gates on the step's answers so far. It acts only once
 * green has answered enough requests to conclude; a failure aborts at once (failure limit 0).
 * `final` records the step's last check even when it passed.
 */
function guard(host: StepHost, index: number, names: readonly GateName[], routed: readonly RoutedRequest[], final: boolean): void {
  const { plan } = host;
  if (names.length === 0 || (host.greenPercent() === 0 && !plan.shadow)) {
    return;
  }
  const blue = sideSamples(sideAnswers(routed, 'blue', plan.shadow));
  const green = sideSamples(sideAnswers(routed, 'green', plan.shadow));
  if (green.traffic.requests < plan.gates.minRequests) {
    return;
  }
  const m: StepMeasurements = { blue: blue.traffic, green: green.traffic, predictionPsi: null, disagreement: null, inputDriftMaxPsi: null, outcome: null };
  const results = evaluateGates(names, plan.gates, m, null);
  const outcome = analysisOutcome(results, 0, Number.POSITIVE_INFINITY);
  if (outcome !== 'fail' && !final) {
    return;
  }
  const metrics = judgeStep({ blue, green, predictions: null, labelled: null }, plan.judge);
  host.context.log.append(
    { kind: 'rollout.analysis', index, background: true, gates: results, outcome, judge: { metrics, score: judgeScore(metrics) } },
    host.position,
  );
  if (outcome === 'fail') {
    host.abort(
      results
        .filter((r) => r.outcome === 'fail')
        .map((r) => `${r.gate} failed: ${r.detail}`)
        .join('; '),
      'gate',
    );
  }
}

function stepEvent(
  host: StepHost,
  index: number,
  step: RolloutStepSpec,
  window: ScoredWindow,
  routed: readonly RoutedRequest[],
  m: Measured,
  end: number,
  realMs: number,
  cut: boolean,
  greenPercent: number,
): RolloutStep {
  return {
    kind: 'rollout.step',
    index,
    step: stepText(host.plan, step),
    from: formatEventTime(window.from),
    to: formatEventTime(end),
    greenPercent,
    rows: window.rows,
    sent: routed.length,
    realMs: Math.round(realMs),
    sides: { blue: m.blue.traffic, green: m.green.traffic },
    routerFailures: routerFailures(routed),
    metrics: {
      predictionPsi: m.measurements.predictionPsi,
      inputDrift: m.inputDrift,
      outcome: m.measurements.outcome,
      disagreement: m.disagreement === null ? null : disagreementInfo(m.disagreement),
    },
    cut,
  };
}
