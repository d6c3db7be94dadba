import { describe, expect, it } from 'vitest';
import type { DriftHeatmapData } from '../../src-main/contract/charts';
import { drawDriftHeatmap, drawnView, layoutDriftHeatmap, psiBand, relativeBand } from '../../src-main/charts/driftHeatmap';
import { PSI_COLOURS } from '../../src-main/charts/palette';
import { expectEscaped, findAll, HOSTILE, parseSvg } from './wellFormed';

const bands = { investigate: 0.1, retrain: 0.25 };
const data: DriftHeatmapData = {
  features: ['distance', 'dep_hour', HOSTILE],
  windows: [
    { from: '2001-03-01T00:00:00', to: '2001-03-01T01:00:00' },
    { from: '2001-03-01T01:00:00', to: '2001-03-01T02:00:00' },
    { from: '2001-03-01T02:00:00', to: '2001-03-01T04:00:00' },
  ],
  psi: [
    [0.01, 0.1, 0.26],
    [0.25, null, 0.09],
    [Number.NaN, 3, 0],
  ],
  bands,
};

describe('drift heatmap views', () => {
  const relative = {
    ...data,
    relative: [
      [0.2, 0.5, 1.01],
      [1, null, 0.49],
      [null, 100, 0],
    ],
  };

  it("colours by each series' own threshold by default: calm below half of it, amber up to it, red past it", () => {
    expect([0, 0.49, 0.5, 1, 1.0001, null, Number.NaN].map(relativeBand)).toEqual([
      'stable',
      'stable',
      'investigate',
      'investigate',
      'retrain',
      'none',
      'none',
    ]);
    const layout = layoutDriftHeatmap(relative, 720);
    expect(layout.cells.map((c) => c.band)).toEqual(['stable', 'investigate', 'retrain', 'investigate', 'none', 'stable', 'none', 'retrain', 'stable']);
    // The same cells in the fixed bands: the first row's 0.26 is red in both, its 0.01 calm in both, and dep_hour's 0.25 differs.
    expect(layoutDriftHeatmap(relative, 720, undefined, 'bands').cells.map((c) => c.band)).toEqual(layoutDriftHeatmap(data, 720).cells.map((c) => c.band));
  });

  it('falls back to the fixed bands without relative figures, and labels each view in the SVG', () => {
    expect(drawnView(data, 'threshold')).toBe('bands');
    expect(drawnView(relative, 'threshold')).toBe('threshold');
    const own = drawDriftHeatmap(relative);
    expect(own).toContain('over 3 windows, relative to each one');
    expect(own).toContain('past its threshold');
    expect(own).toContain('1.01 x its own alert threshold');
    const bands = drawDriftHeatmap(relative, 720, 'bands');
    expect(bands).toContain('fixed PSI bands');
    expect(bands).not.toContain('relative to each one');
    expect(bands).toContain('PSI &lt; 0.1');
  });
});

describe('drift heatmap', () => {
  it('bands PSI as the seed does: < 0.1 stable, 0.1 to 0.25 investigate, > 0.25 retrain', () => {
    expect([0, 0.0999, 0.1, 0.25, 0.2501, null, Number.NaN].map((v) => psiBand(v, bands))).toEqual([
      'stable',
      'stable',
      'investigate',
      'investigate',
      'retrain',
      'none',
      'none',
    ]);
  });

  it('places each window by its event time and each feature in its own row', () => {
    const layout = layoutDriftHeatmap(data, 720);
    const { left, right } = layout.plot;
    expect(layout.cells).toHaveLength(9);
    // Four hours across the plot: the one-hour windows take a quarter each, the two-hour one half.
    const row0 = layout.cells.filter((c) => c.feature === 'distance');
    expect(row0.map((c) => c.x)).toEqual([left, left + (right - left) / 4, left + (right - left) / 2].map((v) => expect.closeTo(v, 9)));
    expect(row0.map((c) => c.width)).toEqual([(right - left) / 4, (right - left) / 4, (right - left) / 2].map((v) => expect.closeTo(v, 9)));
    const ys = layout.rows.map((r) => r.y);
    expect(ys[0]).toBeLessThan(ys[1]!);
    expect(ys[1]).toBeLessThan(ys[2]!);
    expect(layout.cells.map((c) => c.band)).toEqual(['stable', 'investigate', 'retrain', 'investigate', 'none', 'stable', 'none', 'retrain', 'stable']);
    expect(layout.cells[2]!.fill).toBe(PSI_COLOURS.retrain);
    // Height grows with the features, not the windows.
    expect(layoutDriftHeatmap({ ...data, features: [...data.features, 'x'], psi: [...data.psi, [0, 0, 0]] }).size.height).toBeGreaterThan(layout.size.height);
  });

  it('draws well-formed SVG with one rect per cell, event-time ticks and escaped names', () => {
    const svg = drawDriftHeatmap(data);
    const doc = parseSvg(svg);
    expect(findAll(doc, 'rect').filter((r) => String(r['@class']).startsWith('psi-'))).toHaveLength(9);
    expect(svg).toContain('PSI 0.260');
    expect(svg).toContain('too few rows');
    expect(svg).toContain('>01:00<');
    expect(svg).toContain('>Mar 01<');
    expectEscaped(svg);
  });

  it('cuts long feature names in the label and keeps them whole in the tooltip', () => {
    const long = 'a_very_long_feature_name_that_goes_on_and_on';
    const svg = drawDriftHeatmap({ ...data, features: [long, 'b', 'c'] });
    expect(svg).toContain('a_very_long_feature_name_th…');
    expect(svg).toContain(`<title>${long}</title>`);
  });
});
