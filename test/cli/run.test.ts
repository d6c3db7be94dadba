import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-main/contract/events';
import type { ReadinessReport } from '../../src-main/contract/report';
import { readEventFile } from '../../src-main/engine/node/files/eventFile';
import { rehearse, startRehearse } from '../support/cli';
import { FLIGHTS_3M, ROOT, tempDir } from '../support/paths';

function events(dir: string): readonly RunEvent[] {
  return readEventFile(join(dir, 'events.jsonl')).events;
}

describe('rehearse run', () => {
  it("runs the smoke scenario: the log, the report, distribution-shift from the replay, preflight's two checks, the load checks WARN on the embedded backend, monitoring-coverage WARN (no fault injected), one NOT RUN, exit 1", () => {
    const out = tempDir();
    const result = rehearse(['run', 'scenarios/smoke.yaml', '--out', out, '--formats', 'json']);
    expect(result.code).toBe(1);
    const log = events(out);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    for (const event of log) {
      expect(Object.keys(event).slice(0, 4)).toEqual(['seq', 'eventTime', 'wallTime', 'kind']);
    }
    const summary = log.find((e) => e.kind === 'score.summary');
    expect(summary).toMatchObject({ role: 'blue', model: 'smoke-v1', n: 49071, from: '2001-03-01T00:00:00' });
    // A real model on real flights ranks delays better than chance.
    expect(summary?.kind === 'score.summary' && summary.auc).toBeGreaterThan(0.55);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport;
    expect(report).toMatchObject({ schemaVersion: 1, verdict: 'NOT READY', complete: true });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['distribution-shift', 'PASS'],
      // smoke-v1's SQL and TypeScript agree; the smoke folder has no training.lock to compare.
      ['feature-parity', 'PASS'],
      ['infrastructure-parity', 'WARN'],
      ['load-sla', 'WARN'],
      ['dependency-pinning', 'WARN'],
      ['monitoring-coverage', 'WARN'],
      ['rollback-readiness', 'NOT RUN'],
    ]);
    // Under the embedded backend nothing caps memory: never PASS, and the report says why.
    for (const id of ['infrastructure-parity', 'load-sla']) {
      expect(report.checks.find((c) => c.id === id)?.observed).toContain('memory not capped: embedded backend');
    }
    expect(log.filter((e) => e.kind === 'load.result').map((e) => e.kind === 'load.result' && [e.profile, e.backend, e.oomKilled])).toEqual([
      ['staging', 'embedded', null],
      ['production', 'embedded', null],
    ]);
    expect(report.models[0]).toMatchObject({ name: 'smoke-v1', digestVerified: true, executionProvider: 'cpu' });
    expect(result.stdout).toContain('verdict: NOT READY');
    expect(result.stderr).toContain('[replay] ok');
    // Hourly windows of three days, each against the same hour of the week in January.
    expect(log.filter((e) => e.kind === 'drift.window')).toHaveLength(72);
    // The check's per-model figures, by key: what the replay counted, and on unshifted real data under 10% alarming.
    const evidence = report.checks.find((c) => c.id === 'distribution-shift')?.evidence ?? [];
    const figure = (key: string) => evidence.find((e) => e.key === key && e.role === 'blue')?.value;
    const finished = log.find((e) => e.kind === 'replay.finished');
    const blue = finished?.kind === 'replay.finished' ? finished.models[0]! : null;
    expect(blue?.falseAlarms.windows).toBeGreaterThan(0);
    expect(figure('windowsCompared')).toBe(Math.max(...(blue?.compared ?? []).map((c) => c.windows)));
    expect(figure('windowsCompared')).toBeGreaterThan(0);
    expect(figure('windowsCompared')).toBeLessThanOrEqual(72);
    expect(figure('falseAlarmRate')).toBeCloseTo(blue!.falseAlarms.alerting / blue!.falseAlarms.windows, 3);
    expect(figure('falseAlarmRate')).toBeLessThan(0.1);
  });

  it('with --json, stdout holds only the JSON document; progress goes to stderr', () => {
    const out = tempDir();
    const result = rehearse(['run', 'scenarios/smoke.yaml', '--out', out, '--formats', 'json', '--json']);
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as { verdict: string; checks: unknown[] };
    expect(doc.verdict).toBe('NOT READY');
    expect(doc.checks).toHaveLength(7);
    expect(result.stderr).toContain('[preflight] started');
  });

  it('falls back from CUDA to CPU, prints the reason once and records it', () => {
    const out = tempDir();
    const result = rehearse(['run', 'scenarios/smoke.yaml', '--out', out, '--formats', 'json', '--ep', 'cuda']);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/asked for cuda, using cpu/g)).toHaveLength(1);
    expect(events(out).filter((e) => e.kind === 'ep.fallback')).toHaveLength(1);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport;
    expect(report.models[0]).toMatchObject({ executionProvider: 'cpu', fallbackReason: expect.stringContaining('CUDA execution provider unavailable') });
  });

  it('refuses a tampered model: dependency-pinning FAIL, never loaded, exit 1', () => {
    const dir = tempDir();
    const model = join(dir, 'model');
    writeFileSync(
      join(dir, 's.yaml'),
      readFileSync(join(ROOT, 'scenarios/smoke.yaml'), 'utf8')
        .replace('smoke/model', 'model')
        .replace('smoke/flights', `${ROOT}/scenarios/smoke/flights`)
        .replace('../node_modules', `${ROOT}/node_modules`),
    );
    // Copy the smoke model, then change one byte of its weights; the digest file stays as it was.
    cpSync(join(ROOT, 'scenarios/smoke/model'), model, { recursive: true });
    const bytes = readFileSync(join(model, 'model.onnx'));
    bytes[bytes.length - 8] = (bytes[bytes.length - 8]! + 1) % 256;
    writeFileSync(join(model, 'model.onnx'), bytes);
    const out = join(dir, 'out');
    const result = rehearse(['run', join(dir, 's.yaml'), '--out', out, '--formats', 'json']);
    expect(result.code).toBe(1);
    const log = events(out);
    expect(log.some((e) => e.kind === 'model.loaded')).toBe(false);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport;
    expect(report.checks.find((c) => c.id === 'dependency-pinning')).toMatchObject({
      status: 'FAIL',
      observed: expect.stringContaining('digest mismatch: model.onnx'),
    });
  });

  it.each([
    ['missing scenario file', 'scenarios/absent.yaml', 'scenarios/absent.yaml: scenario file not found'],
    ['typo in a key', 'test/fixtures/scenarios/typo-key.yaml', 'typo-key.yaml:8:5: snapshots.production.timestmap: unknown key'],
    ['wrong type', 'test/fixtures/scenarios/wrong-type.yaml', 'models.blue.threshold: expected number, got string'],
    ['negative rate', 'test/fixtures/scenarios/negative-rate.yaml', 'snapshots.production.maxRejectRate: expected at least 0'],
    [
      'model path that does not exist',
      'test/fixtures/scenarios/missing-model.yaml',
      'test/fixtures/models/does-not-exist: model not found: expected a model folder or an .onnx file',
    ],
    ['snapshot path that does not exist', 'test/fixtures/scenarios/missing-snapshot.yaml', 'test/fixtures/data/nowhere.parquet: snapshot file not found'],
    ['model file that is not ONNX', 'test/fixtures/scenarios/not-onnx.yaml', 'not-onnx/model.onnx: expected an ONNX model that onnxruntime can load'],
  ])('exits 2 naming the file for a %s', (_what, scenario, message) => {
    const out = tempDir();
    const result = rehearse(['run', scenario, '--out', out, '--formats', 'json', '--allow-unverified']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('writes only the report formats --formats names, and refuses an unknown one', () => {
    const out = tempDir();
    expect(rehearse(['run', 'scenarios/smoke.yaml', '--out', out, '--formats', 'json,md']).code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['events.jsonl', 'report.json', 'report.md']);
    const bad = rehearse(['run', 'scenarios/smoke.yaml', '--out', tempDir(), '--formats', 'json,docx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--formats: expected a comma-separated list of json, md, junit, html, pdf, got "json,docx"');
  });

  it('requires --out', () => {
    const result = rehearse(['run', 'scenarios/smoke.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing --out <dir>');
  });
});

describe('a run killed midway', () => {
  it('leaves a readable log that `rehearse report` turns into an incomplete NOT READY report', async () => {
    const dir = tempDir();
    const scenario = join(dir, 'long.yaml');
    writeFileSync(
      scenario,
      readFileSync(join(ROOT, 'scenarios/smoke.yaml'), 'utf8')
        .replace('path: smoke/model', `path: ${ROOT}/scenarios/smoke/model`)
        .replace('path: smoke/flights-2001-03-01.parquet', `path: ${FLIGHTS_3M}`)
        .replace('path: ../node_modules/vega-datasets/data/flights-3m.parquet', `path: ${FLIGHTS_3M}`),
    );
    const out = join(dir, 'run');
    const child = startRehearse(['run', scenario, '--out', out, '--formats', 'json']);
    const logPath = join(out, 'events.jsonl');
    // Wait until the replay has begun its windows over the 3M rows, then kill without warning.
    for (let i = 0; i < 600 && !(existsSync(logPath) && readFileSync(logPath, 'utf8').includes('"kind":"drift.window"')); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const log = events(out);
    expect(log.some((e) => e.kind === 'run.finished')).toBe(false);
    const rebuilt = join(dir, 'rebuilt');
    const result = rehearse(['report', logPath, '--out', rebuilt, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(join(rebuilt, 'report.json'), 'utf8')) as ReadinessReport;
    expect(report).toMatchObject({ verdict: 'NOT READY', complete: false, finishedAt: null });
    expect(report.checks).toHaveLength(7);
  });

  it('report names a corrupt line and exits 2', () => {
    const dir = tempDir();
    const path = join(dir, 'broken.jsonl');
    writeFileSync(path, '{"seq":1,"eventTime":null,"wallTime":"2026-01-01T00:00:00.000Z","kind":"phase.started","phase":"preflight"}\nnot json\n{"seq":3}\n');
    const result = rehearse(['report', path, '--out', join(dir, 'r')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path}:2: expected one JSON event per line`);
  });

  it('report rebuilds the same report from a finished log', () => {
    const out = tempDir();
    rehearse(['run', 'scenarios/smoke.yaml', '--out', out, '--formats', 'json']);
    const again = join(out, 'again');
    expect(rehearse(['report', join(out, 'events.jsonl'), '--out', again]).code).toBe(1);
    expect(readFileSync(join(again, 'report.json'), 'utf8')).toBe(readFileSync(join(out, 'report.json'), 'utf8'));
  });
});
