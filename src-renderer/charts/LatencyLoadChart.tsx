/** The load panel's chart: p50/p95/p99 against request rate per profile, drawn from `layoutLatencyLoad`. */
import { layoutLatencyLoad, PERCENTILES } from '../../src-main/charts/latencyLoad';
import { PERCENTILE_COLOURS } from '../../src-main/charts/palette';
import type { LatencyLoadData } from '../../src-main/contract/charts';
import { BottomAxis, LeftAxis } from './Axes';

export function LatencyLoadChart({ data, width }: { data: LatencyLoadData; width: number }) {
  const layout = layoutLatencyLoad(data, width);
  const first = layout.panels[0];
  return (
    <svg
      className="chart"
      width={width}
      height={layout.size.height}
      role="img"
      aria-label={`Latency percentiles against request rate for ${data.profiles.length} resource profiles`}
    >
      {PERCENTILES.map((p, i) => (
        <g key={p} className="legend">
          <line x1={52 + i * 70} x2={68 + i * 70} y1={10} y2={10} stroke={PERCENTILE_COLOURS[p]} strokeWidth={2} />
          <text x={72 + i * 70} y={14}>
            {p}
          </text>
        </g>
      ))}
      {data.slaMs !== null && <text className="sla-label" x={262} y={14}>{`SLA ${data.slaMs} ms (p99)`}</text>}
      <LeftAxis ticks={layout.yTicks} x={first?.left ?? 52} y0={layout.bottom} y1={layout.top} gridTo={layout.panels.at(-1)?.right ?? width - 12} title="ms" />
      {layout.panels.map((panel) => (
        <g key={panel.profile} className="panel">
          <text className="panel-title" x={(panel.left + panel.right) / 2} y={layout.top - 4} textAnchor="middle">
            {panel.profile}
          </text>
          <BottomAxis ticks={panel.xTicks} y={layout.bottom} x0={panel.left} x1={panel.right} title="requests/s" />
          {layout.slaY !== null && <line className="sla" x1={panel.left} x2={panel.right} y1={layout.slaY} y2={layout.slaY} />}
          {panel.lines.map((l) => (
            <g key={l.percentile}>
              <path className={`line-${l.percentile}`} d={l.path} fill="none" stroke={l.colour} strokeWidth={2} />
              {l.points.map((p) => (
                <circle key={p.point.rps} cx={p.x} cy={p.y} r={2.5} fill={l.colour}>
                  <title>{`${panel.profile} ${l.percentile} ${p.point[`${l.percentile}Ms`]} ms at ${p.point.rps} requests/s`}</title>
                </circle>
              ))}
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}
