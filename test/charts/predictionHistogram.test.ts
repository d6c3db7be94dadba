import { describe, expect, it } from 'vitest';
import type { PredictionHistogramData } from '../../src-main/contract/charts';
import { MODEL_COLOURS } from '../../src-main/charts/palette';
import { drawPredictionHistogram, layoutPredictionHistogram } from '../../src-main/charts/predictionHistogram';
import { expectEscaped, findAll, HOSTILE, parseSvg } from './wellFormed';

const data: PredictionHistogramData = {
  lo: 0,
  hi: 1,
  range: { from: '2001-03-01T00:00:00', to: '2001-03-04T00:00:00' },
  series: [
    { role: 'blue', model: 'smoke-v1', counts: [10, 30, 60, 0] },
    { role: 'green', model: HOSTILE, counts: [1, 1, 1, 1] },
  ],
};

describe('prediction histograms', () => {
  it('draws shares, not counts, so models scored on different row counts compare', () => {
    const layout = layoutPredictionHistogram(data);
    const blue = layout.bars.filter((b) => b.role === 'blue');
    const green = layout.bars.filter((b) => b.role === 'green');
    expect(blue.map((b) => b.share)).toEqual([0.1, 0.3, 0.6, 0]);
    expect(green.map((b) => b.share)).toEqual([0.25, 0.25, 0.25, 0.25]);
    // Bar height is proportional to share.
    expect(blue[2]!.height / blue[1]!.height).toBeCloseTo(2, 9);
    expect(blue[3]!.height).toBe(0);
  });

  it('puts blue and green side by side within each bin, bins left to right over [lo, hi]', () => {
    const layout = layoutPredictionHistogram(data);
    const { left, right } = layout.plot;
    const bin = (right - left) / 4;
    const blue = layout.bars.filter((b) => b.role === 'blue');
    const green = layout.bars.filter((b) => b.role === 'green');
    expect(blue.map((b) => b.x)).toEqual([0, 1, 2, 3].map((i) => expect.closeTo(left + i * bin, 9)));
    expect(green.map((b) => b.x)).toEqual([0, 1, 2, 3].map((i) => expect.closeTo(left + i * bin + bin / 2, 9)));
    expect(blue[0]!.bin).toEqual({ lo: 0, hi: 0.25 });
    expect(blue[0]!.x + blue[0]!.width).toBeLessThanOrEqual(green[0]!.x);
  });

  it('draws well-formed SVG in the models’ colours with escaped model names', () => {
    const svg = drawPredictionHistogram(data);
    const rects = findAll(parseSvg(svg), 'rect');
    expect(rects.filter((r) => r['@class'] === 'bar-blue').every((r) => r['@fill'] === MODEL_COLOURS.blue)).toBe(true);
    expect(rects.filter((r) => r['@class'] === 'bar-green')).toHaveLength(4);
    expect(svg).toContain('blue: smoke-v1 (n=100)');
    expectEscaped(svg);
  });

  it('draws one model alone', () => {
    const layout = layoutPredictionHistogram({ ...data, series: [data.series[0]!] });
    const bin = (layout.plot.right - layout.plot.left) / 4;
    expect(layout.bars[0]!.width).toBeCloseTo(bin - 0.5, 9);
  });
});
