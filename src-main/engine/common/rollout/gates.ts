/**
 * Analysis gates with three outcomes, as in Argo Rollouts (DESIGN.md, "Contracts"): pass
 * (continue), fail (abort: all traffic to blue at once), inconclusive (pause for a person;
 * headless runs follow the plan's rule). Pure: measurements in, results out.
 */
import type { GateOutcome } from '../../../contract/charts';
import type { GateResult } from '../../../contract/events';
import type { GateName, GatesSection } from '../scenario/sections/rollout';
import type { NoiseAdjusted } from './noiseFloor';

export type { GateOutcome, GateResult };

/** What a step measured, in both clocks. */
export interface StepMeasurements {
  /** Real time, at the router: requests each side answered, errors, timeouts, p99 in ms. */
  readonly green: { readonly requests: number; readonly errors: number; readonly timeouts: number; readonly p99Ms: number | null };
  readonly blue: { readonly requests: number; readonly errors: number; readonly timeouts: number; readonly p99Ms: number | null };
  /** Event time: PSI of green's predictions against blue's on the same rows. */
  readonly predictionPsi: number | null;
  readonly disagreement: NoiseAdjusted | null;
  /** Event time: the largest input-feature PSI of the window. */
  readonly inputDriftMaxPsi: number | null;
  /** Event time, once labels arrived: AUC of each side on the labelled rows. */
  readonly outcome: { readonly labelled: number; readonly blueAuc: number | null; readonly greenAuc: number | null } | null;
}

/**
 * Evaluates the named gates. `slaMs` is the p99 gate's threshold when the plan sets none; the
 * scenario schema refuses a plan that names the p99 gate with neither.
 */
export function evaluateGates(names: readonly GateName[], gates: GatesSection, m: StepMeasurements, slaMs: number | null): GateResult[] {
  return names.flatMap((gate): GateResult[] => {
    switch (gate) {
      case 'errorRate': {
        const failed = m.green.errors + m.green.timeouts;
        if (m.green.requests < gates.minRequests) {
          return [inconclusive(gate, null, gates.errorRate.max, `green answered ${m.green.requests} requests, fewer than the ${gates.minRequests} needed`)];
        }
        const rate = failed / m.green.requests;
        return [judge(gate, rate, gates.errorRate.max, rate <= gates.errorRate.max, `${failed} of ${m.green.requests} green requests failed`)];
      }
      case 'p99LatencyMs': {
        const max = gates.p99LatencyMs?.max ?? slaMs;
        if (max === null || max === undefined) {
          return [];
        }
        if (m.green.requests < gates.minRequests || m.green.p99Ms === null) {
          return [inconclusive(gate, m.green.p99Ms, max, `green answered ${m.green.requests} requests, fewer than the ${gates.minRequests} needed`)];
        }
        return [judge(gate, m.green.p99Ms, max, m.green.p99Ms <= max, `green p99 ${m.green.p99Ms.toFixed(1)} ms (blue ${m.blue.p99Ms?.toFixed(1) ?? '-'} ms)`)];
      }
      case 'predictionPsi':
        return [
          m.predictionPsi === null
            ? inconclusive(gate, null, gates.predictionPsi.max, 'no predictions to compare in this window')
            : judge(
                gate,
                m.predictionPsi,
                gates.predictionPsi.max,
                m.predictionPsi <= gates.predictionPsi.max,
                'PSI of green predictions against blue on the same rows',
              ),
        ];
      case 'disagreement': {
        const d = m.disagreement;
        const max = gates.disagreement.maxExcessFlipRate;
        return [
          d === null || d.signal.n === 0
            ? inconclusive(gate, null, max, 'no shared requests to compare')
            : judge(
                gate,
                d.excessFlipRate,
                max,
                d.excessFlipRate <= max,
                `green flips ${pct(d.signal.flipRate)} of decisions, blue against itself ${pct(d.noise.flipRate)}`,
              ),
        ];
      }
      case 'inputDrift':
        return [
          m.inputDriftMaxPsi === null
            ? inconclusive(gate, null, gates.inputDrift.maxPsi, 'no input drift measured in this window')
            : judge(
                gate,
                m.inputDriftMaxPsi,
                gates.inputDrift.maxPsi,
                m.inputDriftMaxPsi <= gates.inputDrift.maxPsi,
                'largest input-feature PSI of the window',
              ),
        ];
      case 'businessOutcome': {
        const o = m.outcome;
        const { maxAucDrop, minLabelled } = gates.businessOutcome;
        if (o === null || o.labelled < minLabelled || o.blueAuc === null || o.greenAuc === null) {
          return [inconclusive(gate, null, maxAucDrop, `${o?.labelled ?? 0} labelled rows so far, ${minLabelled} needed`)];
        }
        const drop = o.blueAuc - o.greenAuc;
        return [
          judge(gate, drop, maxAucDrop, drop <= maxAucDrop, `AUC blue ${o.blueAuc.toFixed(4)}, green ${o.greenAuc.toFixed(4)} on ${o.labelled} labelled rows`),
        ];
      }
    }
  });
}

/** The analysis outcome from its gate results and limits (Argo's failureLimit, inconclusiveLimit). */
export function analysisOutcome(results: readonly GateResult[], failureLimit: number, inconclusiveLimit: number): GateOutcome {
  const failed = results.filter((r) => r.outcome === 'fail').length;
  const unsure = results.filter((r) => r.outcome === 'inconclusive').length;
  if (failed > failureLimit) {
    return 'fail';
  }
  if (unsure > inconclusiveLimit) {
    return 'inconclusive';
  }
  return 'pass';
}

function judge(gate: GateName, observed: number, threshold: number, ok: boolean, detail: string): GateResult {
  return { gate, outcome: ok ? 'pass' : 'fail', observed, threshold, detail };
}

function inconclusive(gate: GateName, observed: number | null, threshold: number, detail: string): GateResult {
  return { gate, outcome: 'inconclusive', observed, threshold, detail };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}
