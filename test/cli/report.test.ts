/**
 * The report files of a real run (real ORT, real DuckDB, the built CLI, the machine's Chromium):
 * a golden report for the smoke scenario, the same verdict in every format, the PDF read back
 * with poppler-utils, hostile names escaped end to end, and the formats a scenario asks for.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadinessCheck, ReadinessReport } from '../../src-main/contract/report';
import { CHECK_IDS } from '../../src-main/engine/common/checks/catalog';
import { renderHtml } from '../../src-main/engine/common/report/formats/html/reportHtml';
import { renderJunit } from '../../src-main/engine/common/report/formats/junit';
import { renderMarkdown } from '../../src-main/engine/common/report/formats/markdown';
import { drawCharts } from '../../src-main/engine/node/report/drawCharts';
import { brokenLog, type EventJson } from '../support/brokenLogs';
import { rehearse, type CliResult } from '../support/cli';
import { ROOT, SMOKE, tempDir } from '../support/paths';
import { CHROMIUM, pdfFirstPagePng, pdfText, POPPLER } from '../support/pdf';
import { activeContent, parseHtml, parseJunit } from '../support/reportFiles';
import { reportSchemaErrors } from '../support/reportSchema';
import { requireService } from '../support/services';

const NO_CHROMIUM = { REHEARSAL_CHROMIUM: '/nonexistent/chromium' };

function readReport(dir: string): ReadinessReport {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ReadinessReport;
}

/** Rounds to six significant digits: onnxruntime's float32 kernels may differ in the last bits between CPUs. */
function stable(value: unknown): unknown {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? value : Number(value.toPrecision(6));
  }
  if (Array.isArray(value)) {
    return value.map(stable);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stable(v)]));
  }
  return typeof value === 'string' ? value.split(ROOT).join('<root>') : value;
}

/** The checks judged on real-time latency (the load phase): their numbers are measured, so they are masked. */
const MEASURED_CHECKS = new Set(['load-sla', 'infrastructure-parity']);

/** A measured check with its numbers masked: its status, wording and evidence labels stay checked. */
function maskedCheck(check: ReadinessCheck): ReadinessCheck {
  if (!MEASURED_CHECKS.has(check.id)) {
    return check;
  }
  return {
    ...check,
    observed: check.observed.replace(/(?<![A-Za-z0-9.])[-+]?\d+(\.\d+)?/g, '#'),
    evidence: check.evidence.map((item) => ({ ...item, value: typeof item.value === 'number' ? 0 : item.value, ...(item.n === undefined ? {} : { n: 0 }) })),
  };
}

/** The report with what differs between runs and machines replaced: ids, wall-clock times, the machine, paths, measured latencies. */
function normalised(report: ReadinessReport): ReadinessReport {
  const latencyLoad = report.charts.latencyLoad;
  return stable({
    ...report,
    checks: report.checks.map(maskedCheck),
    charts: {
      ...report.charts,
      latencyLoad: latencyLoad.measured
        ? {
            ...latencyLoad,
            data: {
              ...latencyLoad.data,
              profiles: latencyLoad.data.profiles.map((p) => ({ ...p, points: p.points.map(() => ({ rps: 50, p50Ms: 5, p95Ms: 10, p99Ms: 20 })) })),
            },
          }
        : latencyLoad,
    },
    runId: '<run-id>',
    startedAt: '<started-at>',
    finishedAt: report.finishedAt === null ? null : '<finished-at>',
    durationMs: report.durationMs === null ? null : 1000,
    machine: { platform: '<platform>', arch: '<arch>', cpus: 0, cpuModel: '<cpu>', memoryBytes: 0, node: '<node>' },
    versions: { ...report.versions, node: '<node>' },
  }) as ReadinessReport;
}

