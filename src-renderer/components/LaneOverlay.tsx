/** One lane of both runs on one axis: before dashed, after solid, a colour per series name. */
import { scaleLinear, scaleUtc } from 'd3';
import type { ComparedLane } from '../../src-main/contract/history';

const WIDTH = 520;
const HEIGHT = 150;
const PAD = { left: 44, right: 12, top: 10, bottom: 24 };
const COLOURS = ['#2453d6', '#c9302c', '#1f8a3b', '#b7791f'];

export function LaneOverlay({ lane }: { lane: ComparedLane }) {
  if (lane.notMeasured !== null) {
    return (
      <figure className="overlay" data-overlay={lane.lane} data-state="not-measured">
        <figcaption>{lane.title}</figcaption>
        <p className="muted">Not measured in either run: {lane.notMeasured}</p>
      </figure>
    );
  }
  const xOf = (x: string | number): number => (lane.axis === 'rps' ? Number(x) : Date.parse(`${String(x)}Z`));
  const xs = lane.series.flatMap((s) => s.points.map((p) => xOf(p.x)));
  const ys = lane.series.flatMap((s) => s.points.map((p) => p.y));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const pad = x0 === x1 ? Math.max(1, Math.abs(x0) * 0.1) : 0;
  const x =
    lane.axis === 'rps'
      ? scaleLinear([x0 - pad, x1 + pad], [PAD.left, WIDTH - PAD.right]).nice()
      : scaleUtc([new Date(x0 - pad), new Date(x1 + pad)], [PAD.left, WIDTH - PAD.right]);
  const y = scaleLinear([0, Math.max(...ys, 0) * 1.1 || 1], [HEIGHT - PAD.bottom, PAD.top]).nice();
  const names = [...new Set(lane.series.map((s) => s.name))];
  const xTicks = lane.axis === 'rps' ? (x as ReturnType<typeof scaleLinear>).ticks(5) : (x as ReturnType<typeof scaleUtc>).ticks(4);
  const label = `${lane.title}: ${lane.series.map((s) => `${s.run} ${s.name} (${s.points.length} points)`).join(', ')}`;
  return (
    <figure className="overlay" data-overlay={lane.lane} data-state="measured">
      <figcaption>
        {lane.title} <span className="muted">({lane.unit})</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        {y.ticks(4).map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke="#e2e5ec" />
            <text x={PAD.left - 4} y={y(t) + 3} textAnchor="end" fontSize="9" fill="#667085">
              {t}
            </text>
          </g>
        ))}
        {xTicks.map((t) => {
          const at = (x as (v: number | Date) => number)(t);
          return (
            <text key={String(t)} x={at} y={HEIGHT - 8} textAnchor="middle" fontSize="9" fill="#667085">
              {lane.axis === 'rps' ? `${String(t)} rps` : (t as Date).toISOString().slice(5, 16).replace('T', ' ')}
            </text>
          );
        })}
        {lane.series.map((s) => {
          const colour = COLOURS[names.indexOf(s.name) % COLOURS.length];
          const points = s.points.map((p) => [(x as (v: number | Date) => number)(lane.axis === 'rps' ? Number(p.x) : new Date(xOf(p.x))), y(p.y)] as const);
          return (
            <g key={`${s.run}-${s.name}`} data-series={`${s.run} ${s.name}`}>
              <polyline
                points={points.map(([px, py]) => `${px},${py}`).join(' ')}
                fill="none"
                stroke={colour}
                strokeWidth={1.5}
                strokeDasharray={s.run === 'before' ? '4 3' : undefined}
              />
              {points.map(([px, py], i) => (
                <circle key={i} cx={px} cy={py} r={2.5} fill={s.run === 'before' ? '#fff' : colour} stroke={colour} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="overlay-legend">
        {lane.series.map((s) => (
          <li key={`${s.run}-${s.name}`}>
            <span className={`swatch swatch-${s.run}`} style={{ borderColor: COLOURS[names.indexOf(s.name) % COLOURS.length] }} aria-hidden />
            {s.run} · {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
