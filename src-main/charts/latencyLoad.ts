/**
 * Latency against load: p50, p95 and p99 (ms) against the achieved request rate, one panel per
 * resource profile on a shared y scale, with the SLA as a horizontal line (the seed's failure mode 4).
 */
import { line, scaleLinear } from 'd3';
import type { LatencyLoadData, LatencyPoint } from '../contract/charts';
import { bottomAxis, leftAxis, linearTicks } from './axis';
import { PERCENTILE_COLOURS, SLA_COLOUR } from './palette';
import { element, shorten, svgDocument, textElement, titleElement, type ChartSize, type Tick } from './svg';

/** The percentiles drawn, in the order of the legend. */
export const PERCENTILES = ['p50', 'p95', 'p99'] as const;
type Percentile = (typeof PERCENTILES)[number];

/** One profile's panel. */
export interface LatencyPanel {
  readonly profile: string;
  readonly left: number;
  readonly right: number;
  readonly lines: readonly {
    readonly percentile: Percentile;
    readonly path: string;
    readonly colour: string;
    readonly points: readonly { readonly x: number; readonly y: number; readonly point: LatencyPoint }[];
  }[];
  readonly xTicks: readonly Tick[];
}

/** The chart's geometry. */
export interface LatencyLoadLayout {
  readonly size: ChartSize;
  readonly top: number;
  readonly bottom: number;
  readonly panels: readonly LatencyPanel[];
  readonly yTicks: readonly Tick[];
  /** The SLA line's y, or null without an SLA. */
  readonly slaY: number | null;
}

const HEIGHT = 280;
const GAP = 28;

/** Lays the panels out side by side at `width`. */
export function layoutLatencyLoad(data: LatencyLoadData, width = 720): LatencyLoadLayout {
  const top = 46;
  const bottom = HEIGHT - 44;
  const left = 52;
  const all = data.profiles.flatMap((p) => p.points);
  const yMax = Math.max(1, data.slaMs ?? 0, ...all.map((p) => p.p99Ms)) * 1.1;
  const xMax = Math.max(1, ...all.map((p) => p.rps)) * 1.05;
  const y = scaleLinear().domain([0, yMax]).range([bottom, top]).nice();
  const count = Math.max(1, data.profiles.length);
  const panelWidth = (width - left - 12 - GAP * (count - 1)) / count;
  const panels = data.profiles.map((profile, i) => {
    const x0 = left + i * (panelWidth + GAP);
    const x = scaleLinear()
      .domain([0, xMax])
      .range([x0, x0 + panelWidth])
      .nice();
    const sorted = [...profile.points].sort((a, b) => a.rps - b.rps);
    const lines = PERCENTILES.map((percentile) => {
      const points = sorted.map((point) => ({ x: x(point.rps), y: y(point[`${percentile}Ms`]), point }));
      const path =
        line<{ x: number; y: number }>(
          (d) => d.x,
          (d) => d.y,
        ).digits(2)(points) ?? '';
      return { percentile, path, colour: PERCENTILE_COLOURS[percentile], points };
    });
    return { profile: profile.name, left: x0, right: x0 + panelWidth, lines, xTicks: linearTicks(x, Math.max(2, Math.floor(panelWidth / 70))) };
  });
  return { size: { width, height: HEIGHT }, top, bottom, panels, yTicks: linearTicks(y, 5), slaY: data.slaMs === null ? null : y(data.slaMs) };
}

/** The chart as an SVG string. */
export function drawLatencyLoad(data: LatencyLoadData, width = 720): string {
  const layout = layoutLatencyLoad(data, width);
  const first = layout.panels[0];
  const legend = [
    ...PERCENTILES.map((p, i) =>
      element('g', {}, [
        element('line', { x1: 52 + i * 70, x2: 68 + i * 70, y1: 10, y2: 10, stroke: PERCENTILE_COLOURS[p], 'stroke-width': 2 }),
        textElement(p, { x: 72 + i * 70, y: 14, fill: '#333' }),
      ]),
    ),
    ...(data.slaMs === null
      ? []
      : [
          element('line', { x1: 262, x2: 278, y1: 10, y2: 10, stroke: SLA_COLOUR, 'stroke-dasharray': '4 3' }),
          textElement(`SLA ${data.slaMs} ms (p99)`, { x: 282, y: 14, fill: '#333' }),
        ]),
  ];
  return svgDocument(layout.size, `Latency percentiles against request rate for ${data.profiles.length} resource profiles`, 'chart-latency-load', [
    ...legend,
    leftAxis(layout.yTicks, first?.left ?? 52, layout.bottom, layout.top, layout.panels.at(-1)?.right ?? width - 12, 'ms'),
    ...layout.panels.map((panel) =>
      element('g', { class: 'panel' }, [
        titleElement(`profile ${panel.profile}`),
        textElement(shorten(panel.profile, 40), {
          x: (panel.left + panel.right) / 2,
          y: layout.top - 4,
          'text-anchor': 'middle',
          'font-weight': 'bold',
          fill: '#333',
        }),
        bottomAxis(panel.xTicks, layout.bottom, panel.left, panel.right, 'requests/s'),
        ...(layout.slaY === null
          ? []
          : [
              element('line', {
                class: 'sla',
                x1: panel.left,
                x2: panel.right,
                y1: layout.slaY,
                y2: layout.slaY,
                stroke: SLA_COLOUR,
                'stroke-dasharray': '4 3',
              }),
            ]),
        ...panel.lines.flatMap((l) => [
          element('path', { d: l.path, fill: 'none', stroke: l.colour, 'stroke-width': 2, class: `line-${l.percentile}` }),
          ...l.points.map((p) =>
            element('circle', { cx: p.x, cy: p.y, r: 2.5, fill: l.colour }, [
              titleElement(`${panel.profile} ${l.percentile} ${p.point[`${l.percentile}Ms`]} ms at ${p.point.rps} requests/s`),
            ]),
          ),
        ]),
      ]),
    ),
  ]);
}
