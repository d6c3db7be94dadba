/**
 * Traffic split over event time: green's share as a stepped area (blue has the rest), each
 * analysis gate as a mark at the top (circle pass, diamond inconclusive, cross fail), and the
 * rollback as a vertical line (the seed's failure mode 7).
 */
import { area, curveStepAfter, scaleLinear, scaleUtc } from 'd3';
import type { GateOutcome, TrafficSplitData } from '../contract/charts';
import { bottomAxis, leftAxis, linearTicks, timeTicks } from './axis';
import { eventTimeMs } from './eventTime';
import { GATE_COLOURS, MODEL_COLOURS } from './palette';
import { frameScale, type TimeFrame } from './timeFrame';
import { coordinate, element, svgDocument, textElement, titleElement, type ChartSize, type Tick } from './svg';

/** The chart's geometry. */
export interface TrafficSplitLayout {
  readonly size: ChartSize;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  /** Green's share, stepped; the rest of the plot is blue's. */
  readonly greenArea: string;
  readonly gates: readonly {
    readonly x: number;
    readonly y: number;
    readonly name: string;
    readonly at: string;
    readonly outcome: GateOutcome;
    readonly shape: string;
  }[];
  readonly rollback: { readonly x: number; readonly at: string; readonly reason: string } | null;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
}

const HEIGHT = 220;

/** A gate mark's outline centred on (0, 0): a shape per outcome, so the marks read in grey print too. */
function gateShape(outcome: GateOutcome): string {
  switch (outcome) {
    case 'pass':
      return 'M-5,0A5,5 0 1,0 5,0A5,5 0 1,0 -5,0Z';
    case 'inconclusive':
      return 'M0,-6L6,0L0,6L-6,0Z';
    case 'fail':
      return 'M-5,-5L5,5M5,-5L-5,5';
  }
}

/** Lays the chart out at `width`; with a `frame` (the app's shared timeline) on the frame's axis. */
export function layoutTrafficSplit(data: TrafficSplitData, width = 720, frame?: TimeFrame): TrafficSplitLayout {
  const plot = { left: frame?.left ?? 52, top: 40, right: frame?.right ?? width - 12, bottom: HEIGHT - 44 };
  const start = eventTimeMs(data.range.from);
  const end = Math.max(eventTimeMs(data.range.to), start + 1);
  const x = frame ? frameScale(frame, width) : scaleUtc().domain([start, end]).range([plot.left, plot.right]);
  const y = scaleLinear().domain([0, 100]).range([plot.bottom, plot.top]);
  // The weight holds from each change until the next; before the first change green has none.
  const steps = [{ t: start, percent: 0 }, ...data.weights.map((w) => ({ t: eventTimeMs(w.at), percent: w.greenPercent }))].sort((a, b) => a.t - b.t);
  const points = [...steps, { t: end, percent: steps.at(-1)!.percent }].map((s) => ({ x: x(Math.min(Math.max(s.t, start), end)), y: y(s.percent) }));
  const greenArea =
    area<{ x: number; y: number }>()
      .x((d) => d.x)
      .y0(plot.bottom)
      .y1((d) => d.y)
      .curve(curveStepAfter)
      .digits(2)(points) ?? '';
  return {
    size: { width, height: HEIGHT },
    plot,
    greenArea,
    gates: data.gates.map((g) => ({ x: x(eventTimeMs(g.at)), y: plot.top - 12, name: g.name, at: g.at, outcome: g.outcome, shape: gateShape(g.outcome) })),
    rollback: data.rollback === null ? null : { x: x(eventTimeMs(data.rollback.at)), at: data.rollback.at, reason: data.rollback.reason },
    xTicks: timeTicks(x, Math.max(2, Math.floor((plot.right - plot.left) / 90))),
    yTicks: linearTicks(y, 4, '%'),
  };
}

/** The chart as an SVG string. */
export function drawTrafficSplit(data: TrafficSplitData, width = 720): string {
  const layout = layoutTrafficSplit(data, width);
  const { plot } = layout;
  return svgDocument(
    layout.size,
    `Traffic split over event time: green's share, ${data.gates.length} gates${data.rollback ? ', rolled back' : ''}`,
    'chart-traffic-split',
    [
      element('rect', {
        x: plot.left,
        y: plot.top,
        width: plot.right - plot.left,
        height: plot.bottom - plot.top,
        fill: MODEL_COLOURS.blue,
        'fill-opacity': 0.25,
      }),
      element('path', { d: layout.greenArea, fill: MODEL_COLOURS.green, 'fill-opacity': 0.7, class: 'green-share' }),
      leftAxis(layout.yTicks, plot.left, plot.bottom, plot.top, plot.left, 'green'),
      bottomAxis(layout.xTicks, plot.bottom, plot.left, plot.right, 'event time'),
      ...layout.gates.map((g) =>
        element(
          'path',
          {
            d: g.shape,
            transform: `translate(${coordinate(g.x)},${coordinate(g.y)})`,
            fill: g.outcome === 'fail' ? 'none' : GATE_COLOURS[g.outcome],
            stroke: GATE_COLOURS[g.outcome],
            'stroke-width': 2,
            class: `gate gate-${g.outcome}`,
          },
          [titleElement(`gate ${g.name} at ${g.at}: ${g.outcome}`)],
        ),
      ),
      ...(layout.rollback === null
        ? []
        : [
            element('g', { class: 'rollback' }, [
              titleElement(`rollback at ${layout.rollback.at}: ${layout.rollback.reason}`),
              element('line', {
                x1: layout.rollback.x,
                x2: layout.rollback.x,
                y1: plot.top - 20,
                y2: plot.bottom,
                stroke: GATE_COLOURS.fail,
                'stroke-width': 2,
                'stroke-dasharray': '5 3',
              }),
              textElement('rollback', { x: layout.rollback.x + 4, y: plot.top + 12, fill: GATE_COLOURS.fail, 'font-weight': 'bold' }),
            ]),
          ]),
    ],
  );
}
