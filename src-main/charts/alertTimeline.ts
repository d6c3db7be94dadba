/**
 * Alert timeline: four lanes, one per monitoring layer of the seed (infrastructure, data quality,
 * prediction, business), each alert a bar in its lane from firing to resolved, and every injected
 * fault a shaded bar across all lanes, so a fault and the alerts that caught it line up. A
 * diamond marks where each layer first caught each fault (the detection timeline), hollow when
 * it came after the layer's budget.
 */
import { scaleBand, scaleUtc } from 'd3';
import type { AlertDetectionMark, AlertTimelineData, MonitoringLayer } from '../contract/charts';
import { bottomAxis, timeTicks } from './axis';
import { eventTimeMs } from './eventTime';
import { ALERT_COLOUR, FAULT_COLOUR } from './palette';
import { frameScale, type TimeFrame } from './timeFrame';
import { element, shorten, svgDocument, textElement, titleElement, type ChartSize, type Tick } from './svg';

/** The lanes, top to bottom, with the seed's names for the layers. */
export const LAYER_NAMES: Readonly<Record<MonitoringLayer, string>> = { 1: 'L1 infrastructure', 2: 'L2 data quality', 3: 'L3 prediction', 4: 'L4 business' };

/** A bar of the timeline (an alert in a lane, or a fault across the lanes). */
export interface TimelineBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly label: string;
  readonly from: string;
  readonly to: string | null;
}

/** The chart's geometry. */
export interface AlertTimelineLayout {
  readonly size: ChartSize;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly lanes: readonly { readonly layer: MonitoringLayer; readonly name: string; readonly y: number; readonly height: number }[];
  readonly faults: readonly TimelineBar[];
  readonly alerts: readonly (TimelineBar & { readonly layer: MonitoringLayer })[];
  /** Where each layer first caught each fault: the centre of its mark, and what it says. */
  readonly detections: readonly DetectionMarkLayout[];
  readonly xTicks: readonly Tick[];
}

/** A detection mark placed on the chart. */
export interface DetectionMarkLayout {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  /** Caught within the layer's budget (or a layer 4 confirmation): drawn filled. */
  readonly inBudget: boolean;
  readonly label: string;
}

const LAYERS: readonly MonitoringLayer[] = [1, 2, 3, 4];

/** Lays the timeline out at `width`; with a `frame` (the app's shared timeline) on the frame's axis. */
export function layoutAlertTimeline(data: AlertTimelineData, width = 720, frame?: TimeFrame): AlertTimelineLayout {
  const plot = { left: frame?.left ?? 118, top: 12, right: frame?.right ?? width - 12, bottom: 12 + LAYERS.length * 30 };
  const start = eventTimeMs(data.range.from);
  const end = Math.max(eventTimeMs(data.range.to), start + 1);
  const x = frame ? frameScale(frame, width) : scaleUtc().domain([start, end]).range([plot.left, plot.right]).clamp(true);
  const lane = scaleBand<MonitoringLayer>().domain(LAYERS).range([plot.top, plot.bottom]).paddingInner(0.2);
  const span = (from: string, to: string | null) => {
    const x0 = x(eventTimeMs(from));
    return { x: x0, width: Math.max(x(to === null ? end : eventTimeMs(to)) - x0, 2) };
  };
  return {
    size: { width, height: plot.bottom + 48 },
    plot,
    lanes: LAYERS.map((layer) => ({ layer, name: LAYER_NAMES[layer], y: lane(layer)!, height: lane.bandwidth() })),
    faults: data.faults.map((f) => ({ ...span(f.from, f.to), y: plot.top - 6, height: plot.bottom - plot.top + 12, label: f.name, from: f.from, to: f.to })),
    alerts: data.alerts.map((a) => ({
      ...span(a.from, a.to),
      y: lane(a.layer)!,
      height: lane.bandwidth(),
      label: a.rule,
      from: a.from,
      to: a.to,
      layer: a.layer,
    })),
    detections: (data.detections ?? []).map((d) => ({
      x: x(eventTimeMs(d.at)),
      y: lane(d.layer)! + lane.bandwidth() / 2,
      size: lane.bandwidth() * 0.7,
      inBudget: d.outcome !== 'late',
      label: detectionLabel(d),
    })),
    xTicks: timeTicks(x, Math.max(2, Math.floor((plot.right - plot.left) / 90))),
  };
}

/** The timeline as an SVG string. */
export function drawAlertTimeline(data: AlertTimelineData, width = 720): string {
  const layout = layoutAlertTimeline(data, width);
  const { plot } = layout;
  return svgDocument(
    layout.size,
    `Alert timeline: ${data.alerts.length} alerts in four layers, ${data.faults.length} injected faults`,
    'chart-alert-timeline',
    [
      ...layout.lanes.map((l) =>
        element('g', { class: `lane lane-${l.layer}` }, [
          element('rect', { x: plot.left, y: l.y, width: plot.right - plot.left, height: l.height, fill: '#f4f4f4' }),
          textElement(l.name, { x: plot.left - 6, y: l.y + l.height / 2 + 4, 'text-anchor': 'end', fill: '#333' }),
        ]),
      ),
      ...layout.faults.map((f) =>
        element('g', { class: 'fault' }, [
          element('rect', { x: f.x, y: f.y, width: f.width, height: f.height, fill: FAULT_COLOUR, 'fill-opacity': 0.6 }, [
            titleElement(`fault ${f.label}: ${f.from} to ${f.to ?? 'the end'}`),
          ]),
          textElement(shorten(f.label, 24), { x: f.x + 2, y: plot.bottom + 4, fill: '#8b1d1a' }),
        ]),
      ),
      ...layout.alerts.map((a) =>
        element('rect', { x: a.x, y: a.y + 3, width: a.width, height: a.height - 6, fill: ALERT_COLOUR, class: `alert alert-l${a.layer}` }, [
          titleElement(`${LAYER_NAMES[a.layer]} alert ${a.label}: ${a.from} to ${a.to ?? 'still firing'}`),
        ]),
      ),
      ...layout.detections.map((d) =>
        element('path', { d: diamondPath(d), class: 'detection', fill: d.inBudget ? '#1b1b1b' : '#ffffff', stroke: '#1b1b1b', 'stroke-width': 1.5 }, [
          titleElement(d.label),
        ]),
      ),
      bottomAxis(layout.xTicks, plot.bottom + 16, plot.left, plot.right, data.clock === 'real' ? 'real time (UTC)' : 'event time'),
    ],
  );
}

/** The SVG path of a detection's diamond. */
export function diamondPath(d: Pick<DetectionMarkLayout, 'x' | 'y' | 'size'>): string {
  const r = d.size / 2;
  return `M${d.x},${d.y - r}L${d.x + r},${d.y}L${d.x},${d.y + r}L${d.x - r},${d.y}Z`;
}

function detectionLabel(d: AlertDetectionMark): string {
  const outcome = d.outcome === 'in-budget' ? 'within budget' : d.outcome === 'late' ? 'after its budget' : 'confirms';
  return `${LAYER_NAMES[d.layer]} first caught ${d.fault} after ${delayText(d.delayMs)} (${outcome})`;
}

function delayText(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : ms < 3_600_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 3_600_000).toFixed(1)} h`;
}
