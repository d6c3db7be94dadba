/**
 * The detection timeline: for every injected fault, each layer's first alert on it and
 * its delay against the layer's budget. Built from what the replay already recorded
 * (`shift.injected`, and `shift.detected` from `ShiftWatch`, the first catch per layer), so the
 * rules are evaluated once, by the replay, and only judged here.
 */
import type { FaultDetection, LayerDetection, RunEventBody, ShiftDetected } from '../../../contract/events';
import type { MonitoringLayer } from '../../../contract/charts';
import type { BudgetsSection } from '../scenario/sections/monitoringAlerts';

const LAYERS: readonly MonitoringLayer[] = [1, 2, 3, 4];

/** A layer's budget in ms; null for layer 4, which only confirms. */
export function budgetOf(budgets: BudgetsSection, layer: MonitoringLayer): number | null {
  return layer === 1 ? budgets.layer1 : layer === 2 ? budgets.layer2 : layer === 3 ? budgets.layer3 : null;
}

/** One `monitoring.detection` per injected shift, in the order they were injected. */
export function shiftDetections(events: readonly RunEventBody[], budgets: BudgetsSection): FaultDetection[] {
  const caught = new Map<number, ShiftDetected[]>();
  for (const e of events) {
    if (e.kind === 'shift.detected') {
      caught.set(e.index, [...(caught.get(e.index) ?? []), e]);
    }
  }
  return events.flatMap((e) => {
    if (e.kind !== 'shift.injected') {
      return [];
    }
    const detections = caught.get(e.index) ?? [];
    const layers = LAYERS.map((layer) =>
      layerDetection(
        layer,
        budgetOf(budgets, layer),
        detections.find((d) => d.layer === layer),
      ),
    );
    return [
      {
        kind: 'monitoring.detection',
        source: 'shift',
        index: e.index,
        name: e.name,
        from: e.from,
        layers,
        blindSpot: isBlindSpot(layers),
      } satisfies FaultDetection,
    ];
  });
}

/** No layer of 1-3 caught it within its budget. */
export function isBlindSpot(layers: readonly LayerDetection[]): boolean {
  return !layers.some((l) => l.layer !== 4 && l.outcome === 'in-budget');
}

function layerDetection(layer: MonitoringLayer, budgetMs: number | null, first: ShiftDetected | undefined): LayerDetection {
  if (first === undefined) {
    return { layer, budgetMs, at: null, delayMs: null, rule: null, outcome: 'missed' };
  }
  const rule = [first.rule, first.role, first.subject].filter((x) => x !== null).join(' ');
  const outcome = budgetMs === null ? 'confirms' : first.delayMs <= budgetMs ? 'in-budget' : 'late';
  return { layer, budgetMs, at: first.at, delayMs: first.delayMs, rule, outcome };
}
