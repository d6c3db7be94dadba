/** The four alert lanes with injected-fault bars and detection marks, drawn from `layoutAlertTimeline` on the shared frame. */
import { diamondPath, layoutAlertTimeline, LAYER_NAMES } from '../../src-main/charts/alertTimeline';
import { ALERT_COLOUR, FAULT_COLOUR } from '../../src-main/charts/palette';
import type { TimeFrame } from '../../src-main/charts/timeFrame';
import type { AlertTimelineData } from '../../src-main/contract/charts';
import { BottomAxis, NowMarker } from './Axes';

export function AlertTimelineChart({ data, width, frame, now }: { data: AlertTimelineData; width: number; frame: TimeFrame; now: number | null }) {
  const layout = layoutAlertTimeline(data, width, frame);
  const { plot } = layout;
  return (
    <svg
      className="chart"
      width={width}
      height={layout.size.height}
      role="img"
      aria-label={`Alerts: ${data.alerts.length} in four layers, ${data.faults.length} injected faults`}
    >
      {layout.lanes.map((l) => (
        <g key={l.layer} className={`lane lane-${l.layer}`}>
          <rect x={plot.left} y={l.y} width={plot.right - plot.left} height={l.height} className="alert-lane" />
          <text x={plot.left - 6} y={l.y + l.height / 2 + 4} textAnchor="end">
            {l.name}
          </text>
        </g>
      ))}
      {layout.faults.map((f) => (
        <rect key={`${f.label}-${f.from}`} className="fault" x={f.x} y={f.y} width={f.width} height={f.height} fill={FAULT_COLOUR} fillOpacity={0.6}>
          <title>{`fault ${f.label}: ${f.from} to ${f.to ?? 'the end'}`}</title>
        </rect>
      ))}
      {layout.alerts.map((a) => (
        <rect
          key={`${a.layer}-${a.label}-${a.from}`}
          className={`alert alert-l${a.layer}`}
          x={a.x}
          y={a.y + 3}
          width={a.width}
          height={a.height - 6}
          rx={2}
          fill={ALERT_COLOUR}
        >
          <title>{`${LAYER_NAMES[a.layer]} alert ${a.label}: ${a.from} to ${a.to ?? 'still firing'}`}</title>
        </rect>
      ))}
      {layout.detections.map((d) => (
        <path key={`${d.label}-${d.x}`} className="detection" d={diamondPath(d)} fill={d.inBudget ? '#1b1b1b' : '#ffffff'} stroke="#1b1b1b" strokeWidth={1.5}>
          <title>{d.label}</title>
        </path>
      ))}
      <NowMarker x={now} top={plot.top} bottom={plot.bottom} />
      <BottomAxis ticks={layout.xTicks} y={plot.bottom + 16} x0={plot.left} x1={plot.right} />
    </svg>
  );
}
