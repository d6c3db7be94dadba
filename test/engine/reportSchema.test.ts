import { describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../../src-main/contract/report';
import { buildReport } from '../../src-main/engine/common/report/buildReport';
import { EventLog } from '../../src-main/engine/common/run/eventLog';
import { rehearse } from '../../src-main/engine/common/run/rehearse';
import { parseScenarioText } from '../../src-main/engine/common/scenario/parse';
import { memoryEnvironment, memoryModelStore, memorySnapshotStore, memoryWriter, steppingClock } from '../support/memoryPorts';
import { reportSchemaErrors } from '../support/reportSchema';
import { check, finishedRun, logOf, started } from '../support/reportLogs';

/** Every chart measured, on hand-made data: the parts of the schema no event of today's log fills. */
function withAllCharts(report: ReadinessReport): ReadinessReport {
  const range = { from: '2001-03-01T00:00:00', to: '2001-03-02T00:00:00' };
  return {
    ...report,
    charts: {
      driftHeatmap: { measured: true, data: { features: ['distance'], windows: [range], psi: [[0.3]], bands: { investigate: 0.1, retrain: 0.25 } } },
      latencyLoad: { measured: true, data: { slaMs: 100, profiles: [{ name: 'production', points: [{ rps: 300, p50Ms: 2, p95Ms: 5, p99Ms: 9 }] }] } },
      trafficSplit: {
        measured: true,
        data: {
          range,
          weights: [{ at: range.from, greenPercent: 10 }],
          gates: [{ at: range.from, name: 'p99', outcome: 'fail' }],
          rollback: { at: range.from, reason: 'p99' },
        },
      },
      rolloutLatency: {
        measured: true,
        data: { range, slaMs: 250, steps: [{ from: range.from, to: range.to, greenPercent: 10, p99Ms: { blue: 5, green: null } }] },
      },
      predictionHistogram: { measured: true, data: { lo: 0, hi: 1, range: null, series: [{ role: 'green', model: 'g', counts: [1, 2] }] } },
      alertTimeline: {
        measured: true,
        data: {
          range,
          alerts: [{ layer: 2, rule: 'psi', from: range.from, to: null }],
          faults: [{ name: 'km', from: range.from, to: range.to }],
          detections: [{ fault: 'km', layer: 2, at: range.to, delayMs: 3_600_000, outcome: 'late' }],
        },
      },
    },
  };
}

async function spineReport(): Promise<ReadinessReport> {
  const parsed = parseScenarioText(
    'name: s\nmodels:\n  blue:\n    path: blue\n    inputs: [a]\nsnapshots:\n  production:\n    path: p\n    timestamp: t\n    label: y\n',
    's.yaml',
  );
  if (!parsed.ok) {
    throw new Error('scenario');
  }
  const writer = memoryWriter();
  const env = memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1] } }), memorySnapshotStore({ a: [0, 1, 2] }, [0, 1, 1]), {
    executionProvider: 'cuda',
  });
  await rehearse({ file: { path: '/s.yaml', scenario: parsed.scenario }, ...env, log: new EventLog(steppingClock(), [writer]) });
  return buildReport(writer.events);
}

describe('report.json schema (docs/report.schema.json)', () => {
  it('accepts the reports the engine builds: finished, failed, cut short, from the run spine, every chart measured', async () => {
    const reports = [
      buildReport(finishedRun({})),
      buildReport(finishedRun({ 'load-sla': 'FAIL', 'feature-parity': 'ERROR', 'rollback-readiness': 'NOT RUN' })),
      buildReport(logOf([started('cut', ['load-sla']), check('dependency-pinning', 'FAIL')])),
      await spineReport(),
      withAllCharts(buildReport(finishedRun({}))),
    ];
    // Server faults during the load draw the timeline on real time.
    const real = withAllCharts(buildReport(finishedRun({})));
    const timeline = real.charts.alertTimeline;
    if (timeline.measured) {
      reports.push({
        ...real,
        charts: {
          ...real.charts,
          alertTimeline: {
            measured: true,
            data: { ...timeline.data, range: { from: '2026-11-28T12:00:00.000Z', to: '2026-11-28T12:00:09.000Z' }, clock: 'real' },
          },
        },
      });
    }
    for (const report of reports) {
      // Through JSON, as report.json is read.
      expect(reportSchemaErrors(JSON.parse(JSON.stringify(report)))).toEqual([]);
    }
  });

  it('refuses what report.json must never be: an unknown field, a verdict outside the two, a missing or misplaced check', () => {
    const good = JSON.parse(JSON.stringify(buildReport(finishedRun({})))) as Record<string, unknown> & { checks: unknown[]; models: Record<string, unknown>[] };
    expect(reportSchemaErrors({ ...good, extra: 1 })).not.toEqual([]);
    expect(reportSchemaErrors({ ...good, verdict: 'MAYBE' })).not.toEqual([]);
    expect(reportSchemaErrors({ ...good, checks: good.checks.slice(1) })).not.toEqual([]);
    expect(reportSchemaErrors({ ...good, checks: [...good.checks].reverse() })).not.toEqual([]);
    expect(reportSchemaErrors({ ...good, models: [{ ...good.models[0], sha256: 'not-a-digest' }] })).not.toEqual([]);
    const { charts: _charts, ...withoutCharts } = good;
    expect(reportSchemaErrors(withoutCharts)).not.toEqual([]);
  });
});
