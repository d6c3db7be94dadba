import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src-main/engine/common/report/buildReport';
import { check, finishedRun, logOf, scoredModel, started } from '../support/reportLogs';

describe('report model', () => {
  it('names each model with its digest, the provider asked for and used, and the fallback reason', () => {
    const report = buildReport(finishedRun({}));
    expect(report.models).toEqual([
      {
        role: 'blue',
        name: 'blue-model',
        path: '/models/blue-model',
        sha256: 'a'.repeat(64),
        digestVerified: true,
        allowUnverified: false,
        requestedProvider: 'cuda',
        executionProvider: 'cpu',
        fallbackReason: 'no CUDA here',
      },
    ]);
    expect(report.scores).toEqual([
      expect.objectContaining({ role: 'blue', model: 'blue-model', n: 10, auc: 0.61, quantiles: { p10: 0.1, p50: 0.2, p90: 0.3 } }),
    ]);
    expect(report.scores[0]).not.toHaveProperty('histogram');
    expect(report.dataWindows).toEqual([
      { source: '/data/flights.parquet', role: 'production', from: '2001-03-01T00:00:00', to: '2001-03-03T23:00:00', rows: 10 },
    ]);
    expect(report).toMatchObject({ verdict: 'READY', complete: true, durationMs: 1234, runId: 'run-1' });
  });

  it('records phase outcomes, warnings and rejected rows', () => {
    const report = buildReport(
      logOf([
        started(),
        { kind: 'phase.started', phase: 'preflight' },
        { kind: 'notice', level: 'warn', message: 'green model g is not loaded' },
        { kind: 'notice', level: 'info', message: 'only informative' },
        { kind: 'phase.finished', phase: 'preflight', outcome: 'ok' },
        { kind: 'phase.started', phase: 'score' },
        { kind: 'snapshot.rejects', role: 'production', source: 's.csv', rejected: 3, read: 97, examples: [{ file: 's.csv', line: 4, message: 'bad number' }] },
        { kind: 'run.error', phase: 'score', message: 'too many bad rows' },
        { kind: 'phase.finished', phase: 'score', outcome: 'error', message: 'too many bad rows' },
        { kind: 'run.finished', verdict: 'NOT READY', durationMs: 5 },
      ]),
    );
    expect(report.phases).toEqual([
      { phase: 'preflight', outcome: 'ok', message: null },
      { phase: 'score', outcome: 'error', message: 'too many bad rows' },
      { phase: 'verdict', outcome: 'ok', message: null },
    ]);
    expect(report.notices).toEqual(['green model g is not loaded', 's.csv: 3 rows could not be read (first: bad number)']);
    expect(report.errors).toEqual(['score: too many bad rows']);
  });

  it('marks a log cut short: phases unfinished, enabled checks ERROR, the others NOT RUN', () => {
    const report = buildReport(logOf([started('cut', ['load-sla']), { kind: 'phase.started', phase: 'preflight' }, check('dependency-pinning', 'PASS')]));
    expect(report.complete).toBe(false);
    expect(report.phases.map((p) => p.outcome)).toEqual(['unfinished', 'unfinished', 'unfinished']);
    expect(report.checks.find((c) => c.id === 'load-sla')?.status).toBe('ERROR');
    expect(report.checks.find((c) => c.id === 'dependency-pinning')?.status).toBe('PASS');
    expect(report.checks.find((c) => c.id === 'feature-parity')).toMatchObject({ status: 'NOT RUN', next: expect.stringContaining('feature spec') });
    expect(report.verdict).toBe('NOT READY');
  });

  it('gives every check something to do next', () => {
    for (const c of buildReport(logOf([started('none', [])])).checks) {
      expect(c.next.length).toBeGreaterThan(40);
    }
  });

  it('keeps an unverified model that ran, and says it was allowed', () => {
    const [verified, , loaded] = scoredModel('blue', 'b', [1]);
    const report = buildReport(logOf([started(), { ...verified!, verified: false, allowUnverified: true } as typeof verified & object, loaded!]));
    expect(report.models[0]).toMatchObject({ digestVerified: false, allowUnverified: true, executionProvider: 'cpu' });
  });
});
