/**
 * The main screen of DESIGN.md: the run controls on top, the scenario library, run options and
 * live checklist in the left rail, the timeline of lanes on one event-time axis, the load panel
 * and the activity feed. Everything shown comes from RehearsalApi; nothing here decides.
 */
import { useState } from 'react';
import { ActivityFeed } from './components/ActivityFeed';
import { CompareScreen } from './components/CompareScreen';
import { HistoryScreen } from './components/HistoryScreen';
import { Checklist } from './components/Checklist';
import { DrillScreen } from './components/DrillScreen';
import { LoadPanel } from './components/LoadPanel';
import { OpenFileDialog } from './components/OpenFileDialog';
import { ProgressStrip } from './components/ProgressStrip';
import { RunOptions } from './components/RunOptions';
import { ScenarioLibrary } from './components/ScenarioLibrary';
import { Timeline } from './components/Timeline';
import { TopBar, type Screen } from './components/TopBar';
import { useRunSession, type AppMessage, type RunSession } from './hooks/useRunSession';
import { useScenarioLibrary, type ScenarioLibraryState } from './hooks/useScenarioLibrary';

export function App() {
  const [message, setMessage] = useState<AppMessage | null>(null);
  const [opening, setOpening] = useState(false);
  const [screen, setScreen] = useState<Screen>('run');
  const [compared, setCompared] = useState<{ before: string; after: string } | null>(null);
  const drilling = screen === 'drill';
  const library = useScenarioLibrary((e) => setMessage({ level: 'error', text: e instanceof Error ? e.message : String(e) }));
  const session = useRunSession(setMessage, library.setSpeed);
  const { current, options, launch } = library;
  const canRun = current !== null && current.valid && options !== null && !session.busy;
  const run = () => {
    if (current && options) {
      void session.run(current, options, library.speed);
    }
  };
  const { view } = session;
  return (
    <div className="app">
      <TopBar
        scenario={current}
        launch={launch}
        session={session}
        speed={library.speed}
        canRun={canRun}
        onRun={run}
        onCommand={(c) => void session.command(c)}
        onSpeed={library.setSpeed}
        screen={screen}
        onScreen={(next) => {
          setCompared(null);
          setScreen(next);
        }}
      />
      <ProgressStrip tasks={view?.progress ?? []} />
      <MessageBanner message={message} error={session.viewError} onDismiss={() => setMessage(null)} />
      {drilling ? (
        <DrillScreen initialLog={view ? `${view.outDir}/events.jsonl` : ''} />
      ) : screen === 'history' ? (
        <HistoryScreen
          onCompare={(before, after) => {
            setCompared({ before, after });
            setScreen('compare');
          }}
        />
      ) : screen === 'compare' ? (
        <CompareScreen key={compared ? `${compared.before}-${compared.after}` : 'pick'} initial={compared} />
      ) : (
        <RunScreen library={library} session={session} onOpenFile={() => setOpening(true)} />
      )}
      {opening && launch && <OpenFileDialog folder={launch.scenarioFolder} onOpen={library.openFile} onClose={() => setOpening(false)} />}
    </div>
  );
}

/** The message of the last action, else the view's error, until dismissed. */
function MessageBanner({ message, error, onDismiss }: { message: AppMessage | null; error: string | null; onDismiss: () => void }) {
  if (!(message ?? error)) {
    return null;
  }
  return (
    <div className={`banner banner-${message?.level ?? 'error'}`} role="status">
      {message?.text ?? error}
      <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}

/** The rail (scenarios, options, checklist) beside the timeline, the load panel and the activity feed. */
function RunScreen({ library, session, onOpenFile }: { library: ScenarioLibraryState; session: RunSession; onOpenFile: () => void }) {
  const { launch, options } = library;
  const { view } = session;
  return (
    <div className="layout">
      <aside className="rail">
        <ScenarioLibrary scenarios={library.scenarios} selected={library.selected} onSelect={library.select} onOpenFile={onOpenFile} />
        {launch && options && <RunOptions choices={launch.choices} values={options} disabled={session.busy} onChange={library.setOptions} />}
        <Checklist rows={view?.checklist ?? null} />
      </aside>
      <main className="main">
        <Timeline view={view} brushed={session.brushed} onBrush={session.brush} />
        <div className="bottom">
          <LoadPanel slot={view?.lanes.load ?? null} />
          <ActivityFeed items={view?.activity ?? []} />
        </div>
      </main>
    </div>
  );
}
