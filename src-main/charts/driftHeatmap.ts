/**
 * Drift heatmap: input features down, event-time windows across. Two views of the same cells:
 * `threshold` (the default) colours each cell by its PSI relative to that series' own alert
 * threshold in that window (below half of it, up to it, past it), so the picture agrees with the
 * alerts and the verdict; `bands` colours by the seed's fixed PSI bands (< 0.1 stable, 0.1-0.25
 * investigate, > 0.25 retrain), labelled as such. Without relative figures (a log that recorded
 * no thresholds) the threshold view falls back to the bands.
 */
import { scaleBand, scaleUtc } from 'd3';
import type { DriftHeatmapData, PsiBands } from '../contract/charts';
import { bottomAxis, timeTicks } from './axis';
import { eventTimeMs } from './eventTime';
import { PSI_COLOURS } from './palette';
import { frameScale, type TimeFrame } from './timeFrame';
import { element, labelWidth, shorten, svgDocument, textElement, titleElement, type ChartSize, type Tick } from './svg';

/** Which PSI band a value is in; `none` when the window had too little data. */
export type PsiBand = keyof typeof PSI_COLOURS;

/** One cell of the heatmap. */
export interface HeatmapCell {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly band: PsiBand;
  readonly fill: string;
  readonly feature: string;
  readonly window: { readonly from: string; readonly to: string };
  readonly psi: number | null;
  /** The PSI as a share of the series' own alert threshold in that window; null when unknown. */
  readonly relative: number | null;
}

/** The heatmap's geometry, for the SVG below and for React alike. */
export interface DriftHeatmapLayout {
  readonly size: ChartSize;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly rows: readonly { readonly feature: string; readonly label: string; readonly y: number; readonly height: number }[];
  readonly cells: readonly HeatmapCell[];
  readonly xTicks: readonly Tick[];
}

/** Which colouring: relative to each series' own alert threshold, or the seed's fixed PSI bands. */
export type HeatmapView = 'threshold' | 'bands';

/** Below this share of its own threshold a cell is calm; from it up to the threshold, near. */
const NEAR_THRESHOLD = 0.5;

const ROW_HEIGHT = 18;
const LABEL_CHARS = 28;

/** The band of a PSI value: stable below `investigate`, retrain above `retrain`, investigate between. */
export function psiBand(psi: number | null, bands: PsiBands): PsiBand {
  if (psi === null || !Number.isFinite(psi)) {
    return 'none';
  }
  return psi > bands.retrain ? 'retrain' : psi >= bands.investigate ? 'investigate' : 'stable';
}

/** The colour class of a PSI relative to its own threshold: calm below half of it, near up to it, past it beyond. */
export function relativeBand(relative: number | null): PsiBand {
  if (relative === null || !Number.isFinite(relative)) {
    return 'none';
  }
  return relative > 1 ? 'retrain' : relative >= NEAR_THRESHOLD ? 'investigate' : 'stable';
}

/** The view actually drawn: the threshold view needs the relative figures. */
export function drawnView(data: DriftHeatmapData, view: HeatmapView): HeatmapView {
  return view === 'threshold' && data.relative !== undefined ? 'threshold' : 'bands';
}

/**
 * Lays the heatmap out at `width`; the height follows from the number of features. With a
 * `frame` (the app's shared timeline) the x axis is the frame's and labels fit its left margin.
 */
