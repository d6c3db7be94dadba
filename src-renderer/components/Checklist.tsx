/** The readiness checklist, filling in live as the run resolves checks. */
import type { ChecklistRow } from '../../src-main/contract/runView';

export function Checklist({ rows }: { rows: readonly ChecklistRow[] | null }) {
  return (
    <section className="rail-section" aria-label="Readiness checklist">
      <header className="rail-header">
        <h2>Readiness</h2>
      </header>
      {rows === null ? (
        <p className="muted">The seven checks fill in as a run resolves them.</p>
      ) : (
        <ol className="checklist">
          {rows.map((row) => (
            <li key={row.id} className="check" data-check={row.id} data-status={row.status}>
              <span className={`status status-${row.status.toLowerCase().replace(' ', '-')}`}>{row.status}</span>
              <div>
                <span className="check-id">{row.id}</span>
                <span className="check-observed" title={row.next ?? undefined}>
                  {row.observed}
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
