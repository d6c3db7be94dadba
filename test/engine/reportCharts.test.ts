import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src-main/engine/common/report/buildReport';
import { reportCharts } from '../../src-main/engine/common/report/charts/reportCharts';
import { logOf, scoredModel, started } from '../support/reportLogs';

describe('chart data from the log', () => {
  it('takes blue and green prediction histograms from their score summaries, blue first', () => {
    const events = logOf([started(), ...scoredModel('green', 'green-model', [0, 5, 5]), ...scoredModel('blue', 'blue-model', [3, 2, 1])]);
    expect(reportCharts(events).predictionHistogram).toEqual({
      measured: true,
      data: {
        lo: 0,
        hi: 1,
        range: { from: '2001-03-01T00:00:00', to: '2001-03-03T23:00:00' },
        series: [
          { role: 'blue', model: 'blue-model', counts: [3, 2, 1] },
          { role: 'green', model: 'green-model', counts: [0, 5, 5] },
        ],
      },
    });
  });

  it('says why a chart was not measured: no model scored, or its phase not in the run', () => {
    const charts = reportCharts(logOf([started()]));
    expect(charts.predictionHistogram).toEqual({ measured: false, reason: 'no model was scored in this run' });
    expect(charts.driftHeatmap).toEqual({ measured: false, reason: 'this run had no replay phase, which measures drift per feature and event-time window' });
    expect(charts.latencyLoad).toEqual({ measured: false, reason: 'this run had no load phase, which measures latency under load' });
    expect(charts.trafficSplit).toEqual({ measured: false, reason: 'this run had no rollout phase, which measures a blue/green traffic split' });
    expect(charts.alertTimeline).toEqual({ measured: false, reason: 'this run had no replay phase, which measures alerts per monitoring layer' });
  });

  it('says the phase recorded nothing when the phase was in the run', () => {
    const start = started();
    const withLoad = { ...start, phases: ['preflight', 'load', 'verdict'] } as typeof start;
    expect(reportCharts(logOf([withLoad])).latencyLoad).toEqual({ measured: false, reason: 'the load phase recorded no latency under load' });
  });

  it('puts the charts in the report', () => {
    const report = buildReport(logOf([started(), ...scoredModel('blue', 'b', [1])]));
    expect(Object.keys(report.charts)).toEqual(['driftHeatmap', 'latencyLoad', 'trafficSplit', 'rolloutLatency', 'predictionHistogram', 'alertTimeline']);
    expect(report.charts.predictionHistogram.measured).toBe(true);
  });
});
