/**
 * The `monitoring-coverage` readiness check (DESIGN.md, check 6): "four-layer
 * monitoring is deployed and alerting on all layers", made concrete. Pure: the detection
 * timeline and the plan's rules are the evidence, this decides.
 *
 * FAIL: a layer has no rule, or an injected fault is a blind spot (no layer of 1-3 caught it
 * within its budget; the seed: "if you are learning about model problems from Layer 4, your
 * monitoring is broken").
 * WARN: every layer has rules but no fault was injected. The rules exist, yet nothing showed they
 * catch anything in time: declared, not rehearsed. Not FAIL, because a scenario without faults
 * is not a broken monitoring; not PASS, because PASS here means "caught in budget", and nothing
 * was there to catch.
 * PASS: every layer has rules and every injected fault was caught by a layer of 1-3 in budget.
 */
import type { FaultDetection } from '../../../contract/events';
import type { MonitoringLayer } from '../../../contract/charts';
import type { EvidenceItem, ReadinessCheck } from '../../../contract/report';
import { CHECK_TITLES } from './catalog';

/** Everything the check decides on. */
export interface MonitoringCoverageEvidence {
  readonly rules: Readonly<Record<MonitoringLayer, number>>;
  /** Layer budgets in ms (layers 1-3). */
  readonly budgets: { readonly layer1: number; readonly layer2: number; readonly layer3: number };
  readonly detections: readonly FaultDetection[];
  /** Faults of the scenario that never acted (the replayed stretch ended before them), with why. */
  readonly notInjected: readonly { readonly name: string; readonly reason: string }[];
}

const LAYERS: readonly MonitoringLayer[] = [1, 2, 3, 4];
const LAYER_NAMES: Readonly<Record<MonitoringLayer, string>> = { 1: 'infrastructure', 2: 'data quality', 3: 'prediction', 4: 'business' };

/** Resolves the check. */
export function monitoringCoverageCheck(evidence: MonitoringCoverageEvidence): ReadinessCheck {
  const bare = LAYERS.filter((l) => evidence.rules[l] === 0);
  const blind = evidence.detections.filter((d) => d.blindSpot);
  const injected = evidence.detections.length;
  const status = bare.length > 0 || blind.length > 0 ? 'FAIL' : injected === 0 ? 'WARN' : 'PASS';
  const observed = [
    `Alert rules per layer: ${LAYERS.map((l) => `L${l} ${LAYER_NAMES[l]} ${evidence.rules[l]}`).join(', ')}.`,
    ...(bare.length > 0 ? [`No rule watches layer ${bare.join(', ')}.`] : []),
    injected === 0
      ? 'No fault was injected, so no layer showed it catches anything in time.'
      : `${injected - blind.length} of ${injected} injected faults were caught by layers 1-3 within budget${blind.length > 0 ? `; blind spots: ${blind.map((d) => `${d.name} (${blindReason(d)})`).join('; ')}` : ''}.`,
    ...evidence.notInjected.map((n) => `Not injected: ${n.name}, ${n.reason}.`),
  ].join(' ');

  const items: EvidenceItem[] = LAYERS.map((l) => ({ label: `layer ${l} (${LAYER_NAMES[l]}): alert rules`, value: evidence.rules[l] }));
  for (const d of evidence.detections) {
    for (const l of d.layers) {
      const budget = l.budgetMs === null ? 'confirms only' : `budget ${duration(l.budgetMs)}`;
      items.push({
        label: `${d.name}: layer ${l.layer} (${budget})${l.rule === null ? '' : `, ${l.rule}`}`,
        value: l.delayMs === null ? 'missed' : `${l.outcome} after ${duration(l.delayMs)}`,
      });
    }
  }

  return {
    id: 'monitoring-coverage',
    title: CHECK_TITLES['monitoring-coverage'],
    status,
    observed,
    threshold: `Every layer has alert rules, and every injected fault is caught by layer 1 within ${duration(evidence.budgets.layer1)}, layer 2 within ${duration(evidence.budgets.layer2)} or layer 3 within ${duration(evidence.budgets.layer3)} (layer 4 only confirms).`,
    evidence: items,
    next:
      status === 'PASS'
        ? 'Deploy the same rules: `rehearse export-monitoring` writes them as Prometheus rules and a Grafana dashboard.'
        : bare.length > 0
          ? `Give layer ${bare.join(', ')} rules: a reference snapshot per model (snapshots.reference) brings layers 2-4; layer 1 always has its rules.`
          : blind.length > 0
            ? 'A blind spot needs a rule on what the fault touches that fires sooner: a shorter window (alerts.drift.window), fewer windows before firing (alerts.drift.for), a null-rate or unseen-category rule, or a budget that says what the team can live with (alerts.budgets).'
            : "Inject the faults production sees (shifts: a unit change, a null spike, a new category) so each layer's detection delay is measured against its budget.",
  };
}

function blindReason(d: FaultDetection): string {
  const late = d.layers.filter((l) => l.outcome === 'late');
  const confirmed = d.layers.find((l) => l.layer === 4 && l.outcome === 'confirms');
  if (late.length > 0) {
    return late.map((l) => `layer ${l.layer} after ${duration(l.delayMs ?? 0)}, budget ${duration(l.budgetMs ?? 0)}`).join(', ');
  }
  return confirmed ? `only layer 4 saw it, after ${duration(confirmed.delayMs ?? 0)}` : 'no layer alerted';
}

/** `45 s`, `12 min`, `3 h`, `2 d`. */
function duration(ms: number): string {
  const units: readonly [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  for (const [size, unit] of units) {
    if (ms >= size) {
      return `${Number((ms / size).toPrecision(3))} ${unit}`;
    }
  }
  return `${Math.round(ms)} ms`;
}
