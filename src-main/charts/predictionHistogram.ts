/**
 * Prediction histograms, blue against green: each model's share of rows per bin as bars side by
 * side, so two models scored on different row counts compare directly.
 */
import { scaleLinear } from 'd3';
import type { PredictionHistogramData } from '../contract/charts';
import { bottomAxis, leftAxis, linearTicks } from './axis';
import { MODEL_COLOURS } from './palette';
import { element, shorten, svgDocument, textElement, titleElement, type ChartSize, type Tick } from './svg';

/** One bar: a model's share of its rows in one bin. */
export interface HistogramBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly role: 'blue' | 'green';
  readonly model: string;
  readonly bin: { readonly lo: number; readonly hi: number };
  readonly count: number;
  readonly share: number;
}

/** The chart's geometry. */
export interface PredictionHistogramLayout {
  readonly size: ChartSize;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly bars: readonly HistogramBar[];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
}

const HEIGHT = 240;

/** Lays the histogram out at `width`. */
export function layoutPredictionHistogram(data: PredictionHistogramData, width = 720): PredictionHistogramLayout {
  const plot = { left: 52, top: 42, right: width - 12, bottom: HEIGHT - 44 };
  const bins = Math.max(0, ...data.series.map((s) => s.counts.length));
  const shares = data.series.map((s) => {
    const total = s.counts.reduce((a, b) => a + b, 0);
    return s.counts.map((c) => (total > 0 ? c / total : 0));
  });
  const x = scaleLinear().domain([data.lo, data.hi]).range([plot.left, plot.right]);
  const y = scaleLinear()
    .domain([0, Math.max(0.01, ...shares.flat())])
    .range([plot.bottom, plot.top])
    .nice();
  const step = bins > 0 ? (data.hi - data.lo) / bins : 0;
  const slot = data.series.length > 0 ? (x(data.lo + step) - x(data.lo)) / data.series.length : 0;
  const bars = data.series.flatMap((series, s) =>
    series.counts.map((count, b) => {
      const share = shares[s]![b]!;
      const top = y(share);
      return {
        x: x(data.lo + b * step) + s * slot,
        y: top,
        width: Math.max(slot - 0.5, 0.5),
        height: plot.bottom - top,
        role: series.role,
        model: series.model,
        bin: { lo: data.lo + b * step, hi: data.lo + (b + 1) * step },
        count,
        share,
      };
    }),
  );
  return { size: { width, height: HEIGHT }, plot, bars, xTicks: linearTicks(x, 10), yTicks: linearTicks(y, 4) };
}

/** The chart as an SVG string. */
export function drawPredictionHistogram(data: PredictionHistogramData, width = 720): string {
  const layout = layoutPredictionHistogram(data, width);
  const { plot } = layout;
  const legend = data.series.map((s, i) =>
    element('g', {}, [
      element('rect', { x: plot.left + i * 220, y: 4, width: 12, height: 12, fill: MODEL_COLOURS[s.role] }),
      textElement(`${s.role}: ${shorten(s.model, 28)} (n=${s.counts.reduce((a, b) => a + b, 0)})`, { x: plot.left + 16 + i * 220, y: 14, fill: '#333' }),
    ]),
  );
  const label = `Prediction histograms: ${data.series.map((s) => `${s.role} ${s.model}`).join(' against ')}`;
  return svgDocument(layout.size, label, 'chart-prediction-histogram', [
    ...legend,
    leftAxis(layout.yTicks, plot.left, plot.bottom, plot.top, plot.right, 'share of rows'),
    bottomAxis(layout.xTicks, plot.bottom, plot.left, plot.right, 'predicted probability'),
    ...layout.bars.map((b) =>
      element('rect', { x: b.x, y: b.y, width: b.width, height: b.height, fill: MODEL_COLOURS[b.role], class: `bar-${b.role}` }, [
        titleElement(`${b.role} ${b.model}: ${b.count} rows (${(b.share * 100).toFixed(1)}%) in [${b.bin.lo.toFixed(2)}, ${b.bin.hi.toFixed(2)})`),
      ]),
    ),
  ]);
}
