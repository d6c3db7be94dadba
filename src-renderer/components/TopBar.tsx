/** The top bar: the scenario's name, the run controls, drill mode, export, and the run's state and verdict. */
import type { RunCommand, RunSpeed } from '../../src-main/contract/events';
import type { LaunchState } from '../../src-main/contract/rehearsalApi';
import type { ScenarioSummary } from '../../src-main/contract/scenarioSummary';
import type { RunSession } from '../hooks/useRunSession';
import { ExportMenu } from './ExportMenu';
import { RunControls } from './RunControls';

/** Which screen the app shows under the top bar. */
export type Screen = 'run' | 'history' | 'compare' | 'drill';

export function TopBar({
  scenario,
  launch,
  session,
  speed,
  canRun,
  onRun,
  onCommand,
  onSpeed,
  screen,
  onScreen,
}: {
  scenario: ScenarioSummary | null;
  launch: LaunchState | null;
  session: RunSession;
  speed: RunSpeed;
  canRun: boolean;
  onRun: () => void;
  onCommand: (command: RunCommand) => void;
  onSpeed: (speed: RunSpeed) => void;
  screen: Screen;
  onScreen: (screen: Screen) => void;
}) {
  const drilling = screen === 'drill';
  const toggle = (target: Screen) => onScreen(screen === target ? 'run' : target);
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
      <ScreenButtons screen={screen} onToggle={toggle} />
      <button
        type="button"
        aria-pressed={drilling}
        onClick={() => toggle('drill')}
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

/** The screens beside the run: New rehearsal (not yet: it arrives with init), History and Compare. */
function ScreenButtons({ screen, onToggle }: { screen: Screen; onToggle: (target: Screen) => void }) {
  return (
    <nav className="screens" aria-label="Screens">
      {/* Focusable though it does nothing yet, so its tooltip is reachable by keyboard too. */}
      <button type="button" aria-disabled="true" className="soon" title="New rehearsal arrives with rehearse init: start from your own model and snapshot">
        New rehearsal
      </button>
      <button type="button" aria-pressed={screen === 'history'} onClick={() => onToggle('history')} title="Every run in the runs folder">
        History
      </button>
      <button type="button" aria-pressed={screen === 'compare'} onClick={() => onToggle('compare')} title="Two runs side by side">
        Compare
      </button>
    </nav>
  );
}
