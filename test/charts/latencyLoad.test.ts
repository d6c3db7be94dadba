import { describe, expect, it } from 'vitest';
import type { LatencyLoadData } from '../../src-main/contract/charts';
import { drawLatencyLoad, layoutLatencyLoad } from '../../src-main/charts/latencyLoad';
import { expectEscaped, findAll, HOSTILE, parseSvg } from './wellFormed';

const data: LatencyLoadData = {
  slaMs: 100,
  profiles: [
    {
      name: 'staging',
      points: [
        { rps: 300, p50Ms: 4, p95Ms: 9, p99Ms: 20 },
        { rps: 100, p50Ms: 2, p95Ms: 5, p99Ms: 8 },
      ],
    },
    { name: HOSTILE, points: [{ rps: 300, p50Ms: 30, p95Ms: 90, p99Ms: 150 }] },
  ],
};

describe('latency against load', () => {
  it('shares one y scale across profiles and puts the SLA line at its value', () => {
    const layout = layoutLatencyLoad(data);
    expect(layout.panels).toHaveLength(2);
    const [staging, production] = layout.panels;
    // Panels side by side, not overlapping.
    expect(staging!.right).toBeLessThan(production!.left);
    // Points in rate order; higher latency is higher on the page (smaller y).
    const p99 = staging!.lines.find((l) => l.percentile === 'p99')!;
    expect(p99.points.map((p) => p.point.rps)).toEqual([100, 300]);
    expect(p99.points[1]!.y).toBeLessThan(p99.points[0]!.y);
    // 150 ms is above the 100 ms SLA line, 20 ms below it.
    const prod99 = production!.lines.find((l) => l.percentile === 'p99')!.points[0]!;
    expect(prod99.y).toBeLessThan(layout.slaY!);
    expect(p99.points[1]!.y).toBeGreaterThan(layout.slaY!);
    // The same value sits at the same height in both panels.
    expect(layout.slaY).toBeGreaterThan(layout.top);
    expect(layout.slaY).toBeLessThan(layout.bottom);
    expect(p99.path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });

  it('draws well-formed SVG with three lines per profile, the SLA in each panel and escaped names', () => {
    const svg = drawLatencyLoad(data);
    const doc = parseSvg(svg);
    expect(findAll(doc, 'path')).toHaveLength(6);
    expect(findAll(doc, 'line').filter((l) => l['@class'] === 'sla')).toHaveLength(2);
    expect(svg).toContain('SLA 100 ms (p99)');
    expectEscaped(svg);
  });

  it('draws no SLA line when the scenario sets none', () => {
    const layout = layoutLatencyLoad({ ...data, slaMs: null });
    expect(layout.slaY).toBeNull();
    expect(drawLatencyLoad({ ...data, slaMs: null })).not.toContain('class="sla"');
  });
});
