/** The drift heatmap lane, drawn from `layoutDriftHeatmap` on the timeline's shared frame. */
import { layoutDriftHeatmap } from '../../src-main/charts/driftHeatmap';
import type { TimeFrame } from '../../src-main/charts/timeFrame';
import type { DriftHeatmapData } from '../../src-main/contract/charts';
import { BottomAxis, NowMarker } from './Axes';

export function DriftHeatmapChart({ data, width, frame, now }: { data: DriftHeatmapData; width: number; frame: TimeFrame; now: number | null }) {
  const layout = layoutDriftHeatmap(data, width, frame);
  const { plot } = layout;
  return (
    <svg
      className="chart"
      width={width}
      height={layout.size.height}
      role="img"
      aria-label={`Drift heatmap: PSI of ${data.features.length} features over ${data.windows.length} windows`}
    >
      {layout.rows.map((row) => (
        <text key={row.feature} x={plot.left - 6} y={row.y + row.height / 2 + 4} textAnchor="end">
          <title>{row.feature}</title>
          {row.label}
        </text>
      ))}
      {layout.cells.map((c) => (
        <rect key={`${c.feature}-${c.window.from}`} className={`psi-${c.band}`} x={c.x} y={c.y} width={c.width} height={c.height} fill={c.fill}>
          <title>{`${c.feature}, ${c.window.from} to ${c.window.to}: ${c.psi === null ? 'too few rows' : `PSI ${c.psi.toFixed(3)}`}`}</title>
        </rect>
      ))}
      <NowMarker x={now} top={plot.top} bottom={plot.bottom} />
      <BottomAxis ticks={layout.xTicks} y={plot.bottom + 4} x0={plot.left} x1={plot.right} />
    </svg>
  );
}
