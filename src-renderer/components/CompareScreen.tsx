/** Two runs side by side, as the engine compares them: checks that changed highlighted, the figures that moved, the same lanes overlaid. */
import { useEffect, useState } from 'react';
import type { RunComparison, RunSummary } from '../../src-main/contract/history';
import { useApi } from '../api';
import { runLabel, useRunHistory } from '../hooks/useRunHistory';
import { LaneOverlay } from './LaneOverlay';

export function CompareScreen({ initial }: { initial: { before: string; after: string } | null }) {
  const api = useApi();
  const { runs } = useRunHistory();
  const readable = (runs ?? []).filter((r) => r.damaged === null);
  const [before, setBefore] = useState(initial?.before ?? '');
  const [after, setAfter] = useState(initial?.after ?? '');
  const [comparison, setComparison] = useState<RunComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Without a choice, the two newest runs: the older before, the newer after.
    if (before === '' && after === '' && readable.length >= 2) {
      setBefore(readable[1]!.runId);
      setAfter(readable[0]!.runId);
    }
  }, [readable, before, after]);
  useEffect(() => {
    if (before === '' || after === '') {
      return;
    }
    api.compareRuns(before, after).then(
      (c) => {
        setComparison(c);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [api, before, after]);
  return (
    <main className="compare" aria-labelledby="compare-title">
      <h1 id="compare-title">Compare</h1>
      <div className="compare-pick">
        <RunSelect label="Before" value={before} runs={readable} onChange={setBefore} />
        <RunSelect label="After" value={after} runs={readable} onChange={setAfter} />
      </div>
      {readable.length < 2 && runs !== null && <p>Two finished runs are needed to compare; run a scenario twice.</p>}
      {error && <p role="alert">{error}</p>}
      {comparison && <ComparisonView comparison={comparison} />}
    </main>
  );
}

function RunSelect({ label, value, runs, onChange }: { label: string; value: string; runs: readonly RunSummary[]; onChange: (v: string) => void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">choose a run</option>
        {runs.map((r) => (
          <option key={r.runId} value={r.runId}>
            {runLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );
}

function ComparisonView({ comparison }: { comparison: RunComparison }) {
  const { before, after, checks, figures, lanes } = comparison;
  return (
    <>
      <div className="compare-runs" data-testid="compare-runs">
        <div className="compare-run before">
          <span className="label">Before</span> <strong>{runLabel(before)}</strong> <span>{before.verdict ?? 'unfinished'}</span>
        </div>
        <div className="compare-run after">
          <span className="label">After</span> <strong>{runLabel(after)}</strong> <span>{after.verdict ?? 'unfinished'}</span>
          {after.whatIf && <span> · {Object.entries(after.whatIf.changes).map(([k, v]) => `${after.whatIf!.profile} ${k}=${v}`)}</span>}
        </div>
      </div>
      <table className="compare-checks">
        <caption>Checks, before and after ({checks.filter((c) => c.changed).length} changed)</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((c) => (
            <tr key={c.id} data-check-change={c.id} className={c.changed ? 'changed' : undefined}>
              <th scope="row">
                {c.id}
                {c.changed && <span className="changed-tag"> changed</span>}
              </th>
              <td className={`status status-${c.before.replace(' ', '-').toLowerCase()}`}>{c.before}</td>
              <td className={`status status-${c.after.replace(' ', '-').toLowerCase()}`}>{c.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="compare-figures" data-testid="moved-figures">
        <caption>{figures.length === 0 ? 'No figure moved' : 'Figures that moved'}</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Figure</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={`${f.check}/${f.label}`}>
              <td>{f.check}</td>
              <td>{f.label}</td>
              <td>{figureText(f.before, f.unit)}</td>
              <td>{figureText(f.after, f.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="compare-lanes">
        {lanes.map((lane) => (
          <LaneOverlay key={lane.lane} lane={lane} />
        ))}
      </div>
    </>
  );
}

function figureText(value: string | number | boolean | null, unit: string | undefined): string {
  if (value === null) {
    return '—';
  }
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : String(value);
  return unit === undefined ? text : `${text} ${unit}`;
}
