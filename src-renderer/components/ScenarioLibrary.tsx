/** The scenario library of the left rail: built-in scenarios and files opened here, each with its validation state. */
import type { ScenarioSummary } from '../../src-main/contract/scenarioSummary';

export function ScenarioLibrary({
  scenarios,
  selected,
  onSelect,
  onOpenFile,
}: {
  scenarios: readonly ScenarioSummary[];
  selected: string | null;
  onSelect: (path: string) => void;
  onOpenFile: () => void;
}) {
  const current = scenarios.find((s) => s.path === selected) ?? null;
  return (
    <section className="rail-section" aria-label="Scenarios">
      <header className="rail-header">
        <h2>Scenarios</h2>
        <button type="button" className="link" onClick={onOpenFile}>
          Open file…
        </button>
      </header>
      <ul className="scenario-list">
        {scenarios.map((s) => (
          <li key={s.path}>
            <button
              type="button"
              className={`scenario ${s.path === selected ? 'selected' : ''}`}
              aria-pressed={s.path === selected}
              onClick={() => onSelect(s.path)}
            >
              <span className="scenario-name">{s.name}</span>
              <span className={`badge ${s.valid ? 'ok' : 'bad'}`}>
                {s.valid ? (s.builtIn ? 'built-in' : 'valid') : `${s.issues.length} problem${s.issues.length === 1 ? '' : 's'}`}
              </span>
              <span className="scenario-summary">{s.valid ? s.summary : s.path}</span>
            </button>
          </li>
        ))}
      </ul>
      {current && !current.valid && <IssueList scenario={current} />}
    </section>
  );
}

/** A scenario's validation problems, each with its field path and line. */
export function IssueList({ scenario }: { scenario: ScenarioSummary }) {
  return (
    <div className="issues" role="alert" aria-label={`Problems in ${scenario.name}`}>
      <p>
        <strong>{scenario.path}</strong> cannot run:
      </p>
      <ul>
        {scenario.issues.map((issue, i) => (
          <li key={i}>
            <code className="field">{issue.path === '' ? '(file)' : issue.path}</code>
            {issue.line !== null && <span className="line">line {issue.line}</span>}
            <span className="message">{issue.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
