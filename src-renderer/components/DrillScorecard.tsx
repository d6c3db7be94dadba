/** The drill's scorecard at the end: per stop the answer, the expected one, the time taken, and a missed rollback's damage. */
import type { DrillScorecard as Scorecard } from '../../src-main/contract/drill';

export function DrillScorecard({ card }: { card: Scorecard }) {
  const s = card.summary;
  return (
    <section className="panel drill-scorecard" aria-label="Drill scorecard">
      <header className="panel-header">
        <h2>Scorecard</h2>
        <span className="panel-sub" data-testid="drill-score">
          {s.correct} of {s.stops} right · {s.late} late · {s.wrong} wrong · {s.unanswered} unanswered · {s.missedRollbacks} missed rollbacks
        </span>
      </header>
      <table className="drill-table">
        <thead>
          <tr>
            <th>stop</th>
            <th>answer</th>
            <th>expected</th>
            <th>outcome</th>
            <th>time</th>
          </tr>
        </thead>
        <tbody>
          {card.stops.map((stop) => (
            <tr key={stop.stop.id} className={`drill-${stop.outcome}`}>
              <td>{stop.stop.id}</td>
              <td>{stop.words.answer}</td>
              <td>{stop.words.expected}</td>
              <td>
                {stop.words.outcome}
                {stop.words.damage && <div className="note">missed rollback: {stop.words.damage}</div>}
              </td>
              <td>{stop.decisionMs === null ? '—' : `${(stop.decisionMs / 1000).toFixed(1)} s`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
