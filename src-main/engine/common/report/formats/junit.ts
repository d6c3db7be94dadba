/**
 * junit.xml: one testcase per check, for CI test reporters. FAIL is a `<failure>`, ERROR an
 * `<error>`, NOT RUN `<skipped/>`; PASS and WARN pass (a WARN says so in its system-out). The
 * verdict is a property of the suite, the same as in every other format.
 */
import type { ReadinessCheck, ReadinessReport } from '../../../../contract/report';
import { evidenceValue } from './display';
import { escapeMarkup } from './markup';

/** The report as JUnit XML. */
export function renderJunit(report: ReadinessReport): string {
  const count = (status: ReadinessCheck['status']) => report.checks.filter((c) => c.status === status).length;
  const totals = `tests="${report.checks.length}" failures="${count('FAIL')}" errors="${count('ERROR')}" skipped="${count('NOT RUN')}" time="${seconds(report.durationMs)}"`;
  const name = escapeMarkup(`rehearsal: ${report.scenario.name}`);
  const properties = [
    ['verdict', report.verdict],
    ['complete', String(report.complete)],
    ['runId', report.runId],
    ['scenario', report.scenario.path],
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${name}" ${totals}>`,
    `  <testsuite name="${name}" ${totals} timestamp="${escapeMarkup(report.startedAt)}">`,
    '    <properties>',
    ...properties.map(([key, value]) => `      <property name="${key}" value="${escapeMarkup(value ?? '')}"/>`),
    '    </properties>',
    ...report.checks.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(check: ReadinessCheck): string {
  const open = `    <testcase classname="readiness" name="${check.id}">`;
  const details = escapeMarkup(
    [
      `${check.status}: ${check.title}`,
      `observed: ${check.observed}`,
      `threshold: ${check.threshold}`,
      ...check.evidence.map((e) => `evidence: ${e.label}: ${evidenceValue(e)}`),
      `next: ${check.next}`,
    ].join('\n'),
  );
  const message = escapeMarkup(check.observed);
  const body = {
    PASS: `      <system-out>${details}</system-out>`,
    WARN: `      <system-out>${details}</system-out>`,
    FAIL: `      <failure message="${message}" type="FAIL">${details}</failure>`,
    ERROR: `      <error message="${message}" type="ERROR">${details}</error>`,
    'NOT RUN': `      <skipped message="${message}"/>\n      <system-out>${details}</system-out>`,
  }[check.status];
  return [open, body, '    </testcase>'].join('\n');
}

function seconds(ms: number | null): string {
  return ms === null ? '0' : (ms / 1000).toFixed(3);
}
