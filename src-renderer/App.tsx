/**
 * The main screen of DESIGN.md: the run controls on top, the scenario library, run options and
 * live checklist in the left rail, the timeline of lanes on one event-time axis, the load panel
 * and the activity feed. Everything shown comes from RehearsalApi; nothing here decides.
 */
import { useEffect, useState } from 'react';
import type { EventTimeRange } from '../src-main/contract/charts';
import type { RunCommand, RunSpeed } from '../src-main/contract/events';
import type { LaunchState } from '../src-main/contract/rehearsalApi';
import type { ReportFormat } from '../src-main/contract/report';
import type { ScenarioSummary } from '../src-main/contract/scenarioSummary';
import { useApi } from './api';
import { ActivityFeed } from './components/ActivityFeed';
import { DrillScreen } from './components/DrillScreen';
import { Checklist } from './components/Checklist';
import { ExportMenu } from './components/ExportMenu';
import { LoadPanel } from './components/LoadPanel';
import { OpenFileDialog } from './components/OpenFileDialog';
import { ProgressStrip } from './components/ProgressStrip';
import { RunControls } from './components/RunControls';
import { RunOptions, type RunOptionValues } from './components/RunOptions';
import { ScenarioLibrary } from './components/ScenarioLibrary';
import { Timeline } from './components/Timeline';
import { useRunView } from './hooks/useRunView';

const COMMAND_NAMES: Readonly<Record<RunCommand['kind'], string>> = {
  pause: 'Pause',
  resume: 'Resume',
  step: 'Step',
  speed: 'Speed',
  promote: 'Promote',
  rollback: 'Roll back',
  stop: 'Stop',
};

export function App() {
  const api = useApi();
  const [launch, setLaunch] = useState<LaunchState | null>(null);
  const [scenarios, setScenarios] = useState<readonly ScenarioSummary[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [options, setOptions] = useState<RunOptionValues | null>(null);
  const [speed, setSpeed] = useState<RunSpeed>('max');
  const [runId, setRunId] = useState<string | null>(null);
  const [brushed, setBrushed] = useState<EventTimeRange | null>(null);
  const [message, setMessage] = useState<{ level: 'info' | 'warn' | 'error'; text: string } | null>(null);
  const [opening, setOpening] = useState(false);
  const [starting, setStarting] = useState(false);
  const [drilling, setDrilling] = useState(false);
  const { view, error } = useRunView(runId, brushed);

  const fail = (e: unknown) => setMessage({ level: 'error', text: e instanceof Error ? e.message : String(e) });
  useEffect(() => {
    Promise.all([api.getLaunch(), api.listScenarios()]).then(([state, builtIn]) => {
      setLaunch(state);
      const first = state.scenario;
      setScenarios(first && !builtIn.some((s) => s.path === first.path) ? [first, ...builtIn] : builtIn);
      setSelected(first?.path ?? builtIn[0]?.path ?? null);
      setOptions({
        profile: state.choices.profile.initial,
        backend: state.choices.backend.initial,
        executionProvider: state.choices.executionProvider.initial,
      });
      setSpeed(state.choices.speed.initial);
    }, fail);
  }, [api]);

  const current = scenarios.find((s) => s.path === selected) ?? null;
  const busy = starting || (runId !== null && view?.control.state !== 'finished');
  const canRun = current !== null && current.valid && options !== null && !busy;

  const run = async () => {
    if (!current || !options) {
      return;
    }
    setStarting(true);
    setBrushed(null);
    setMessage(null);
    try {
      const handle = await api.startRun({ scenarioPath: current.path, ...options, speed });
      setRunId(handle.runId);
    } catch (e) {
      fail(e);
    } finally {
      setStarting(false);
    }
  };
  const command = async (c: RunCommand) => {
    if (runId === null) {
      return;
    }
    try {
      const receipt = await api.controlRun(runId, c);
      if (c.kind === 'speed' && receipt.effect === 'applied') {
        setSpeed(c.speed);
      }
      setMessage({ level: receipt.effect === 'ignored' ? 'warn' : 'info', text: `${COMMAND_NAMES[c.kind]}: ${receipt.note}` });
    } catch (e) {
      fail(e);
    }
  };
  const exportReport = (formats: readonly ReportFormat[]) => api.exportReport(runId!, { formats });
  const openFile = async (path: string) => {
    const summary = await api.validateScenario(path);
    setScenarios([...scenarios.filter((s) => s.path !== summary.path), summary]);
    setSelected(summary.path);
  };

  const state = view?.control.state ?? (starting ? 'starting' : null);
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden>
            ◆
          </span>
          Rehearsal
        </div>
        <div className="scenario-title" title={current?.description}>
          <span className="label">Scenario</span>
          <strong>{current?.name ?? '—'}</strong>
        </div>
        <RunControls
          canRun={canRun}
          control={view?.control ?? null}
          speed={view?.control.speed ?? speed}
          speeds={launch?.choices.speed ?? null}
          onRun={() => void run()}
          onCommand={(c) => void command(c)}
          onSpeed={setSpeed}
        />
        <div className="spacer" />
        <button
          type="button"
          aria-pressed={drilling}
          onClick={() => setDrilling(!drilling)}
          title="Replay a finished run's log, stopping where its scenario's drill asks what you would do"
        >
          {drilling ? 'Close drill' : 'Drill…'}
        </button>
        <ExportMenu formats={launch?.choices.formats ?? null} disabled={runId === null} onExport={exportReport} />
        {state && (
          <span className={`state-pill state-${state}`} data-testid="run-state">
            {state}
            {view?.control.phase ? ` · ${view.control.phase}` : ''}
          </span>
        )}
        {view?.verdict && (
          <span className={`verdict verdict-${view.verdict === 'READY' ? 'ready' : 'not-ready'}`} data-testid="verdict">
            {view.verdict}
          </span>
        )}
      </header>
      <ProgressStrip tasks={view?.progress ?? []} />
      {(message ?? error) && (
        <div className={`banner banner-${message?.level ?? 'error'}`} role="status">
          {message?.text ?? error}
          <button type="button" className="link" onClick={() => setMessage(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
      {drilling ? (
        <DrillScreen initialLog={view ? `${view.outDir}/events.jsonl` : ''} />
      ) : (
        <div className="layout">
          <aside className="rail">
            <ScenarioLibrary scenarios={scenarios} selected={selected} onSelect={setSelected} onOpenFile={() => setOpening(true)} />
            {launch && options && <RunOptions choices={launch.choices} values={options} disabled={busy} onChange={setOptions} />}
            <Checklist rows={view?.checklist ?? null} />
          </aside>
          <main className="main">
            <Timeline view={view} brushed={brushed} onBrush={setBrushed} />
            <div className="bottom">
              <LoadPanel slot={view?.lanes.load ?? null} />
              <ActivityFeed items={view?.activity ?? []} />
            </div>
          </main>
        </div>
      )}
      {opening && launch && <OpenFileDialog folder={launch.scenarioFolder} onOpen={openFile} onClose={() => setOpening(false)} />}
    </div>
  );
}
