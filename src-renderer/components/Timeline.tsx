/**
 * The timeline (DESIGN.md's main screen): one event-time axis for every lane. Drag across the
 * overview to brush a range; every lane then shows that range, zoomed together (the engine
 * recomputes their data for it). Double-click or Reset shows the whole run again.
 */
import { useRef, useState, type MouseEvent } from 'react';
import { layoutTimeAxis, timeAtX, xAtTime, type TimeFrame } from '../../src-main/charts/timeFrame';
import type { EventTimeRange } from '../../src-main/contract/charts';
import type { RunView } from '../../src-main/contract/runView';
import { AlertTimelineChart } from '../charts/AlertTimelineChart';
import { DriftHeatmapChart } from '../charts/DriftHeatmapChart';
import { PredictionHistogramChart } from '../charts/PredictionHistogramChart';
import { RolloutLatencyChart } from '../charts/RolloutLatencyChart';
import { TrafficSplitChart } from '../charts/TrafficSplitChart';
import { shortTime } from '../format';
import { useWidth } from '../hooks/useWidth';
import { Lane } from './Lane';

/** Where every lane's plot starts: room for feature names and the alert layers' labels. */
const LANE_LEFT = 150;
const OVERVIEW_HEIGHT = 48;

export function Timeline({
  view,
  brushed,
  onBrush,
}: {
  view: RunView | null;
  brushed: EventTimeRange | null;
  onBrush: (range: EventTimeRange | null) => void;
}) {
  const [ref, measured] = useWidth<HTMLDivElement>();
  const width = Math.max(480, measured);
  const frame: TimeFrame | null = view?.range ? { range: view.range, left: LANE_LEFT } : null;
  const now = frame && view?.position ? xAtTime(frame, width, view.position) : null;
  const lanes = view?.lanes ?? null;
  const predictions = lanes?.predictions.measured ? lanes.predictions.data.range : null;
  return (
    <section className="panel timeline" aria-label="Timeline">
      <header className="panel-header">
        <h2>Timeline</h2>
        <span className="panel-sub">event time{view?.range ? `: ${shortTime(view.range.from)} → ${shortTime(view.range.to)}` : ''}</span>
        <div className="spacer" />
        {view?.extent && <ZoomButtons extent={view.extent} range={view.range ?? view.extent} width={width} brushed={brushed} onBrush={onBrush} />}
      </header>
      <div ref={ref} className="timeline-body">
        <Overview view={view} width={width} brushed={brushed} onBrush={onBrush} />
        <Lane id="drift" title="Drift" hint="feature × window, against each series' own threshold" slot={lanes?.drift ?? null}>
          {(data) => frame && <DriftHeatmapChart data={data} width={width} frame={frame} now={now} />}
        </Lane>
        <Lane
          id="predictions"
          title="Predictions"
          hint={predictions ? `blue vs green, rows of ${shortTime(predictions.from)} → ${shortTime(predictions.to)}` : 'blue vs green for the brushed range'}
          slot={lanes?.predictions ?? null}
        >
          {(data) => <PredictionHistogramChart data={data} width={width} />}
        </Lane>
        <Lane id="traffic" title="Traffic" hint="green's weight, gates, rollback" slot={lanes?.traffic ?? null}>
          {(data) => frame && <TrafficSplitChart data={data} width={width} frame={frame} now={now} />}
        </Lane>
        <Lane id="latency" title="Latency" hint="p99 of each rollout step" slot={lanes?.latency ?? null}>
          {(data) => frame && <RolloutLatencyChart data={data} width={width} frame={frame} now={now} />}
        </Lane>
        <Lane id="alerts" title="Alerts" hint="layers L1–L4, injected faults" slot={lanes?.alerts ?? null}>
          {(data) => frame && <AlertTimelineChart data={data} width={width} frame={frame} now={now} />}
        </Lane>
      </div>
    </section>
  );
}

/** The whole run's extent with the brushed range and the run's position; drag to brush. */
function Overview({
  view,
  width,
  brushed,
  onBrush,
}: {
  view: RunView | null;
  width: number;
  brushed: EventTimeRange | null;
  onBrush: (range: EventTimeRange | null) => void;
}) {
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  if (!view?.extent) {
    return <div className="overview overview-empty">{view ? 'The event-time axis appears when the run reaches its data.' : 'No run yet.'}</div>;
  }
  const frame: TimeFrame = { range: view.extent, left: LANE_LEFT };
  const axis = layoutTimeAxis(frame, width);
  const xOf = (event: MouseEvent) => event.clientX - (svg.current?.getBoundingClientRect().left ?? 0);
  const selection = drag ?? (brushed ? { from: xAtTime(frame, width, brushed.from), to: xAtTime(frame, width, brushed.to) } : null);
  const position = view.position ? xAtTime(frame, width, view.position) : null;
  return (
    <svg
      ref={svg}
      className="overview"
      data-testid="overview"
      width={width}
      height={OVERVIEW_HEIGHT}
      onMouseDown={(e) => setDrag({ from: xOf(e), to: xOf(e) })}
      onMouseMove={(e) => drag && setDrag({ ...drag, to: xOf(e) })}
      onMouseUp={() => {
        if (drag && Math.abs(drag.to - drag.from) > 4) {
          const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
          onBrush({ from: timeAtX(frame, width, a), to: timeAtX(frame, width, b) });
        }
        setDrag(null);
      }}
      onMouseLeave={() => setDrag(null)}
      onDoubleClick={() => onBrush(null)}
    >
      <text className="overview-label" x={LANE_LEFT - 8} y={20} textAnchor="end">
        whole run
      </text>
      <rect className="overview-track" x={axis.left} y={8} width={axis.right - axis.left} height={16} rx={3} />
      {position !== null && <rect className="overview-done" x={axis.left} y={8} width={Math.max(0, position - axis.left)} height={16} rx={3} />}
      {selection && <rect className="brush" x={Math.min(selection.from, selection.to)} y={4} width={Math.abs(selection.to - selection.from)} height={24} />}
      {axis.ticks.map((t) => (
        <text key={`${t.at}-${t.label}`} className="overview-tick" x={t.at} y={42} textAnchor="middle">
          {t.label}
        </text>
      ))}
    </svg>
  );
}

/** Zoom in and out around the middle of the range shown, and back to the whole run. */
function ZoomButtons({
  extent,
  range,
  width,
  brushed,
  onBrush,
}: {
  extent: EventTimeRange;
  range: EventTimeRange;
  width: number;
  brushed: EventTimeRange | null;
  onBrush: (range: EventTimeRange | null) => void;
}) {
  const frame: TimeFrame = { range: extent, left: LANE_LEFT };
  const x1 = xAtTime(frame, width, range.from);
  const x2 = xAtTime(frame, width, range.to);
  const zoom = (factor: number) => {
    const mid = (x1 + x2) / 2;
    const half = Math.max(2, ((x2 - x1) / 2) * factor);
    onBrush({ from: timeAtX(frame, width, mid - half), to: timeAtX(frame, width, mid + half) });
  };
  return (
    <div className="zoom" role="group" aria-label="Zoom">
      <button type="button" onClick={() => zoom(0.5)} title="Zoom in on the middle of the range">
        Zoom in
      </button>
      <button type="button" onClick={() => zoom(2)} disabled={brushed === null} title="Zoom out">
        Zoom out
      </button>
      <button type="button" onClick={() => onBrush(null)} disabled={brushed === null} title="Show the whole run">
        Whole run
      </button>
    </div>
  );
}
