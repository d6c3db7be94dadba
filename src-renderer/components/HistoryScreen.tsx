/** Every run in the runs folder (scenario, when, verdict, duration); pick two to compare, or start a what-if from a finished one. */
import { useState } from 'react';
import type { RunSummary } from '../../src-main/contract/history';
import { runLabel, useRunHistory } from '../hooks/useRunHistory';
import { WhatIfForm } from './WhatIfForm';

export function HistoryScreen({ onCompare }: { onCompare: (before: string, after: string) => void }) {
  const { runs, error } = useRunHistory();
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [whatIf, setWhatIf] = useState<RunSummary | null>(null);
  const toggle = (runId: string) => setPicked(picked.includes(runId) ? picked.filter((id) => id !== runId) : [...picked, runId].slice(-2));
  // Older first: the comparison reads "before → after".
  const ordered = runs ? [...picked].sort((a, b) => startOf(runs, a).localeCompare(startOf(runs, b))) : [];
  return (
    <main className="history" aria-labelledby="history-title">
      <div className="history-head">
        <h1 id="history-title">History</h1>
        <button type="button" className="primary" disabled={picked.length !== 2} onClick={() => onCompare(ordered[0]!, ordered[1]!)}>
          Compare selected
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {runs === null ? <p>Reading the runs folder…</p> : runs.length === 0 ? <p>No runs yet: run a scenario and it is listed here.</p> : null}
      {runs && runs.length > 0 && (
        <table className="runs-table">
          <caption>Runs in the runs folder, newest first. Select two to compare them.</caption>
          <thead>
            <tr>
              <th scope="col">Compare</th>
              <th scope="col">Started</th>
              <th scope="col">Scenario</th>
              <th scope="col">Verdict</th>
              <th scope="col">Duration</th>
              <th scope="col">What-if</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <RunRow key={run.folder} run={run} picked={picked.includes(run.runId)} onToggle={() => toggle(run.runId)} onWhatIf={() => setWhatIf(run)} />
            ))}
          </tbody>
        </table>
      )}
      {whatIf && <WhatIfForm run={whatIf} onClose={() => setWhatIf(null)} onDone={(from, to) => onCompare(from, to)} />}
    </main>
  );
}

function startOf(runs: readonly RunSummary[], runId: string): string {
  return runs.find((r) => r.runId === runId)?.startedAt ?? '';
}

function RunRow({ run, picked, onToggle, onWhatIf }: { run: RunSummary; picked: boolean; onToggle: () => void; onWhatIf: () => void }) {
  if (run.damaged !== null) {
    return (
      <tr data-run={run.runId} className="damaged">
        <td />
        <td colSpan={5}>
          <strong>Damaged</strong> {run.folder}: {run.damaged}
        </td>
      </tr>
    );
  }
  const verdict = run.verdict ?? 'unfinished';
  return (
    <tr data-run={run.runId}>
      <td>
        <input type="checkbox" checked={picked} onChange={onToggle} aria-label={`Select ${runLabel(run)} for comparison`} />
      </td>
      <td>{(run.startedAt ?? '').slice(0, 19).replace('T', ' ')}</td>
      <td>
        {run.scenario}
        {run.whatIf && <span className="whatif-tag"> what-if of {run.whatIf.from.slice(0, 8)}</span>}
      </td>
      <td>
        <span className={`verdict verdict-${verdict === 'READY' ? 'ready' : 'not-ready'}`}>{verdict}</span>
      </td>
      <td>{run.durationMs === null ? '—' : `${(run.durationMs / 1000).toFixed(1)} s`}</td>
      <td>
        <button type="button" disabled={!run.complete} onClick={onWhatIf} aria-label={`What-if from ${runLabel(run)}`}>
          What-if…
        </button>
      </td>
    </tr>
  );
}
