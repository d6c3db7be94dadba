/**
 * The alert timeline's data from the log: every alert as a bar in its layer's lane from when it
 * fired to when it resolved (null while still firing at the end), and every injected shift or
 * server fault as a bar across the lanes. The replay raises layer 2-4 alerts on event
 * time; four-layer monitoring raises layer 1 alerts on the load's real time, around the
 * scenario's server faults. The chart has one time axis: real time when the run injected server
 * faults and no shifts, event time otherwise (and then the load's real-time bars are left out).
 * Bars of one rule that touch are one bar; past 300 bars, a lane's bars closer than a pixel of a
 * 720-wide chart merge, so report.json stays small however noisy a rule is. The detection
 * timeline (`monitoring.detection`) adds a mark where each layer first caught each fault.
 */
import type { AlertDetectionMark, AlertTimelineData, ChartSlot, MonitoringLayer } from '../../../../contract/charts';
import type { RunEvent } from '../../../../contract/events';
import { eventTimeMs } from '../../view/eventSpan';
import { formatEventTime } from '../../time/eventTime';
import { notMeasured, phaseReason } from './notMeasured';

/** More bars than this are merged per lane. */
export const MAX_ALERT_BARS = 300;

interface Bar {
  layer: MonitoringLayer;
  rule: string;
  from: string;
  to: string | null;
}

/** Alerts per monitoring layer and injected faults over event time; "not measured" without them. */
export function alertTimelineData(events: readonly RunEvent[]): ChartSlot<AlertTimelineData> {
  const open = new Map<string, Bar>();
  let bars: Bar[] = [];
  const faults: AlertTimelineData['faults'][number][] = [];
  const detections: AlertDetectionMark[] = [];
  let from: string | null = null;
  let to: string | null = null;
  const reach = (a: string, b: string): void => {
    from = from === null || a < from ? a : from;
    to = to === null || b > to ? b : to;
  };
  const realTime = events.some((e) => e.kind === 'fault.injected') && !events.some((e) => e.kind === 'shift.injected');
  const faultEnds = new Map(events.flatMap((e) => (e.kind === 'fault.cleared' ? [[e.index, e.to] as const] : [])));
  for (const e of events) {
    if ((e.kind === 'alert.firing' || e.kind === 'alert.resolved') && (e.clock === 'real') !== realTime) {
      continue;
    }
    if (e.kind === 'fault.injected' && realTime) {
      const to = faultEnds.get(e.index) ?? null;
      faults.push({ name: e.name, from: e.from, to });
      reach(e.from, to ?? e.from);
    } else if (e.kind === 'drift.window' && !realTime) {
      reach(e.from, e.to);
    } else if (e.kind === 'alert.firing') {
      const id = `${e.layer}|${e.rule}|${e.role ?? ''}|${e.subject}`;
      const bar: Bar = { layer: e.layer, rule: `${e.rule} ${[e.role, e.subject].filter((x) => x !== null).join(' ')}`, from: e.from, to: null };
      open.set(id, bar);
      bars.push(bar);
      reach(e.from, e.to);
    } else if (e.kind === 'alert.resolved') {
      const id = `${e.layer}|${e.rule}|${e.role ?? ''}|${e.subject}`;
      const bar = open.get(id);
      if (bar !== undefined) {
        bar.to = e.to;
        open.delete(id);
      } else {
        // A brushed range that starts inside an alert sees it resolve without having seen it fire.
        bars.push({ layer: e.layer, rule: `${e.rule} ${[e.role, e.subject].filter((x) => x !== null).join(' ')}`, from: e.from, to: e.to });
      }
      reach(e.from, e.to);
    } else if (e.kind === 'shift.injected') {
      faults.push({ name: e.name, from: e.from, to: e.to });
      reach(e.from, e.to ?? e.from);
    } else if (e.kind === 'monitoring.detection' && (e.source === 'server-fault') === realTime) {
      detections.push(...detectionMarks(e.name, e.layers));
    }
  }
  if (from === null || to === null || (bars.length === 0 && faults.length === 0 && !events.some((e) => e.kind === 'drift.window'))) {
    return notMeasured(phaseReason(events, 'replay', 'alerts per monitoring layer'));
  }
  bars = mergeTouching(bars, (b) => `${b.layer}|${b.rule}`, 0);
  if (bars.length > MAX_ALERT_BARS) {
    const gap = (eventTimeMs(to) - eventTimeMs(from)) / 720;
    bars = mergeTouching(bars, (b) => String(b.layer), gap);
  }
  return { measured: true, data: { range: { from, to }, alerts: bars, faults, detections, ...(realTime ? { clock: 'real' as const } : {}) } };
}

/** A mark per layer that caught the fault (missed layers have none). */
function detectionMarks(fault: string, layers: Extract<RunEvent, { kind: 'monitoring.detection' }>['layers']): AlertDetectionMark[] {
  return layers.flatMap((l) =>
    l.at === null || l.delayMs === null || l.outcome === 'missed' ? [] : [{ fault, layer: l.layer, at: l.at, delayMs: l.delayMs, outcome: l.outcome }],
  );
}

/** Bars of one group that overlap or lie within `gap` ms of each other, as one bar. */
function mergeTouching(bars: readonly Bar[], group: (b: Bar) => string, gap: number): Bar[] {
  const groups = new Map<string, Bar[]>();
  for (const b of [...bars].sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0))) {
    const list = groups.get(group(b)) ?? [];
    const last = list.at(-1);
    if (last !== undefined && (last.to === null || eventTimeMs(b.from) - eventTimeMs(last.to) <= gap)) {
      last.to = last.to === null || b.to === null ? null : formatEventTime(Math.max(eventTimeMs(last.to), eventTimeMs(b.to)));
      if (!last.rule.split(', ').includes(b.rule) && gap > 0) {
        last.rule = last.rule.length > 60 ? last.rule : `${last.rule}, ${b.rule}`;
      }
    } else {
      list.push({ ...b });
    }
    groups.set(group(b), list);
  }
  return [...groups.values()].flat().sort((x, y) => x.layer - y.layer || (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
}