describe('the smoke scenario’s report', () => {
  const out = tempDir();
  let run: CliResult;
  beforeAll(() => {
    run = rehearse(['run', SMOKE, '--out', out]);
  });

  it('writes every format, and report.json is valid against its committed schema', () => {
    expect(run.code).toBe(1);
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      CHROMIUM
        ? ['events.jsonl', 'junit.xml', 'report.html', 'report.json', 'report.md', 'report.pdf']
        : ['events.jsonl', 'junit.xml', 'report.html', 'report.json', 'report.md'],
    );
    expect(reportSchemaErrors(readReport(out))).toEqual([]);
    expect(run.stdout).toContain('report: report.json, report.md, junit.xml, report.html');
  });

  it('matches the golden report once ids, wall-clock times, the machine and paths are normalised', async () => {
    const report = normalised(readReport(out));
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot('../golden/smoke/report.json');
    await expect(renderMarkdown(report)).toMatchFileSnapshot('../golden/smoke/report.md');
    await expect(renderJunit(report)).toMatchFileSnapshot('../golden/smoke/junit.xml');
    await expect(renderHtml(report, drawCharts(report.charts))).toMatchFileSnapshot('../golden/smoke/report.html');
  });

  it('derives every file from report.json: each is the render of the same report model', () => {
    const report = readReport(out);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe(renderMarkdown(report));
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toBe(renderJunit(report));
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(renderHtml(report, drawCharts(report.charts)));
  });

  it('states the verdict of the exit code in every format', (context) => {
    const verdict = readReport(out).verdict;
    expect(verdict).toBe(run.code === 0 ? 'READY' : 'NOT READY');
    expect(readFileSync(join(out, 'report.md'), 'utf8').split('\n')[0]).toMatch(new RegExp(`: ${verdict}$`));
    expect(parseJunit(readFileSync(join(out, 'junit.xml'), 'utf8')).properties['verdict']).toBe(verdict);
    const html = parseHtml(readFileSync(join(out, 'report.html'), 'utf8'));
    expect(html.elements.find((e) => e.attrs.some((a) => a.name === 'data-verdict'))?.attrs.find((a) => a.name === 'data-verdict')?.value).toBe(verdict);
    requireService(context, CHROMIUM, 'chromium (Debian package chromium) prints report.pdf');
    requireService(context, POPPLER, 'pdftotext (Debian package poppler-utils) reads report.pdf');
    expect(pdfText(join(out, 'report.pdf'))).toMatch(new RegExp(`^\\s*${verdict}\\s*$`, 'm'));
  });

  it('prints a PDF with the verdict, every check id and the prediction chart; its first page renders as PNG', (context) => {
    requireService(context, CHROMIUM, 'chromium (Debian package chromium) prints report.pdf');
    requireService(context, POPPLER, 'pdftotext and pdftoppm (Debian package poppler-utils) read report.pdf');
    const text = pdfText(join(out, 'report.pdf'));
    expect(text).toContain('Readiness report: smoke');
    for (const id of CHECK_IDS) {
      expect(text).toContain(id);
    }
    expect(text).toContain('Predictions, blue against green');
    expect(text).toContain('blue: smoke-v1 (n=49071)');
    const png = pdfFirstPagePng(join(out, 'report.pdf'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // An A4 page (210 x 297 mm) at 50 dpi: about 414 x 585 pixels (IHDR width and height).
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBeGreaterThan(400);
    expect(height / width).toBeCloseTo(297 / 210, 2);
  });

  it('has nothing a browser would fetch or run, and no URL at all', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(activeContent(html)).toEqual([]);
    expect(html).not.toMatch(/:\/\//);
  });

  it('is rebuilt identically by `rehearse report` from the log', () => {
    const again = join(out, 'again');
    const result = rehearse(['report', join(out, 'events.jsonl'), '--out', again, '--formats', 'json,md,junit,html'], { env: NO_CHROMIUM });
    expect(result.code).toBe(1);
    for (const file of ['report.json', 'report.md', 'junit.xml', 'report.html']) {
      expect(readFileSync(join(again, file), 'utf8')).toBe(readFileSync(join(out, file), 'utf8'));
    }
    expect(existsSync(join(again, 'report.pdf'))).toBe(false);
  });

  // Each edit makes one field of one real event wrong; `hidden` is the value that must not be echoed.
  it.each<[string, string, (event: EventJson) => unknown, string, string | null]>([
    [
      'a value outside its enum',
      'check.resolved',
      (e) => ({ ...e, check: { ...(e['check'] as object), status: 'GREEN' } }),
      'check.resolved: check.status: expected one of: "PASS", "WARN", "FAIL", "ERROR", "NOT RUN"',
      'GREEN',
    ],
    [
      'a number written as text, deep in a list',
      'drift.window',
      (e) => ({ ...e, features: (e['features'] as object[]).map((f, i) => (i === 0 ? { ...f, psi: '0.31415' } : f)) }),
      'drift.window: features[0].psi: expected number, got string',
      '0.31415',
    ],
    ['null where a number must be', 'score.summary', (e) => ({ ...e, n: null }), 'score.summary: n: expected number, got null', null],
    ['a field missing', 'model.loaded', ({ sha256: _, ...e }) => e, 'model.loaded: sha256: missing; expected string', null],
    [
      'a field its contract does not have',
      'phase.started',
      (e) => ({ ...e, colour: 'chartreuse' }),
      "phase.started: colour: not a field of this event (extra fields are refused: the log is Rehearsal's own format)",
      'chartreuse',
    ],
    [
      'an unknown kind',
      'phase.finished',
      (e) => ({ ...e, kind: 'phase.halfway' }),
      'kind: not an event kind of this version; expected one of: run.started, ',
      'halfway',
    ],
    ['an envelope without its seq', 'run.finished', ({ seq: _, ...e }) => e, 'run.finished: seq: missing; expected number', null],
  ])(
    '`rehearse report` refuses a log with %s: exit 2 naming the file, line and field, echoing no value, writing nothing',
    (_what, kind, edit, problem, hidden) => {
      const { path, line } = brokenLog(join(out, 'events.jsonl'), kind, edit);
      const folder = join(tempDir(), 'report');
      const result = rehearse(['report', path, '--out', folder]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`rehearse report: ${path}:${line}: ${problem}`);
      if (hidden !== null) {
        expect(result.stderr).not.toContain(hidden);
      }
      expect(result.stdout).toBe('');
      expect(existsSync(folder)).toBe(false);
    },
  );

  it('`rehearse report` still reads a log whose last line a kill cut short, and says so', () => {
    const text = readFileSync(join(out, 'events.jsonl'), 'utf8').trimEnd();
    const path = join(tempDir(), 'torn.jsonl');
    writeFileSync(path, text.slice(0, text.lastIndexOf('\n') + 1 + 40));
    const result = rehearse(['report', path, '--out', join(tempDir(), 'report'), '--formats', 'json'], { env: NO_CHROMIUM });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}: the last line was cut short`);
  });
});

describe('names from the user', () => {
  const hostile = `<script>alert("x")</script> & 'q'`;

  it('reach every format escaped: scenario, description, model name and paths', (context) => {
    const dir = tempDir();
    const folder = join(dir, `dir <i onclick="x"> & 'a'`);
    mkdirSync(folder);
    cpSync(join(ROOT, 'scenarios/smoke/model'), join(folder, 'model'), { recursive: true });
    const scenario = join(folder, 'hostile.yaml');
    writeFileSync(
      scenario,
      [
        `name: ${JSON.stringify(hostile)}`,
        `description: ${JSON.stringify(`<img src="http://example.invalid/x.png" onerror="y"> "d" & 'e'`)}`,
        'models:',
        '  blue:',
        '    path: model',
        `    name: ${JSON.stringify(`<b>model</b> "m" & 'n'`)}`,
        'snapshots:',
        '  production:',
        `    path: ${JSON.stringify(join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet'))}`,
        '    timestamp: date',
        '    label: delay > 15',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const result = rehearse(['run', scenario, '--out', out]);
    expect(result.code).toBe(1);

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(activeContent(html)).toEqual([]);
    const { text } = parseHtml(html);
    expect(text).toContain(`Readiness report: ${hostile}`);
    expect(text).toContain(`<img src="http://example.invalid/x.png" onerror="y"> "d" & 'e'`);
    expect(text).toContain(`<b>model</b> "m" & 'n'`);
    expect(text).toContain(`dir <i onclick="x"> & 'a'/model`);

    const junit = parseJunit(readFileSync(join(out, 'junit.xml'), 'utf8'));
    expect(junit.suite['name']).toBe(`rehearsal: ${hostile}`);
    expect(junit.properties['scenario']).toBe(scenario);

    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).not.toMatch(/<(script|b|i|img)[\s>]/);
    expect(md).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; \'q\'');

    requireService(context, CHROMIUM, 'chromium (Debian package chromium) prints report.pdf');
    requireService(context, POPPLER, 'pdftotext (Debian package poppler-utils) reads report.pdf');
    expect(pdfText(join(out, 'report.pdf'))).toContain(`Readiness report: ${hostile}`);
  });
});

