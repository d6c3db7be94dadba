/** The report's HTML sections other than the charts: checks, models, scores, data, the run. */
import type { CheckStatus, ReadinessCheck, ReadinessReport } from '../../../../../contract/report';
import { duration, eventRange, evidenceValue, gibibytes, metric } from '../display';
import { escapeMarkup as e } from '../markup';

/** The CSS class of a status: `pass`, `warn`, `fail`, `error`, `not-run`. */
export function statusClass(status: CheckStatus): string {
  return status.toLowerCase().replace(' ', '-');
}

/** A table: headings are escaped here; cells are HTML the caller has escaped. Drills' scorecards use it too. */
export function table(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `<tr>${headings.map((h) => `<th>${e(h)}</th>`).join('')}</tr>`;
  return `<table><thead>${head}</thead><tbody>${rows.map((r) => `<tr>${r.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The checklist: one row per check with its status. Cells are escaped here. */
export function checklistTable(report: ReadinessReport): string {
  return table(
    ['check', 'status', 'observed'],
    report.checks.map((c) => [
      `<a href="#check-${c.id}"><code>${c.id}</code></a>`,
      `<span class="status status-${statusClass(c.status)}">${c.status}</span>`,
      e(c.observed),
    ]),
  );
}

/** Each check in full: what was observed, the threshold, the evidence and what to do next. */
export function checkDetails(check: ReadinessCheck): string {
  const evidence =
    check.evidence.length === 0
      ? ''
      : table(
          ['evidence', 'value'],
          check.evidence.map((item) => [e(item.label), `<span class="mono">${e(evidenceValue(item))}</span>`]),
        );
  return `<section class="check check-${statusClass(check.status)}" id="check-${check.id}">
<h3><span class="status status-${statusClass(check.status)}">${check.status}</span> <code>${check.id}</code> ${e(check.title)}</h3>
<dl><dt>observed</dt><dd>${e(check.observed)}</dd><dt>threshold</dt><dd>${e(check.threshold)}</dd><dt>next</dt><dd>${e(check.next)}</dd></dl>
${evidence}</section>`;
}

/** The models: digests, the provider asked for and used, and why it fell back. */
export function modelsTable(report: ReadinessReport): string {
  if (report.models.length === 0) {
    return '<p class="meta">No model was verified in this run.</p>';
  }
  return table(
    ['role', 'model', 'sha256', 'digest', 'execution provider'],
    report.models.map((m) => [
      e(m.role),
      `${e(m.name)}<br><span class="mono">${e(m.path)}</span>`,
      `<span class="mono">${e(m.sha256 ?? '–')}</span>`,
      m.digestVerified ? 'verified' : m.allowUnverified ? 'NOT verified (run with --allow-unverified)' : 'NOT verified (not loaded)',
      m.executionProvider === null
        ? 'not loaded'
        : `${e(m.executionProvider)}${m.requestedProvider !== null && m.requestedProvider !== m.executionProvider ? ` (asked for ${e(m.requestedProvider)})` : ''}${m.fallbackReason ? `<br>fell back: ${e(m.fallbackReason)}` : ''}`,
    ]),
  );
}

/** Each model's outcome metrics on the production snapshot. */
export function scoresTable(report: ReadinessReport): string {
  if (report.scores.length === 0) {
    return '<p class="meta">No model was scored in this run.</p>';
  }
  return table(
    ['model', 'rows', 'labelled', 'AUC', 'log loss', 'positive rate', 'mean prediction', 'p10 / p50 / p90'],
    report.scores.map((s) => [
      `${e(s.role)} ${e(s.model)}`,
      String(s.n),
      String(s.labelled),
      metric(s.auc),
      metric(s.logLoss),
      metric(s.positiveRate),
      metric(s.meanPrediction),
      ['p10', 'p50', 'p90'].map((q) => metric(s.quantiles[q] ?? null, 3)).join(' / '),
    ]),
  );
}

/** The data the run read. */
export function dataTable(report: ReadinessReport): string {
  if (report.dataWindows.length === 0) {
    return '<p class="meta">No snapshot was read in this run.</p>';
  }
  return table(
    ['role', 'source', 'event time', 'rows'],
    report.dataWindows.map((w) => [e(w.role), `<span class="mono">${e(w.source)}</span>`, e(eventRange(w.from, w.to)), String(w.rows)]),
  );
}

/** The run itself: phases, machine, versions. */
export function runSection(report: ReadinessReport): string {
  const phases = table(
    ['phase', 'outcome', 'message'],
    report.phases.map((p) => [e(p.phase), e(p.outcome), e(p.message ?? '')]),
  );
  const m = report.machine;
  const machine = table(
    ['platform', 'cpus', 'memory', 'node'],
    [[e(`${m.platform} ${m.arch}`), e(`${m.cpus} × ${m.cpuModel}`), gibibytes(m.memoryBytes), e(m.node)]],
  );
  const versions = table(
    ['component', 'version'],
    Object.entries(report.versions).map(([name, version]) => [e(name), `<span class="mono">${e(version)}</span>`]),
  );
  const times = `<p>Run <span class="mono">${e(report.runId)}</span>, started ${e(report.startedAt)}, ${report.finishedAt ? `finished ${e(report.finishedAt)}` : 'did not finish'}; took ${e(duration(report.durationMs))}.</p>`;
  return `${times}<h3>Phases</h3>${phases}<h3>Machine</h3>${machine}<h3>Versions</h3>${versions}`;
}
