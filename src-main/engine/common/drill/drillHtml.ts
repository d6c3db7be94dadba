/**
 * drill.html: the scorecard as one self-contained page drawn with the readiness report's own
 * stylesheet, table and escaping (no script, no fetch; every user string escaped).
 */
import type { DrillOutcome, DrillScorecard, DrillStopScore } from '../../../contract/drill';
import { duration } from '../report/formats/display';
import { table } from '../report/formats/html/sections';
import { documentHead } from '../report/formats/html/page';
import { escapeMarkup as e } from '../report/formats/markup';

/** The report's status colours for the four outcomes. */
const OUTCOME_CLASS: Readonly<Record<DrillOutcome, string>> = { correct: 'pass', late: 'warn', wrong: 'fail', unanswered: 'not-run' };

/** The scorecard as one HTML document. */
export function renderDrillHtml(card: DrillScorecard): string {
  const s = card.summary;
  const rows = card.stops.map((stop) => [
    `<a href="#stop-${e(stop.stop.id)}"><code>${e(stop.stop.id)}</code></a>`,
    e(stop.stop.eventTime ?? '–'),
    e(stop.words.answer),
    e(stop.words.expected),
    `<span class="status status-${OUTCOME_CLASS[stop.outcome]}">${e(stop.words.outcome)}</span>`,
    e(stop.decisionMs === null ? 'not timed' : duration(stop.decisionMs)),
  ]);
  return `${documentHead(`Drill scorecard: ${card.scenario.name}`)}
<body>
<header>
<h1>Drill scorecard: ${e(card.scenario.name)}</h1>
<p class="meta">Run <span class="mono">${e(card.runId)}</span> · scenario <span class="mono">${e(card.scenario.path)}</span></p>
${card.intro === '' ? '' : `<p>${e(card.intro)}</p>`}
<p class="verdict ${s.correct === s.stops ? 'verdict-ready' : 'verdict-not-ready'}" data-score="${s.correct}/${s.stops}">${s.correct} of ${s.stops} right</p>
<p>${s.late} late, ${s.wrong} wrong, ${s.unanswered} unanswered; ${s.missedRollbacks} missed rollback${s.missedRollbacks === 1 ? '' : 's'}.</p>
</header>
<main>
<h2>Stops</h2>
${table(['stop', 'event time', 'answer', 'expected', 'outcome', 'decision time'], rows)}
<h2>Debriefs</h2>
${card.stops.map(stopDetails).join('\n')}
</main>
</body>
</html>
`;
}

function stopDetails(stop: DrillStopScore): string {
  const status = OUTCOME_CLASS[stop.outcome];
  const damage = stop.words.damage === null ? '' : `<dt>damage</dt><dd>${e(stop.words.damage)}</dd>`;
  return `<section class="check check-${status}" id="stop-${e(stop.stop.id)}">
<h3><span class="status status-${status}">${e(stop.words.outcome)}</span> <code>${e(stop.stop.id)}</code> ${e(stop.stop.question)}</h3>
<dl><dt>stopped at</dt><dd>${e(stop.stop.trigger)} (event ${stop.stop.seq}${stop.stop.eventTime === null ? '' : `, ${e(stop.stop.eventTime)}`})</dd>
<dt>answer</dt><dd>${e(stop.words.answer)}${stop.decisionMs === null ? '' : ` after ${e(duration(stop.decisionMs))} (allowed ${e(duration(stop.stop.timeAllowedMs))})`}</dd>
<dt>expected</dt><dd>${e(stop.words.expected)}</dd>${damage}
<dt>debrief</dt><dd>${e(stop.debrief)}</dd></dl>
</section>`;
}