export function layoutDriftHeatmap(data: DriftHeatmapData, width = 720, frame?: TimeFrame, view: HeatmapView = 'threshold'): DriftHeatmapLayout {
  const shown = drawnView(data, view);
  const labels = data.features.map((f) => shorten(f, frame ? Math.max(4, Math.floor((frame.left - 12) / 6.2)) : LABEL_CHARS));
  const left = frame ? frame.left : Math.max(60, Math.max(0, ...labels.map(labelWidth)) + 12);
  const top = 26;
  const bottom = top + data.features.length * ROW_HEIGHT;
  const right = frame?.right ?? width - 12;
  const starts = data.windows.map((w) => eventTimeMs(w.from));
  const ends = data.windows.map((w) => eventTimeMs(w.to));
  const x = frame
    ? frameScale(frame, width)
    : scaleUtc()
        .domain(starts.length > 0 ? [Math.min(...starts), Math.max(...ends)] : [0, 1])
        .range([left, right]);
  const y = scaleBand<string>()
    .domain(data.features.map((_, i) => String(i)))
    .range([top, bottom])
    .paddingInner(0.08);
  const cells = data.features.flatMap((feature, f) =>
    data.windows.map((window, w) => {
      const psi = data.psi[f]?.[w] ?? null;
      const relative = data.relative?.[f]?.[w] ?? null;
      const band = shown === 'threshold' ? relativeBand(relative) : psiBand(psi, data.bands);
      const x0 = x(starts[w]!);
      return {
        x: x0,
        y: y(String(f))!,
        width: Math.max(x(ends[w]!) - x0, 0.5),
        height: y.bandwidth(),
        band,
        fill: PSI_COLOURS[band],
        feature,
        window,
        psi,
        relative,
      };
    }),
  );
  return {
    size: { width, height: bottom + 52 },
    plot: { left, top, right, bottom },
    rows: data.features.map((feature, f) => ({ feature, label: labels[f]!, y: y(String(f))!, height: y.bandwidth() })),
    cells,
    xTicks: data.windows.length > 0 || frame ? timeTicks(x, Math.max(2, Math.floor((right - left) / 90))) : [],
  };
}

/** What each colour means in a view, for the legends of the report and the app. */
export function heatmapLegend(data: DriftHeatmapData, view: HeatmapView): Record<PsiBand, string> {
  return drawnView(data, view) === 'threshold'
    ? { stable: `< ${NEAR_THRESHOLD} x own threshold`, investigate: `${NEAR_THRESHOLD} to 1 x`, retrain: 'past its threshold', none: 'too few rows' }
    : {
        stable: `PSI < ${data.bands.investigate}`,
        investigate: `${data.bands.investigate} to ${data.bands.retrain}`,
        retrain: `> ${data.bands.retrain}`,
        none: 'too few rows',
      };
}

/** A cell's tooltip: its PSI, and where it stands against its own threshold. */
export function cellTitle(c: HeatmapCell): string {
  const where = `${c.feature}, ${c.window.from} to ${c.window.to}`;
  if (c.psi === null) {
    return `${where}: too few rows`;
  }
  return `${where}: PSI ${c.psi.toFixed(3)}${c.relative === null ? '' : `, ${c.relative.toFixed(2)} x its own alert threshold`}`;
}

/** The heatmap as an SVG string, in one view: relative to each series' own threshold (default), or the seed's fixed bands. */
export function drawDriftHeatmap(data: DriftHeatmapData, width = 720, view: HeatmapView = 'threshold'): string {
  const layout = layoutDriftHeatmap(data, width, undefined, view);
  const { plot } = layout;
  const texts = heatmapLegend(data, view);
  const legend = (['stable', 'investigate', 'retrain', 'none'] as const).map((band, i) => {
    const text = texts[band];
    const x0 = plot.left + i * (drawnView(data, view) === 'threshold' ? 160 : 120);
    return element('g', { class: `legend-${band}` }, [
      element('rect', { x: x0, y: 6, width: 12, height: 12, fill: PSI_COLOURS[band] }),
      textElement(text, { x: x0 + 16, y: 16, fill: '#333' }),
    ]);
  });
  const title =
    drawnView(data, view) === 'threshold'
      ? `Drift heatmap: PSI of ${data.features.length} features over ${data.windows.length} windows, relative to each one's own alert threshold`
      : `Drift heatmap: PSI of ${data.features.length} features over ${data.windows.length} windows, in the seed's fixed PSI bands`;
  return svgDocument(layout.size, title, drawnView(data, view) === 'threshold' ? 'chart-drift-heatmap' : 'chart-drift-heatmap-bands', [
    ...legend,
    ...layout.rows.map((row) =>
      element('g', {}, [
        titleElement(row.feature),
        textElement(row.label, { x: plot.left - 6, y: row.y + row.height / 2 + 4, 'text-anchor': 'end', fill: '#333' }),
      ]),
    ),
    element(
      'g',
      { class: 'cells' },
      layout.cells.map((c) =>
        element('rect', { x: c.x, y: c.y, width: c.width, height: c.height, fill: c.fill, class: `psi-${c.band}` }, [titleElement(cellTitle(c))]),
      ),
    ),
    bottomAxis(layout.xTicks, plot.bottom + 4, plot.left, plot.right, 'event time'),
  ]);
}
