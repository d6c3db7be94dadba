// @vitest-environment happy-dom
/** Drill mode with a fake RehearsalApi: the screen sends what the person chose and draws what the engine answers. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillAnswer, DrillState, DrillStop, DrillStopScore } from '../../src-main/contract/drill';
import { ApiContext } from '../../src-renderer/api';
import { App } from '../../src-renderer/App';
import { fakeApi, type FakeApi } from './fakeApi';

const DRILL = '0b7c2a52-5b1c-4f57-9f6c-0d5b8a8e1f22';

const STOP: DrillStop = {
  id: 'distance-alert',
  seq: 40,
  eventTime: '2001-03-07T12:00:00',
  trigger: 'layer 2 alert feature-psi (blue): distance: PSI 0.333',
  question: 'What do you do?',
  options: ['hold', 'investigate'],
  timeAllowedMs: 90_000,
};

function scored(answer: DrillAnswer): DrillStopScore {
  return {
    stop: STOP,
    answer,
    expected: [{ action: 'investigate', feature: 'distance' }],
    outcome: 'wrong',
    decisionMs: 4_000,
    debrief: 'Investigate distance.',
    damage: null,
    words: { answer: 'investigate layer 2', expected: 'investigate feature distance', outcome: 'wrong', damage: null },
  };
}

const OPEN: DrillState = {
  drillId: DRILL,
  scenario: { name: 'shift-scale', path: '/s.yaml' },
  intro: 'You are on call.',
  stops: 1,
  answered: 0,
  stop: STOP,
  visibleSeq: 40,
  last: null,
  scorecard: null,
};

afterEach(cleanup);

/** The app, drill mode, a log path typed in and Open drill pressed. */
async function openDrill(api: FakeApi): Promise<void> {
  render(
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>,
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Drill…' }));
  fireEvent.change(screen.getByLabelText('Run log'), { target: { value: '/runs/r/events.jsonl' } });
  fireEvent.click(screen.getByRole('button', { name: 'Open drill' }));
}

describe('drill mode', () => {
  it('opens a log, asks at the stop, sends the answer and shows the debrief and the scorecard', async () => {
    const answered: [string, DrillAnswer | null][] = [];
    const api = fakeApi(undefined, {
      openDrill: async () => OPEN,
      answerDrill: async (drillId, answer) => {
        answered.push([drillId, answer]);
        const last = scored(answer!);
        return {
          ...OPEN,
          answered: 1,
          stop: null,
          last,
          scorecard: {
            schemaVersion: 1,
            scenario: OPEN.scenario,
            runId: 'r',
            intro: '',
            stops: [last],
            summary: { stops: 1, correct: 0, late: 0, wrong: 1, unanswered: 0, missedRollbacks: 0 },
          },
        };
      },
    });
    await openDrill(api);
    await screen.findByText('What do you do?');
    expect(screen.getByText('You are on call.')).toBeTruthy();
    // Only the actions the stop offers; the view asked for is never past the stop.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Investigate' })).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Roll back' })).toBeNull();
    await waitFor(() => expect(api.calls.filter((c) => c[0] === 'getDrillView').length).toBeGreaterThan(0));
    expect(api.calls.filter((c) => c[0] === 'getDrillView').every((c) => c[1] === DRILL && (c[2] as { untilSeq: number }).untilSeq <= 40)).toBe(true);
    fireEvent.change(screen.getByLabelText('Feature or layer to investigate'), { target: { value: 'layer 2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Investigate' }));
    await screen.findByTestId('drill-score');
    // The text as typed: the engine reads "layer 2" as layer 2 (test/engine/drill, normalizedAnswer).
    expect(answered).toEqual([[DRILL, { action: 'investigate', feature: 'layer 2' }]]);
    expect(screen.getByTestId('drill-debrief').textContent).toContain('wrong: you chose investigate layer 2; expected investigate feature distance.');
    expect(screen.getByTestId('drill-score').textContent).toContain('0 of 1 right');
  });

  it('shows why a log cannot be drilled', async () => {
    const api = fakeApi(undefined, {
      openDrill: async () => {
        throw new Error('/runs/r/events.jsonl: the drill in /s.yaml does not match this log');
      },
    });
    await openDrill(api);
    expect((await screen.findByRole('alert')).textContent).toContain('does not match this log');
  });
});
