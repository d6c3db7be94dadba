/** A fake RehearsalApi for component tests (STYLE.md 12): canned answers, every call recorded. */
import type { RunEvent } from '../../src-main/contract/events';
import type { LaunchState, RehearsalApi } from '../../src-main/contract/rehearsalApi';
import type { RunView } from '../../src-main/contract/runView';
import type { ScenarioSummary } from '../../src-main/contract/scenarioSummary';

export const RUN_ID = '8f7c2a52-5b1c-4f57-9f6c-0d5b8a8e1f11';

export const SMOKE: ScenarioSummary = {
  path: '/app/scenarios/smoke.yaml',
  name: 'smoke',
  description: 'three days',
  builtIn: true,
  valid: true,
  issues: [],
  summary: 'smoke: blue smoke-v1',
};

export const LAUNCH: LaunchState = {
  scenario: SMOKE,
  scenarioFolder: '/app/scenarios',
  choices: {
    profile: { options: ['staging', 'production'], initial: 'production', note: 'Resource profiles take effect with the Docker backend.' },
    backend: { options: ['embedded', 'docker'], initial: 'embedded', note: 'Only the embedded backend runs in this version.' },
    executionProvider: { options: ['cpu', 'cuda'], initial: 'cpu', note: 'CUDA falls back to CPU.' },
    speed: { options: [1, 10, 100, 1000, 'max'], initial: 'max', note: null },
    formats: { options: ['json', 'md', 'junit', 'html', 'pdf'], initial: 'html', note: null },
  },
};

const NOT_MEASURED = (reason: string) => ({ measured: false as const, reason });

/** The view of a finished smoke run: the prediction lane measured, the rest not. */
export function finishedView(overrides: Partial<RunView> = {}): RunView {
  return {
    runId: RUN_ID,
    scenario: { name: 'smoke', path: SMOKE.path },
    outDir: `/runs/${RUN_ID}`,
    lastSeq: 40,
    extent: { from: '2001-03-01T00:00:00', to: '2001-03-03T23:59:00' },
    phaseRanges: [],
    range: { from: '2001-03-01T00:00:00', to: '2001-03-03T23:59:00' },
    position: '2001-03-03T23:59:00',
    control: { state: 'finished', speed: 'max', phase: null, accepts: [] },
    lanes: {
      drift: NOT_MEASURED('this run had no replay phase, which measures drift per feature and event-time window'),
      predictions: {
        measured: true,
        data: {
          lo: 0,
          hi: 1,
          range: { from: '2001-03-01T00:00:00', to: '2001-03-03T23:59:00' },
          series: [{ role: 'blue', model: 'smoke-v1', counts: Array.from({ length: 20 }, (_, i) => (i < 8 ? 100 * (i + 1) : 0)) }],
        },
      },
      traffic: NOT_MEASURED('this run had no rollout phase, which measures a blue/green traffic split'),
      latency: NOT_MEASURED('this run had no rollout phase, which measures p99 latency per rollout step'),
      alerts: NOT_MEASURED('this run had no replay phase, which measures alerts per monitoring layer'),
      load: NOT_MEASURED('this run had no load phase, which measures latency under load'),
    },
    checklist: [
      { id: 'distribution-shift', title: 't', status: 'NOT RUN', observed: 'The scenario does not enable this check.', next: 'replay' },
      { id: 'dependency-pinning', title: 't', status: 'PASS', observed: 'All digests match.', next: 'nothing' },
    ],
    progress: [],
    verdict: 'NOT READY',
    activity: [{ seq: 40, eventTime: null, wallTime: '2026-11-28T12:00:00.000Z', level: 'warn', text: 'Run finished: NOT READY' }],
    ...overrides,
  };
}

/** The fake, with the calls it got and a way to push events. */
export type FakeApi = RehearsalApi & { calls: [string, ...unknown[]][]; emit(runId: string, event: RunEvent): void; views: RunView[] };

/** A fake API; `views` are answered to getRunView in turn (the last one repeats). */
export function fakeApi(views: RunView[] = [finishedView()], overrides: Partial<RehearsalApi> = {}): FakeApi {
  const listeners = new Set<(runId: string, event: RunEvent) => void>();
  const calls: [string, ...unknown[]][] = [];
  let served = 0;
  const api: FakeApi = {
    calls,
    views,
    emit: (runId, event) => listeners.forEach((l) => l(runId, event)),
    async getLaunch() {
      calls.push(['getLaunch']);
      return LAUNCH;
    },
    async listScenarios() {
      calls.push(['listScenarios']);
      return [SMOKE];
    },
    async listScenarioFiles() {
      calls.push(['listScenarioFiles']);
      return ['/app/scenarios/smoke.yaml', '/app/scenarios/broken/typo.yaml'];
    },
    async validateScenario(path) {
      calls.push(['validateScenario', path]);
      return {
        path,
        name: 'typo.yaml',
        description: '',
        builtIn: false,
        valid: false,
        summary: '2 problem(s)',
        issues: [{ file: path, line: 7, column: 5, path: 'snapshots.production.timestamp', message: 'missing; expected string' }],
      };
    },
    async startRun(request) {
      calls.push(['startRun', request]);
      return { runId: RUN_ID, outDir: `/runs/${RUN_ID}` };
    },
    async controlRun(runId, command) {
      calls.push(['controlRun', runId, command]);
      return { command, effect: 'recorded', note: 'recorded in the log; this run has no rollout phase, so there is no traffic split to roll back' };
    },
    async getRunView(runId, query) {
      calls.push(['getRunView', runId, query]);
      return views[Math.min(served++, views.length - 1)]!;
    },
    async exportReport(runId, request) {
      calls.push(['exportReport', runId, request]);
      return {
        folder: `/runs/${runId}/export`,
        files: request.formats.map((format) => ({ format, path: `/runs/${runId}/export/report.${format}` })),
        skipped: [],
        verdict: 'NOT READY',
        complete: true,
      };
    },
    async stopRun(runId) {
      calls.push(['stopRun', runId]);
    },
    async openDrill(request) {
      calls.push(['openDrill', request]);
      throw new Error('no drill in this fake');
    },
    async answerDrill(drillId, answer) {
      calls.push(['answerDrill', drillId, answer]);
      throw new Error('no drill in this fake');
    },
    async getDrillView(drillId, query) {
      calls.push(['getDrillView', drillId, query]);
      return views[Math.min(served++, views.length - 1)]!;
    },
    async listRuns() {
      calls.push(['listRuns']);
      return [];
    },
    async compareRuns(before, after) {
      calls.push(['compareRuns', before, after]);
      throw new Error('no runs in this fake');
    },
    async startWhatIf(request) {
      calls.push(['startWhatIf', request]);
      throw new Error('no runs in this fake');
    },
    onDidEmitEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    ...overrides,
  };
  return api;
}
