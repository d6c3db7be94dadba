/** Each phase's event-time range as the timeline follows it: the spans of its events, none for a phase on the wall clock. */
import { describe, expect, it } from 'vitest';
import type { RunEvent, RunEventBody } from '../../src-main/contract/events';
import { phaseRanges } from '../../src-main/engine/common/view/phaseRanges';

let seq = 0;
const at = (eventTime: string | null, body: RunEventBody): RunEvent => ({ seq: ++seq, eventTime, wallTime: '2026-12-08T00:00:00.000Z', ...body }) as RunEvent;
const notice = (eventTime: string | null): RunEvent => at(eventTime, { kind: 'notice', level: 'info', message: 'x' });

describe('phaseRanges', () => {
  it('spans the event times of each phase while it ran, leaves out events between phases, and gives a phase without event time none', () => {
    const events = [
      notice('2001-01-01T00:00:00'),
      at(null, { kind: 'phase.started', phase: 'replay' }),
      notice('2001-03-01T00:00:00'),
      notice('2001-03-03T12:00:00'),
      at(null, { kind: 'phase.finished', phase: 'replay', outcome: 'ok' }),
      at(null, { kind: 'phase.started', phase: 'load' }),
      notice(null),
      at(null, { kind: 'phase.finished', phase: 'load', outcome: 'ok' }),
      at(null, { kind: 'phase.started', phase: 'rollout' }),
      notice('2001-06-01T00:00:00'),
      notice('2001-06-04T00:00:00'),
    ];
    expect(phaseRanges(events)).toEqual([
      { phase: 'replay', range: { from: '2001-03-01T00:00:00', to: '2001-03-03T12:00:00' } },
      { phase: 'rollout', range: { from: '2001-06-01T00:00:00', to: '2001-06-04T00:00:00' } },
    ]);
  });
});
