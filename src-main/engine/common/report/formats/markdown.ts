/**
 * report.md: a short summary for a pull-request comment. The verdict first, one table row per
 * check, then what to do next for every check that is not PASS.
 */
import type { ReadinessReport } from '../../../../contract/report';
import { duration, metric } from './display';

/** Markdown text safe in a table cell: no markup, HTML or line break from user strings. */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

/** The summary as Markdown. */
export function renderMarkdown(report: ReadinessReport): string {
  const icon = report.verdict === 'READY' ? '✅' : '❌';
  const lines = [
    `## ${icon} Rehearsal ${escapeMarkdown(report.scenario.name)}: ${report.verdict}`,
    '',
    ...(report.complete ? [] : ['**Incomplete:** the log ends before the run finished; unresolved checks count as ERROR.', '']),
    '| check | status | observed |',
    '|---|---|---|',
    ...report.checks.map((c) => `| \`${c.id}\` | ${c.status} | ${escapeMarkdown(c.observed)} |`),
    '',
  ];
  // What to do next for every check that did not pass; checks that did not run share one line.
  const open = report.checks.filter((c) => c.status !== 'PASS' && c.status !== 'NOT RUN');
  const notRun = report.checks.filter((c) => c.status === 'NOT RUN');
  if (open.length + notRun.length > 0) {
    lines.push(
      '**Next:**',
      '',
      ...open.map((c) => `- \`${c.id}\` (${c.status}): ${escapeMarkdown(c.next)}`),
      ...(notRun.length > 0
        ? [`- Not run: ${notRun.map((c) => `\`${c.id}\``).join(', ')}. A check that did not run means not ready; report.html says what enables each.`]
        : []),
      '',
    );
  }
  for (const error of report.errors) {
    lines.push(`> **Error:** ${escapeMarkdown(error)}`, '');
  }
  const models = report.models.map((m) => {
    const score = report.scores.find((s) => s.role === m.role);
    const provider = m.executionProvider ?? 'not loaded';
    return `${m.role} ${escapeMarkdown(m.name)} on ${escapeMarkdown(provider)}${m.fallbackReason ? ' (fell back)' : ''}${score ? `, AUC ${metric(score.auc)} on ${score.n} rows` : ''}`;
  });
  lines.push(
    `<sub>Run ${escapeMarkdown(report.runId)} · ${duration(report.durationMs)}${models.length > 0 ? ` · ${models.join(' · ')}` : ''} · report.html has the evidence and charts</sub>`,
    '',
  );
  return lines.join('\n');
}
