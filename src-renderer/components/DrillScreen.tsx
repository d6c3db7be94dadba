/**
 * Drill mode: a finished run's log replayed in the main screen's timeline, pausing at
 * each stop with the question and only the lanes up to that moment, then the debrief, and the
 * scorecard at the end. Every decision (where to stop, what is visible, the score) is the engine's.
 */
import { useState } from 'react';
import type { EventTimeRange } from '../../src-main/contract/charts';
import type { DrillAnswer, DrillState } from '../../src-main/contract/drill';
import { useApi } from '../api';
import { useDrillView } from '../hooks/useDrillView';
import { ActivityFeed } from './ActivityFeed';
import { Checklist } from './Checklist';
import { DrillPrompt } from './DrillPrompt';
import { DrillScorecard } from './DrillScorecard';
import { Timeline } from './Timeline';

export function DrillScreen({ initialLog }: { initialLog: string }) {
  const api = useApi();
  const [logPath, setLogPath] = useState(initialLog);
  const [scenarioPath, setScenarioPath] = useState('');
  const [state, setState] = useState<DrillState | null>(null);
  const [brushed, setBrushed] = useState<EventTimeRange | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { view, playing, error } = useDrillView(state?.drillId ?? null, state?.visibleSeq ?? 0, brushed);
  const fail = (e: unknown) => setProblem(e instanceof Error ? e.message : String(e));

  const open = async () => {
    setProblem(null);
    setBrushed(null);
    try {
      setState(await api.openDrill({ logPath: logPath.trim(), ...(scenarioPath.trim() === '' ? {} : { scenarioPath: scenarioPath.trim() }) }));
    } catch (e) {
      fail(e);
    }
  };
  const answer = async (given: DrillAnswer | null) => {
    if (state === null) {
      return;
    }
    try {
      setState(await api.answerDrill(state.drillId, given));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div className="layout">
      <aside className="rail">
        <section className="rail-section drill-open" aria-label="Open a drill">
          <header className="rail-header">
            <h2>Drill a finished run</h2>
          </header>
          <label className="option">
            <span className="option-label">events.jsonl</span>
            <input aria-label="Run log" value={logPath} onChange={(e) => setLogPath(e.target.value)} placeholder="runs/<id>/events.jsonl" />
          </label>
          <label className="option">
            <span className="option-label">drill scenario (optional)</span>
            <input
              aria-label="Drill scenario"
              value={scenarioPath}
              onChange={(e) => setScenarioPath(e.target.value)}
              placeholder="the scenario the log names"
            />
          </label>
          <button type="button" className="primary" onClick={() => void open()} disabled={logPath.trim() === ''}>
            Open drill
          </button>
          {(problem ?? error) && (
            <p className="error" role="alert">
              {problem ?? error}
            </p>
          )}
        </section>
        {state && <DrillPrompt state={state} playing={playing} onAnswer={(a) => void answer(a)} />}
        <Checklist rows={view?.checklist ?? null} />
      </aside>
      <main className="main">
        {state?.scorecard && <DrillScorecard card={state.scorecard} />}
        <Timeline view={view} brushed={brushed} onBrush={setBrushed} />
        <ActivityFeed items={view?.activity ?? []} />
      </main>
    </div>
  );
}