describe('report formats chosen', () => {
  it('without Chromium, says so and writes the other formats; the verdict and exit code stand', () => {
    const out = tempDir();
    const result = rehearse(['run', SMOKE, '--out', out], { env: NO_CHROMIUM });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('report.pdf not written: REHEARSAL_CHROMIUM is /nonexistent/chromium, which does not exist');
    expect(readdirSync(out).sort()).toEqual(['events.jsonl', 'junit.xml', 'report.html', 'report.json', 'report.md']);
    const json = JSON.parse(rehearse(['report', join(out, 'events.jsonl'), '--out', join(out, 'j'), '--json'], { env: NO_CHROMIUM }).stdout) as {
      skipped: unknown[];
    };
    expect(json.skipped).toEqual([{ format: 'pdf', reason: 'REHEARSAL_CHROMIUM is /nonexistent/chromium, which does not exist' }]);
  });

  it('writes only the formats the scenario’s outputs section lists', () => {
    const dir = tempDir();
    const scenario = join(dir, 's.yaml');
    writeFileSync(
      scenario,
      readFileSync(SMOKE, 'utf8').replaceAll('smoke/', `${ROOT}/scenarios/smoke/`).replaceAll('../node_modules/', `${ROOT}/node_modules/`) +
        'outputs:\n  formats: [md, junit]\n',
    );
    const out = join(dir, 'out');
    expect(rehearse(['run', scenario, '--out', out]).code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['events.jsonl', 'junit.xml', 'report.md']);
  });

  it('refuses an unknown format in the scenario (exit 2, naming the line and field) and in --formats', () => {
    const dir = tempDir();
    const scenario = join(dir, 's.yaml');
    const smoke = readFileSync(SMOKE, 'utf8');
    writeFileSync(scenario, smoke + 'outputs:\n  formats: [md, docx]\n');
    const bad = rehearse(['validate', scenario]);
    expect(bad.code).toBe(2);
    // The formats line is the second appended, after the smoke scenario's last line.
    const line = smoke.split('\n').length + 1;
    expect(bad.stderr).toContain(`s.yaml:${line}:17: outputs.formats[1]: expected one of: "json", "md", "junit", "html", "pdf"`);
    const flag = rehearse(['report', join(dir, 'events.jsonl'), '--out', dir, '--formats', 'md,docx']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--formats: expected a comma-separated list of json, md, junit, html, pdf, got "md,docx"');
  });
});
