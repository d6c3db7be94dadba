/** The traffic split lane, drawn from `layoutTrafficSplit` on the timeline's shared frame. */
import { GATE_COLOURS, MODEL_COLOURS } from '../../src-main/charts/palette';
import type { TimeFrame } from '../../src-main/charts/timeFrame';
import { layoutTrafficSplit } from '../../src-main/charts/trafficSplit';
import type { TrafficSplitData } from '../../src-main/contract/charts';
import { BottomAxis, LeftAxis, NowMarker } from './Axes';

export function TrafficSplitChart({ data, width, frame, now }: { data: TrafficSplitData; width: number; frame: TimeFrame; now: number | null }) {
  const layout = layoutTrafficSplit(data, width, frame);
  const { plot } = layout;
  return (
    <svg
      className="chart"
      width={width}
      height={layout.size.height}
      role="img"
      aria-label={`Traffic split: green's share, ${data.gates.length} gates${data.rollback ? ', rolled back' : ''}`}
    >
      <rect x={plot.left} y={plot.top} width={plot.right - plot.left} height={plot.bottom - plot.top} fill={MODEL_COLOURS.blue} fillOpacity={0.2} />
      <path className="green-share" d={layout.greenArea} fill={MODEL_COLOURS.green} fillOpacity={0.7} />
      <LeftAxis ticks={layout.yTicks} x={plot.left} y0={plot.bottom} y1={plot.top} gridTo={plot.left} title="green" />
      <BottomAxis ticks={layout.xTicks} y={plot.bottom} x0={plot.left} x1={plot.right} />
      {layout.gates.map((g) => (
        <path
          key={`${g.name}-${g.at}`}
          className={`gate gate-${g.outcome}`}
          d={g.shape}
          transform={`translate(${g.x},${g.y})`}
          fill={g.outcome === 'fail' ? 'none' : GATE_COLOURS[g.outcome]}
          stroke={GATE_COLOURS[g.outcome]}
          strokeWidth={2}
        >
          <title>{`gate ${g.name} at ${g.at}: ${g.outcome}`}</title>
        </path>
      ))}
      {layout.rollback && (
        <g className="rollback">
          <title>{`rollback at ${layout.rollback.at}: ${layout.rollback.reason}`}</title>
          <line
            x1={layout.rollback.x}
            x2={layout.rollback.x}
            y1={plot.top - 20}
            y2={plot.bottom}
            stroke={GATE_COLOURS.fail}
            strokeWidth={2}
            strokeDasharray="5 3"
          />
          <text x={layout.rollback.x + 4} y={plot.top + 12} fill={GATE_COLOURS.fail} fontWeight="bold">
            rollback
          </text>
        </g>
      )}
      <NowMarker x={now} top={plot.top} bottom={plot.bottom} />
    </svg>
  );
}
