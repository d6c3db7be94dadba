/** Axes drawn from the chart module's ticks (the geometry is computed there, not here). */
import type { Tick } from '../../src-main/charts/svg';

/** A horizontal axis at `y` from `x0` to `x1`, ticks below. */
export function BottomAxis({ ticks, y, x0, x1, title }: { ticks: readonly Tick[]; y: number; x0: number; x1: number; title?: string }) {
  return (
    <g className="axis axis-x">
      <line x1={x0} x2={x1} y1={y} y2={y} />
      {ticks.map((t) => (
        <g key={`${t.at}-${t.label}`}>
          <line x1={t.at} x2={t.at} y1={y} y2={y + 4} />
          <text x={t.at} y={y + 15} textAnchor={t.at > x1 - 24 ? 'end' : 'middle'}>
            {t.label}
          </text>
        </g>
      ))}
      {title && (
        <text className="axis-title" x={(x0 + x1) / 2} y={y + 30} textAnchor="middle">
          {title}
        </text>
      )}
    </g>
  );
}

/** A vertical axis at `x` from `y0` (bottom) to `y1` (top), with grid lines to `gridTo`. */
export function LeftAxis({ ticks, x, y0, y1, gridTo, title }: { ticks: readonly Tick[]; x: number; y0: number; y1: number; gridTo: number; title?: string }) {
  return (
    <g className="axis axis-y">
      {ticks.map((t) => (
        <line key={`grid-${t.at}`} className="grid" x1={x} x2={gridTo} y1={t.at} y2={t.at} />
      ))}
      <line x1={x} x2={x} y1={y0} y2={y1} />
      {ticks.map((t) => (
        <text key={`label-${t.at}`} x={x - 6} y={t.at + 4} textAnchor="end">
          {t.label}
        </text>
      ))}
      {title && (
        <text className="axis-title" x={x - 6} y={y1 - 8}>
          {title}
        </text>
      )}
    </g>
  );
}

/** A vertical marker across a lane: the run's current event time. */
export function NowMarker({ x, top, bottom }: { x: number | null; top: number; bottom: number }) {
  return x === null ? null : <line className="now-marker" x1={x} x2={x} y1={top} y2={bottom} />;
}
