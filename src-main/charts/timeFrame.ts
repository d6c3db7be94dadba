/**
 * One event-time axis shared by the timeline's lanes: lanes laid out with the same
 * frame put the same instant at the same x, so an injected fault, the drift it caused, the alert
 * that caught it and the rollback stand on one vertical line. Brushing reads times back off it.
 */
import { scaleUtc, type ScaleTime } from 'd3';
import type { EventTimeRange } from '../contract/charts';
import { timeTicks } from './axis';
import { eventTimeMs } from './eventTime';
import type { Tick } from './svg';

/** The shared axis: the event-time range shown, and where the plot starts and ends across the lane. */
export interface TimeFrame {
  readonly range: EventTimeRange;
  readonly left: number;
  /** Right edge of the plot; `width - 12` when absent, as the charts' own margin. */
  readonly right?: number;
}

/** The frame's scale at `width`. */
export function frameScale(frame: TimeFrame, width: number): ScaleTime<number, number> {
  const start = eventTimeMs(frame.range.from);
  const end = Math.max(eventTimeMs(frame.range.to), start + 1);
  return scaleUtc()
    .domain([start, end])
    .range([frame.left, frame.right ?? width - 12])
    .clamp(true);
}

/** The event time at `x` on the frame (clamped to the range), written as the log writes event times. */
export function timeAtX(frame: TimeFrame, width: number, x: number): string {
  return frameScale(frame, width).invert(x).toISOString().slice(0, 19);
}

/** The x of an event time on the frame. */
export function xAtTime(frame: TimeFrame, width: number, eventTime: string): number {
  return frameScale(frame, width)(eventTimeMs(eventTime));
}

/** The axis of the frame: its ticks, and where the plot runs. */
export function layoutTimeAxis(frame: TimeFrame, width: number): { readonly left: number; readonly right: number; readonly ticks: readonly Tick[] } {
  const right = frame.right ?? width - 12;
  return { left: frame.left, right, ticks: timeTicks(frameScale(frame, width), Math.max(2, Math.floor((right - frame.left) / 90))) };
}
