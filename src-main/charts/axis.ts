/** Axes as plain ticks, and their SVG: d3's axis component needs a DOM, so the ticks come from the scales. */
import { utcFormat, type ScaleLinear, type ScaleTime } from 'd3';
import { element, textElement, type Tick } from './svg';

/** Ticks of a linear scale, formatted as d3 formats them (optionally with a unit). */
export function linearTicks(scale: ScaleLinear<number, number>, count: number, unit = ''): Tick[] {
  const format = scale.tickFormat(count);
  return scale.ticks(count).map((value) => ({ at: scale(value), label: `${format(value)}${unit}` }));
}

const DAY = utcFormat('%b %d');
const HOUR = utcFormat('%H:%M');
const SECOND = utcFormat('%H:%M:%S');

/** An event-time tick: the date at midnight, else the time of day on a 24-hour clock (event times have no zone). */
export function eventTimeLabel(value: Date): string {
  if (value.getUTCSeconds() !== 0 || value.getUTCMilliseconds() !== 0) {
    return SECOND(value);
  }
  return value.getUTCHours() === 0 && value.getUTCMinutes() === 0 ? DAY(value) : HOUR(value);
}

/** Ticks of an event-time scale. */
export function timeTicks(scale: ScaleTime<number, number>, count: number): Tick[] {
  return scale.ticks(count).map((value) => ({ at: scale(value), label: eventTimeLabel(value) }));
}

/** A horizontal axis line at `y` from `x0` to `x1`, with tick marks and labels below. */
export function bottomAxis(ticks: readonly Tick[], y: number, x0: number, x1: number, title?: string): string {
  return element('g', { class: 'axis axis-x' }, [
    element('line', { x1: x0, x2: x1, y1: y, y2: y, stroke: '#555' }),
    ...ticks.flatMap((t) => [
      element('line', { x1: t.at, x2: t.at, y1: y, y2: y + 4, stroke: '#555' }),
      // Labels at the ends of the axis lean inwards so they are not cut at the chart's edge.
      textElement(t.label, { x: t.at, y: y + 15, 'text-anchor': t.at > x1 - 24 ? 'end' : 'middle', fill: '#333' }),
    ]),
    ...(title ? [textElement(title, { x: (x0 + x1) / 2, y: y + 30, 'text-anchor': 'middle', fill: '#333' })] : []),
  ]);
}

/** A vertical axis line at `x` from `y0` (bottom) to `y1` (top), with ticks, labels and light grid lines to `gridTo`. */
export function leftAxis(ticks: readonly Tick[], x: number, y0: number, y1: number, gridTo: number, title?: string): string {
  return element('g', { class: 'axis axis-y' }, [
    ...ticks.map((t) => element('line', { x1: x, x2: gridTo, y1: t.at, y2: t.at, stroke: '#e6e6e6' })),
    element('line', { x1: x, x2: x, y1: y0, y2: y1, stroke: '#555' }),
    ...ticks.flatMap((t) => [
      element('line', { x1: x - 4, x2: x, y1: t.at, y2: t.at, stroke: '#555' }),
      textElement(t.label, { x: x - 6, y: t.at + 4, 'text-anchor': 'end', fill: '#333' }),
    ]),
    ...(title ? [textElement(title, { x: x - 6, y: y1 - 8, 'text-anchor': 'start', fill: '#333' })] : []),
  ]);
}
