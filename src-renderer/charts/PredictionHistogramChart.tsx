/** Blue vs green prediction histograms, drawn from `layoutPredictionHistogram`. */
import { MODEL_COLOURS } from '../../src-main/charts/palette';
import { layoutPredictionHistogram } from '../../src-main/charts/predictionHistogram';
import type { PredictionHistogramData } from '../../src-main/contract/charts';
import { BottomAxis, LeftAxis } from './Axes';

export function PredictionHistogramChart({ data, width }: { data: PredictionHistogramData; width: number }) {
  const layout = layoutPredictionHistogram(data, width);
  const { plot } = layout;
  return (
    <svg
      className="chart"
      width={width}
      height={layout.size.height}
      role="img"
      aria-label={`Prediction histograms: ${data.series.map((s) => `${s.role} ${s.model}`).join(' against ')}`}
    >
      {data.series.map((s, i) => (
        <g key={s.role} className="legend">
          <rect x={plot.left + i * 240} y={6} width={12} height={12} rx={2} fill={MODEL_COLOURS[s.role]} />
          <text x={plot.left + 18 + i * 240} y={16}>{`${s.role} · ${s.model} (n=${s.counts.reduce((a, b) => a + b, 0).toLocaleString('en-US')})`}</text>
        </g>
      ))}
      <LeftAxis ticks={layout.yTicks} x={plot.left} y0={plot.bottom} y1={plot.top} gridTo={plot.right} title="share of rows" />
      <BottomAxis ticks={layout.xTicks} y={plot.bottom} x0={plot.left} x1={plot.right} title="predicted probability" />
      {layout.bars.map((b) => (
        <rect key={`${b.role}-${b.bin.lo}`} className={`bar bar-${b.role}`} x={b.x} y={b.y} width={b.width} height={b.height} fill={MODEL_COLOURS[b.role]}>
          <title>{`${b.role} ${b.model}: ${b.count} rows (${(b.share * 100).toFixed(1)}%) in [${b.bin.lo.toFixed(2)}, ${b.bin.hi.toFixed(2)})`}</title>
        </rect>
      ))}
    </svg>
  );
}
