/** The top bar: the scenario's name, the run controls, drill mode, export, and the run's state and verdict. */
import type { RunCommand, RunSpeed } from '../../src-main/contract/events';
import type { LaunchState } from '../../src-main/contract/rehearsalApi';
import type { ScenarioSummary } from '../../src-main/contract/scenarioSummary';
import type { RunSession } from '../hooks/useRunSession';
import { ExportMenu } from './ExportMenu';
import { RunControls } from './RunControls';

export function TopBar({
  scenario,
  launch,
  session,
  speed,
  canRun,
  drilling,
  onRun,
  onCommand,
  onSpeed,
  onToggleDrill,
}: {
  scenario: ScenarioSummary | null;
  launch: LaunchState | null;
  session: RunSession;
  speed: RunSpeed;
  canRun: boolean;
  drilling: boolean;
  onRun: () => void;
  onCommand: (command: RunCommand) => void;
  onSpeed: (speed: RunSpeed) => void;
  onToggleDrill: () => void;
}) {
  const { view } = session;
  const state = view?.control.state ?? (session.starting ? 'starting' : null);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden>
          ◆
        </span>
        Rehearsal
      </div>
      <div className="scenario-title" title={scenario?.description}>
        <span className="label">Scenario</span>
        <strong>{scenario?.name ?? '—'}</strong>
      </div>
      <RunControls
        canRun={canRun}
        control={view?.control ?? null}
        speed={view?.control.speed ?? speed}
        speeds={launch?.choices.speed ?? null}
        onRun={onRun}
        onCommand={onCommand}
        onSpeed={onSpeed}
      />
      <div className="spacer" />
      <button
        type="button"
        aria-pressed={drilling}
        onClick={onToggleDrill}
        title="Replay a finished run's log, stopping where its scenario's drill asks what you would do"
      >
        {drilling ? 'Close drill' : 'Drill…'}
      </button>
      <ExportMenu formats={launch?.choices.formats ?? null} disabled={session.runId === null} onExport={session.exportReport} />
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
  );
}
