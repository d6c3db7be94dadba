/**
 * report.html: one self-contained file (inline CSS and SVG), readable without script and
 * printable. A Content-Security-Policy forbids every fetch and every script, so even a string
 * that escaped escaping could neither run nor reach the network. Every user string is escaped.
 */
import type { ReadinessReport } from '../../../../../contract/report';
import { duration } from '../display';
import { escapeMarkup as e } from '../markup';
import { chartSections, type ChartFigures } from './chartSections';
import { documentHead } from './page';
import { checkDetails, checklistTable, dataTable, modelsTable, runSection, scoresTable } from './sections';

/** The report as one HTML document; `figures` are the SVGs of the charts that have data. */
export function renderHtml(report: ReadinessReport, figures: ChartFigures): string {
  const verdictClass = report.verdict === 'READY' ? 'verdict-ready' : 'verdict-not-ready';
  const incomplete = report.complete
    ? ''
    : '<p><strong>Incomplete:</strong> the log ends before the run finished; checks that never resolved count as ERROR.</p>';
  const errors = report.errors.length === 0 ? '' : `<h2>Errors</h2><ul class="errors">${report.errors.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`;
  const notices = report.notices.length === 0 ? '' : `<h2>Notices</h2><ul>${report.notices.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`;
  return `${documentHead(`Readiness report: ${report.scenario.name}: ${report.verdict}`)}
<body>
<header>
<h1>Readiness report: ${e(report.scenario.name)}</h1>
<p class="meta">${e(report.scenario.description)}</p>
<p class="meta">Scenario <span class="mono">${e(report.scenario.path)}</span> · started ${e(report.startedAt)} · took ${e(duration(report.durationMs))}</p>
<p class="verdict ${verdictClass}" data-verdict="${report.verdict}">${report.verdict}</p>
<p>READY only when all seven checks are PASS or WARN; a FAIL, an ERROR or a check that did not run means not ready.</p>
${incomplete}
</header>
<main>
<h2>Checklist</h2>
${checklistTable(report)}
${errors}
<h2>Checks</h2>
${report.checks.map(checkDetails).join('\n')}
<h2>Evidence</h2>
${chartSections(report.charts, figures)}
<h2>Models</h2>
${modelsTable(report)}
<h3>Scores on the production snapshot</h3>
${scoresTable(report)}
<h2>Data</h2>
${dataTable(report)}
${notices}
<h2>The run</h2>
${runSection(report)}
</main>
</body>
</html>
`;
}
