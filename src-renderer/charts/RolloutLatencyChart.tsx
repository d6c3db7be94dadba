/** The rollout-latency lane (p99 per step), drawn from `layoutRolloutLatency` on the shared frame. */
import { MODEL_COLOURS } from '../../src-main/charts/palette';
import { layoutRolloutLatency } from '../../src-main/charts/rolloutLatency';
import type { TimeFrame } from '../../src-main/charts/timeFrame';
import type { RolloutLatencyData } from '../../src-main/contract/charts';
import { BottomAxis, LeftAxis, NowMarker } from './Axes';

export function RolloutLatencyChart({ data, width, frame, now }: { data: RolloutLatencyData; width: number; frame: TimeFrame; now: number | null }) {
  const layout = layoutRolloutLatency(data, width, frame);
  const { plot } = layout;
  return (
    <svg className="chart" width={width} height={layout.size.height} role="img" aria-label={`p99 latency of ${data.steps.length} rollout steps`}>
      <LeftAxis ticks={layout.yTicks} x={plot.left} y0={plot.bottom} y1={plot.top} gridTo={plot.right} title="p99 ms" />
      <BottomAxis ticks={layout.xTicks} y={plot.bottom} x0={plot.left} x1={plot.right} />
      {layout.slaY !== null && <line className="sla" x1={plot.left} x2={plot.right} y1={layout.slaY} y2={layout.slaY} />}
      {layout.segments.map((s) => (
        <line
          key={`${s.role}-${s.from}`}
          className={`step step-${s.role}`}
          x1={s.x1}
          x2={s.x2}
          y1={s.y}
          y2={s.y}
          stroke={MODEL_COLOURS[s.role]}
          strokeWidth={3}
        >
          <title>{`${s.role} p99 ${s.p99Ms} ms from ${s.from} to ${s.to} (green at ${s.greenPercent}%)`}</title>
        </line>
      ))}
      <NowMarker x={now} top={plot.top} bottom={plot.bottom} />
    </svg>
  );
}
