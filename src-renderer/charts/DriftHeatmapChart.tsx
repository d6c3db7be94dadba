/**
 * The drift heatmap lane, drawn from `layoutDriftHeatmap` on the timeline's shared frame. Its
 * default view colours each cell against that series' own alert threshold, as the alerts and the
 * verdict judge it; the seed's fixed PSI bands are a second view, one click away and labelled so.
 */
import { useState } from 'react';
import { cellTitle, drawnView, heatmapLegend, layoutDriftHeatmap, type HeatmapView } from '../../src-main/charts/driftHeatmap';
import { PSI_COLOURS } from '../../src-main/charts/palette';
import type { TimeFrame } from '../../src-main/charts/timeFrame';
import type { DriftHeatmapData } from '../../src-main/contract/charts';
import { BottomAxis, NowMarker } from './Axes';

const VIEW_NAMES: Record<HeatmapView, string> = { threshold: "Against each series' own alert threshold", bands: 'Fixed PSI bands (0.1 / 0.25)' };

export function DriftHeatmapChart({ data, width, frame, now }: { data: DriftHeatmapData; width: number; frame: TimeFrame; now: number | null }) {
  const [asked, setAsked] = useState<HeatmapView>('threshold');
  const view = drawnView(data, asked);
  const layout = layoutDriftHeatmap(data, width, frame, view);
  const legend = heatmapLegend(data, view);
  const { plot } = layout;
  return (
    <div className="drift-heatmap" data-view={view}>
      <div className="heatmap-views" role="group" aria-label="Heatmap colours">
        {(['threshold', 'bands'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} disabled={v === 'threshold' && data.relative === undefined} onClick={() => setAsked(v)}>
            {VIEW_NAMES[v]}
          </button>
        ))}
        <span className="heatmap-legend">
          {(['stable', 'investigate', 'retrain', 'none'] as const).map((band) => (
            <span key={band} className={`legend-${band}`}>
              <svg width={10} height={10} aria-hidden="true">
                <rect width={10} height={10} fill={PSI_COLOURS[band]} />
              </svg>{' '}
              {legend[band]}
            </span>
          ))}
        </span>
      </div>
      <svg
        className="chart"
        width={width}
        height={layout.size.height}
        role="img"
        aria-label={`Drift heatmap: PSI of ${data.features.length} features over ${data.windows.length} windows, ${view === 'threshold' ? "relative to each one's own alert threshold" : "in the seed's fixed PSI bands"}`}
      >
        {layout.rows.map((row) => (
          <text key={row.feature} x={plot.left - 6} y={row.y + row.height / 2 + 4} textAnchor="end">
            <title>{row.feature}</title>
            {row.label}
          </text>
        ))}
        {layout.cells.map((c) => (
          <rect key={`${c.feature}-${c.window.from}`} className={`psi-${c.band}`} x={c.x} y={c.y} width={c.width} height={c.height} fill={c.fill}>
            <title>{cellTitle(c)}</title>
          </rect>
        ))}
        <NowMarker x={now} top={plot.top} bottom={plot.bottom} />
        <BottomAxis ticks={layout.xTicks} y={plot.bottom + 4} x0={plot.left} x1={plot.right} />
      </svg>
    </div>
  );
}
