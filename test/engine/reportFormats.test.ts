import { describe, expect, it } from 'vitest';
import type { CheckId, CheckStatus } from '../../src-main/contract/report';
import { CHECK_IDS } from '../../src-main/engine/common/checks/catalog';
import { buildReport } from '../../src-main/engine/common/report/buildReport';
import { renderHtml } from '../../src-main/engine/common/report/formats/html/reportHtml';
import { renderJunit } from '../../src-main/engine/common/report/formats/junit';
import { escapeMarkdown, renderMarkdown } from '../../src-main/engine/common/report/formats/markdown';
import { drawCharts } from '../../src-main/engine/node/report/drawCharts';
import { activeContent, parseHtml, parseJunit } from '../support/reportFiles';
import { check, finishedRun, logOf, scoredModel, started } from '../support/reportLogs';

/** The verdict each format states, read back from the format itself. */
function verdictsOf(events: Parameters<typeof buildReport>[0]) {
  const report = buildReport(events);
  const html = renderHtml(report, drawCharts(report.charts));
  const verdictElement = parseHtml(html).elements.find((e) => e.attrs.some((a) => a.name === 'data-verdict'));
  return {
    json: (JSON.parse(JSON.stringify(report)) as { verdict: string }).verdict,
    md: /^## \S+ Rehearsal .*: (READY|NOT READY)$/m.exec(renderMarkdown(report))?.[1],
    junit: parseJunit(renderJunit(report)).properties['verdict'],
    html: verdictElement?.attrs.find((a) => a.name === 'data-verdict')?.value,
  };
}

describe('report formats', () => {
  it.each<[string, Partial<Record<CheckId, CheckStatus>>, string]>([
    ['all PASS', {}, 'READY'],
    ['PASS and WARN', { 'load-sla': 'WARN', 'feature-parity': 'WARN' }, 'READY'],
    ['one FAIL', { 'load-sla': 'FAIL' }, 'NOT READY'],
    ['one ERROR', { 'rollback-readiness': 'ERROR' }, 'NOT READY'],
    ['one NOT RUN', { 'monitoring-coverage': 'NOT RUN' }, 'NOT READY'],
  ])('state the same verdict in every format (%s)', (_what, statuses, verdict) => {
    expect(verdictsOf(finishedRun(statuses))).toEqual({ json: verdict, md: verdict, junit: verdict, html: verdict });
  });

  it('write one JUnit testcase per check: failure for FAIL, error for ERROR, skipped for NOT RUN', () => {
    const report = buildReport(finishedRun({ 'distribution-shift': 'FAIL', 'feature-parity': 'ERROR', 'load-sla': 'NOT RUN', 'dependency-pinning': 'WARN' }));
    const junit = parseJunit(renderJunit(report));
    expect(junit.cases.map((c) => c['@name'])).toEqual([...CHECK_IDS]);
    const children = (id: string) => Object.keys(junit.cases.find((c) => c['@name'] === id)!).filter((k) => !k.startsWith('@'));
    expect(children('distribution-shift')).toEqual(['failure']);
    expect(children('feature-parity')).toEqual(['error']);
    expect(children('load-sla')).toEqual(['skipped', 'system-out']);
    expect(children('dependency-pinning')).toEqual(['system-out']);
    expect(children('infrastructure-parity')).toEqual(['system-out']);
    expect(junit.suite).toMatchObject({ tests: '7', failures: '1', errors: '1', skipped: '1', time: '1.234' });
    expect(junit.suites).toMatchObject({ tests: '7', failures: '1', errors: '1', skipped: '1' });
    const failure = junit.cases[0]!['failure'] as Record<string, string>;
    expect(failure['@message']).toBe('distribution-shift observed');
    expect(failure['#text']).toContain('next: distribution-shift next');
  });

  it('escape every user string: markup, quotes and ampersands stay text in HTML, XML and Markdown', () => {
    const hostile = `<script>alert("x")</script><img src="http://example.invalid/x.png" onerror='y'> & "q" 'a' |pipe| [link](http://example.invalid)`;
    const events = logOf([
      started(hostile, [...CHECK_IDS], `description ${hostile}`),
      ...scoredModel('blue', `model ${hostile}`, [4, 3, 2, 1]),
      { kind: 'notice', level: 'warn', message: `notice ${hostile}` },
      check('load-sla', 'FAIL', { observed: `observed ${hostile}`, next: `next ${hostile}` }),
      { kind: 'run.error', phase: 'score', message: `error ${hostile}` },
      { kind: 'run.finished', verdict: 'NOT READY', durationMs: 3 },
    ]);
    const report = buildReport(events);
    const html = renderHtml(report, drawCharts(report.charts));
    expect(activeContent(html)).toEqual([]);
    const { text, elements } = parseHtml(html);
    for (const where of ['description', 'model', 'notice', 'observed', 'next', 'error']) {
      expect(text).toContain(`${where} ${hostile}`);
    }
    expect(elements.find((e) => e.tagName === 'title')).toBeDefined();
    expect(text).toContain(`Readiness report: ${hostile}`);

    const junit = parseJunit(renderJunit(report));
    expect(junit.suite['name']).toBe(`rehearsal: ${hostile}`);
    expect(String((junit.cases.find((c) => c['@name'] === 'load-sla')!['failure'] as Record<string, string>)['@message'])).toBe(`observed ${hostile}`);

    const md = renderMarkdown(report);
    expect(md).not.toMatch(/<(script|img)/i);
    expect(md).not.toMatch(/[^\\]\[link\]/);
    // The table keeps three columns: a pipe from a user string does not open a fourth.
    expect(
      md
        .split('\n')
        .find((l) => l.startsWith('| `load-sla`'))!
        .split(/(?<!\\)\|/),
    ).toHaveLength(5);
    expect(escapeMarkdown('a|b\nc')).toBe('a\\|b c');
  });

  it('show each measured chart and a "not measured" note for the others', () => {
    const report = buildReport(logOf([started(), ...scoredModel('blue', 'b', [1, 2]), ...scoredModel('green', 'g', [2, 1])]));
    const html = renderHtml(report, drawCharts(report.charts));
    expect(html).toContain('class="chart chart-prediction-histogram"');
    expect(html.match(/Not measured in this run: /g)).toHaveLength(5);
    expect(html).toContain('Not measured in this run: this run had no load phase, which measures latency under load.');
    const fallback = parseHtml(html).text;
    expect(fallback).toContain('fell back: no CUDA here');
  });

  it('are self-contained: nothing to fetch, no script, a CSP that forbids both', () => {
    const report = buildReport(finishedRun({ 'load-sla': 'FAIL' }));
    const html = renderHtml(report, drawCharts(report.charts));
    expect(activeContent(html)).toEqual([]);
    expect(html).not.toMatch(/:\/\//);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });
});

describe('a chart that cannot be drawn', () => {
  it('says why in its place; the rest of the report stands', () => {
    const report = buildReport(finishedRun({}));
    const broken = {
      ...report,
      charts: {
        ...report.charts,
        trafficSplit: { measured: true as const, data: { range: { from: 'not a time', to: 'x' }, weights: [], gates: [], rollback: null } },
      },
    };
    const html = renderHtml(broken, drawCharts(broken.charts));
    expect(html).toContain('This chart could not be drawn: expected an ISO 8601 event time, got &quot;not a time&quot;');
    expect(html).toContain('class="chart chart-prediction-histogram"');
  });
});
