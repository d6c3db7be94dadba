/**
 * What the replay adds to the statistics: a sample with a chunk taken out, categories
 * kept as codes and aligned as `rehearse drift` aligns them, KS's D alone, and thresholds
 * calibrated on the reference's own chunks.
 */
import { describe, expect, it } from 'vitest';
import { compareAlignedCategories, compareCategorical } from '../../../src-main/engine/common/drift/compareCategorical';
import { DEFAULT_DRIFT_OPTIONS } from '../../../src-main/engine/common/drift/driftOptions';
import { textColumnSide } from '../../../src-main/engine/common/drift/categorySide';
import { CategoryCoder } from '../../../src-main/engine/common/replay/categoryCoder';
import { ks2samp } from '../../../src-main/engine/common/stats/ks';
import { sampleDifference, sortedSample } from '../../../src-main/engine/common/stats/sortedSample';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';

describe('sampleDifference', () => {
  it('is the sorted sample of what is left when a part is taken out', () => {
    const rng = seededRng(1);
    const whole = Array.from({ length: 2_000 }, () => Math.floor(rng.next() * 50) / 2);
    const part = whole.filter((_, i) => i % 3 === 0);
    const rest = whole.filter((_, i) => i % 3 !== 0);
    expect(sampleDifference(sortedSample(whole), sortedSample(part))).toEqual(sortedSample(rest));
    expect(sampleDifference(sortedSample(whole), sortedSample(whole)).n).toBe(0);
  });
  it('refuses a part that is not in the whole', () => {
    expect(() => sampleDifference(sortedSample([1, 2]), sortedSample([3]))).toThrow('3 is not in the whole sample');
    expect(() => sampleDifference(sortedSample([1, 2]), sortedSample([2, 2]))).toThrow('occurs more often in the part');
  });
});

describe('coded categories', () => {
  it('compare exactly as rehearse drift compares the same values', () => {
    const reference = ['SFO', 'LAX', 'LAX', 'ORD', 'é', 'ab', null, 'SFO'];
    const current = ['LAX', 'JFK', 'ab', 'a', null, null, 'SFO'];
    const coder = new CategoryCoder();
    const count = (values: (string | null)[]) => {
      const counts: number[] = [];
      for (const v of values) {
        if (v !== null) {
          const code = coder.code(v);
          counts[code] = (counts[code] ?? 0) + 1;
        }
      }
      return Float64Array.from({ length: coder.size }, (_, c) => counts[c] ?? 0);
    };
    const r = count(reference);
    const c = count(current);
    const aligned = coder.align(r, c);
    expect(aligned.categories).toEqual(['JFK', 'LAX', 'ORD', 'SFO', 'a', 'ab', 'é']);
    const viaCodes = compareAlignedCategories('origin', aligned, { rows: 8, nulls: 1 }, { rows: 7, nulls: 2 }, DEFAULT_DRIFT_OPTIONS);
    const viaMaps = compareCategorical(
      'origin',
      textColumnSide({ kind: 'text', values: reference }),
      textColumnSide({ kind: 'text', values: current }),
      DEFAULT_DRIFT_OPTIONS,
    );
    expect(viaCodes).toEqual(viaMaps);
  });
  it('code small whole numbers without text per value', () => {
    const coder = new CategoryCoder();
    expect([coder.numberCode(6), coder.numberCode(6), coder.numberCode(2.5), coder.numberCode(7)]).toEqual([0, 0, 1, 2]);
    expect(coder.label(1)).toBe('2.5');
  });
});

describe('KS without a p-value', () => {
  it("gives the same D as scipy's path, and no p-value", () => {
    const a = sortedSample([1, 2, 3, 4, 5, 6]);
    const b = sortedSample([2.5, 3.5, 7, 8]);
    const full = ks2samp(a, b, 'asymp')!;
    expect(ks2samp(a, b, 'statistic')).toEqual({ statistic: full.statistic, pValue: null, method: null });
  });
});
