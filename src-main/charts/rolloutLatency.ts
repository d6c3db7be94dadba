/**
 * p99 latency of each rollout step at its event time (DESIGN.md's timeline): a level
 * segment per model across each step's stretch, on a y axis in milliseconds with the SLA line,
 * so a step that breached the SLA lines up with the gate that failed and the rollback.
 */
import { scaleLinear, scaleUtc } from 'd3';
import type { RolloutLatencyData } from '../contract/charts';
import { bottomAxis, leftAxis, linearTicks, timeTicks } from './axis';
import { eventTimeMs } from './eventTime';
import { MODEL_COLOURS, SLA_COLOUR } from './palette';
import { element, svgDocument, textElement, titleElement, type ChartSize, type Tick } from './svg';
import { frameScale, type TimeFrame } from './timeFrame';

/** One model's p99 across one step. */
export interface StepSegment {
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  readonly role: 'blue' | 'green';
  readonly p99Ms: number;
  readonly from: string;
  readonly to: string;
  readonly greenPercent: number;
}

/** The chart's geometry. */
export interface RolloutLatencyLayout {
  readonly size: ChartSize;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly segments: readonly StepSegment[];
  /** The SLA line's y, or null without an SLA. */
  readonly slaY: number | null;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
}

const HEIGHT = 180;

/** Lays the chart out at `width`; with a `frame` (the app's shared timeline) on the frame's axis. */
export function layoutRolloutLatency(data: RolloutLatencyData, width = 720, frame?: TimeFrame): RolloutLatencyLayout {
  const plot = { left: frame?.left ?? 52, top: 24, right: frame?.right ?? width - 12, bottom: HEIGHT - 40 };
  const start = eventTimeMs(data.range.from);
  const x = frame
    ? frameScale(frame, width)
    : scaleUtc()
        .domain([start, Math.max(eventTimeMs(data.range.to), start + 1)])
        .range([plot.left, plot.right]);
  const all = data.steps.flatMap((s) => [s.p99Ms.blue, s.p99Ms.green]).filter((v): v is number => v !== null);
  const y = scaleLinear()
    .domain([0, Math.max(1, data.slaMs ?? 0, ...all) * 1.1])
    .range([plot.bottom, plot.top])
    .nice();
  const segments = data.steps.flatMap((step) =>
    (['blue', 'green'] as const).flatMap((role) => {
      const p99Ms = step.p99Ms[role];
      return p99Ms === null
        ? []
        : [
            {
              x1: x(eventTimeMs(step.from)),
              x2: x(eventTimeMs(step.to)),
              y: y(p99Ms),
              role,
              p99Ms,
              from: step.from,
              to: step.to,
              greenPercent: step.greenPercent,
            },
          ];
    }),
  );
  return {
    size: { width, height: HEIGHT },
    plot,
    segments,
    slaY: data.slaMs === null ? null : y(data.slaMs),
    xTicks: timeTicks(x, Math.max(2, Math.floor((plot.right - plot.left) / 90))),
    yTicks: linearTicks(y, 4),
  };
}

/** The chart as an SVG string. */
export function drawRolloutLatency(data: RolloutLatencyData, width = 720, frame?: TimeFrame): string {
  const layout = layoutRolloutLatency(data, width, frame);
  const { plot } = layout;
  return svgDocument(layout.size, `p99 latency of ${data.steps.length} rollout steps, blue and green`, 'chart-rollout-latency', [
    leftAxis(layout.yTicks, plot.left, plot.bottom, plot.top, plot.right, 'p99 ms'),
    bottomAxis(layout.xTicks, plot.bottom, plot.left, plot.right, 'event time'),
    ...(layout.slaY === null
      ? []
      : [
          element('line', { class: 'sla', x1: plot.left, x2: plot.right, y1: layout.slaY, y2: layout.slaY, stroke: SLA_COLOUR, 'stroke-dasharray': '4 3' }),
          textElement(`SLA ${data.slaMs} ms`, { x: plot.right - 4, y: layout.slaY - 4, 'text-anchor': 'end', fill: SLA_COLOUR }),
        ]),
    ...layout.segments.map((s) =>
      element('line', { x1: s.x1, x2: s.x2, y1: s.y, y2: s.y, stroke: MODEL_COLOURS[s.role], 'stroke-width': 3, class: `step step-${s.role}` }, [
        titleElement(`${s.role} p99 ${s.p99Ms} ms from ${s.from} to ${s.to} (green at ${s.greenPercent}%)`),
      ]),
    ),
  ]);
}
