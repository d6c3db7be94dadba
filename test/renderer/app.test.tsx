// @vitest-environment happy-dom
/** The main screen with a fake RehearsalApi: what it shows comes from the API, what it sends goes there. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunView } from '../../src-main/contract/runView';
import { ApiContext } from '../../src-renderer/api';
import { App } from '../../src-renderer/App';
import { fakeApi, finishedView, RUN_ID, SMOKE, type FakeApi } from './fakeApi';

function show(api: FakeApi) {
  return render(
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>,
  );
}

const lane = (id: string) => document.querySelector(`[data-lane="${id}"]`) as HTMLElement;
const button = (name: RegExp | string) => screen.getByRole('button', { name });

afterEach(cleanup);

describe('main screen', () => {
  it('opens with the launch scenario selected, Run enabled, and the notes on choices that have no effect yet', async () => {
    show(fakeApi());
    await waitFor(() => expect(button('▶ Run')).toHaveProperty('disabled', false));
    expect(screen.getByRole('button', { name: /smoke/, pressed: true })).toBeTruthy();
    expect(screen.getByText('Resource profiles take effect with the Docker backend.')).toBeTruthy();
    expect(screen.getByText('Only the embedded backend runs in this version.')).toBeTruthy();
    expect(lane('predictions').dataset['state']).toBe('idle');
    for (const name of [/Pause/, /Step/, 'Promote', /Roll back/, /Stop/, /Export/]) {
      expect(button(name)).toHaveProperty('disabled', true);
    }
  });

  it('Run sends the chosen options; the prediction lane draws and every other lane says why it has no data', async () => {
    const api = fakeApi();
    show(api);
    await waitFor(() => expect(button('▶ Run')).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByRole('radio', { name: 'staging' }));
    fireEvent.click(screen.getByRole('radio', { name: 'cuda' }));
    fireEvent.click(screen.getByRole('radio', { name: '100x' }));
    fireEvent.click(button('▶ Run'));
    await waitFor(() => expect(lane('predictions').dataset['state']).toBe('measured'));
    expect(api.calls).toContainEqual([
      'startRun',
      { scenarioPath: SMOKE.path, profile: 'staging', backend: 'embedded', executionProvider: 'cuda', speed: 100 },
    ]);
    expect(lane('predictions').querySelectorAll('rect.bar-blue')).toHaveLength(20);
    for (const id of ['drift', 'traffic', 'latency', 'alerts', 'load']) {
      expect(lane(id).dataset['state'], id).toBe('not-measured');
      expect(within(lane(id)).getByText('Not measured in this run')).toBeTruthy();
    }
    expect(within(lane('drift')).getByText(/no replay phase/)).toBeTruthy();
    expect(screen.getByTestId('verdict').textContent).toBe('NOT READY');
    expect(document.querySelector('[data-check="dependency-pinning"]')?.getAttribute('data-status')).toBe('PASS');
    expect(screen.getByText('Run finished: NOT READY')).toBeTruthy();
  });

  it('enables exactly the controls the run accepts, and shows what a roll back did', async () => {
    const paused = finishedView({
      verdict: null,
      control: { state: 'paused', speed: 1, phase: 'score', accepts: ['resume', 'step', 'speed', 'promote', 'rollback', 'stop'] },
    });
    const api = fakeApi([paused]);
    show(api);
    await waitFor(() => expect(button('▶ Run')).toHaveProperty('disabled', false));
    fireEvent.click(button('▶ Run'));
    await waitFor(() => expect(button(/Resume/)).toHaveProperty('disabled', false));
    expect(screen.queryByRole('button', { name: /Pause/ })).toBeNull();
    expect(button(/Step/)).toHaveProperty('disabled', false);
    expect(button('▶ Run')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('run-state').textContent).toBe('paused · score');
    fireEvent.click(button(/Roll back/));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Roll back: recorded in the log; this run has no rollout phase'));
    expect(api.calls).toContainEqual(['controlRun', RUN_ID, { kind: 'rollback', reason: 'rolled back by hand from the app' }]);
    fireEvent.click(button(/Step/));
    fireEvent.click(screen.getByRole('radio', { name: 'max' }));
    await waitFor(() => expect(api.calls).toContainEqual(['controlRun', RUN_ID, { kind: 'speed', speed: 'max' }]));
    expect(api.calls).toContainEqual(['controlRun', RUN_ID, { kind: 'step' }]);
  });

  it('asks for a fresh view when the run emits events', async () => {
    const running = finishedView({
      verdict: null,
      control: { state: 'running', speed: 'max', phase: 'score', accepts: ['pause', 'speed', 'promote', 'rollback', 'stop'] },
      progress: [
        {
          kind: 'progress',
          task: 'score.production',
          phase: 'score',
          label: 'Scoring production rows through blue smoke-v1',
          done: 4096,
          total: 49071,
          unit: 'rows',
        },
      ],
    });
    const api = fakeApi([running, finishedView()]);
    show(api);
    await waitFor(() => expect(button('▶ Run')).toHaveProperty('disabled', false));
    fireEvent.click(button('▶ Run'));
    await waitFor(() => expect(screen.getByText('4,096 of 49,071 rows')).toBeTruthy());
    act(() => api.emit(RUN_ID, { seq: 41, eventTime: null, wallTime: 'w', kind: 'run.finished', verdict: 'NOT READY', durationMs: 1 }));
    await waitFor(() => expect(screen.getByTestId('verdict').textContent).toBe('NOT READY'));
    expect(screen.queryByText('4,096 of 49,071 rows')).toBeNull();
    expect(api.calls.filter((c) => c[0] === 'getRunView')).toHaveLength(2);
  });

  it('a lane whose phase is still running says it is waiting, not that it was not measured', async () => {
    const waiting: RunView = finishedView({
      verdict: null,
      lanes: {
        ...finishedView().lanes,
        predictions: { measured: false, pending: true, reason: 'the score phase is running; this lane fills when it reports' },
      },
    });
    show(fakeApi([waiting]));
    await waitFor(() => expect(button('▶ Run')).toHaveProperty('disabled', false));
    fireEvent.click(button('▶ Run'));
    await waitFor(() => expect(lane('predictions').dataset['state']).toBe('pending'));
    expect(within(lane('predictions')).getByText('Waiting for the run')).toBeTruthy();
  });

  it('brushing the overview asks the engine for that range; "Whole run" asks for all of it again', async () => {
    const api = fakeApi();
    show(api);
    await waitFor(() => expect(button('▶ Run')).toHaveProperty('disabled', false));
    fireEvent.click(button('▶ Run'));
    const overview = await screen.findByTestId('overview');
    fireEvent.mouseDown(overview, { clientX: 300 });
    fireEvent.mouseMove(overview, { clientX: 600 });
    fireEvent.mouseUp(overview, { clientX: 600 });
    await waitFor(() => expect(api.calls.at(-1)?.[2]).toBeDefined());
    const query = api.calls.at(-1)![2] as { from: string; to: string };
    expect(query.from).toMatch(/^2001-03-0\dT\d\d:\d\d:\d\d$/);
    expect(query.from < query.to).toBe(true);
    expect(query.from > '2001-03-01T00:00:00').toBe(true);
    fireEvent.click(button('Whole run'));
    await waitFor(() => expect(api.calls.at(-1)).toEqual(['getRunView', RUN_ID, undefined]));
  });

  it('brings the running phase\'s event-time range into view when it starts; "Whole run" goes back and stays there', async () => {
    const rollout = { from: '2001-03-02T00:00:00', to: '2001-03-03T00:00:00' };
    const running = finishedView({
      verdict: null,
      control: { state: 'running', speed: 'max', phase: 'rollout', accepts: ['pause', 'stop'] },
      phaseRanges: [{ phase: 'rollout', range: rollout }],
    });
    const api = fakeApi([running]);
    show(api);
    await waitFor(() => expect(button('▶ Run')).toHaveProperty('disabled', false));
    fireEvent.click(button('▶ Run'));
    await waitFor(() => expect(api.calls.at(-1)).toEqual(['getRunView', RUN_ID, rollout]));
    fireEvent.click(button('Whole run'));
    await waitFor(() => expect(api.calls.at(-1)).toEqual(['getRunView', RUN_ID, undefined]));
    // The same phase is not brought back into view while it runs on.
    act(() => api.emit(RUN_ID, { seq: 41, eventTime: null, wallTime: 'w', kind: 'notice', level: 'info', message: 'more' }));
    await waitFor(() => expect(api.calls.filter((c) => c[0] === 'getRunView').length).toBeGreaterThan(3));
    expect(api.calls.at(-1)).toEqual(['getRunView', RUN_ID, undefined]);
  });

  it('opens a scenario file picked from the folder and shows its problems with their field paths', async () => {
    const api = fakeApi();
    show(api);
    await waitFor(() => expect(button('Open file…')).toBeTruthy());
    fireEvent.click(button('Open file…'));
    fireEvent.click(await screen.findByRole('button', { name: 'broken/typo.yaml' }));
    fireEvent.click(button('Validate and open'));
    const problems = await screen.findByRole('alert', { name: /Problems in typo.yaml/ });
    expect(within(problems).getByText('snapshots.production.timestamp')).toBeTruthy();
    expect(within(problems).getByText('line 7')).toBeTruthy();
    expect(within(problems).getByText('missing; expected string')).toBeTruthy();
    expect(api.calls).toContainEqual(['validateScenario', '/app/scenarios/broken/typo.yaml']);
    expect(button('▶ Run')).toHaveProperty('disabled', true);
  });

  it('exports the report through the engine and lists the files written', async () => {
    const api = fakeApi();
    show(api);
    await waitFor(() => expect(button('▶ Run')).toHaveProperty('disabled', false));
    fireEvent.click(button('▶ Run'));
    await waitFor(() => expect(button(/Export/)).toHaveProperty('disabled', false));
    fireEvent.click(button(/Export/));
    fireEvent.click(screen.getByRole('checkbox', { name: 'pdf' }));
    fireEvent.click(button('Write files'));
    const result = await screen.findByTestId('export-result');
    expect(api.calls).toContainEqual(['exportReport', RUN_ID, { formats: ['html', 'json', 'pdf'] }]);
    expect(within(result).getByText(`/runs/${RUN_ID}/export/report.pdf`)).toBeTruthy();
  });
});
