/** The radix sort orders floats exactly as TypedArray.prototype.sort does, specials included. */
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../src-main/engine/common/rng/seededRng';
import { sortFloats } from '../../../src-main/engine/common/stats/sortFloats';

function sample(n: number): number[] {
  const rng = seededRng(9);
  const specials = [Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, -0, 0, -1e-310, 1e-310, -3.5, 3.5];
  return Array.from({ length: n }, (_, i) => (i % 50 === 0 ? specials[(i / 50) % specials.length]! : (rng.next() - 0.5) * 10 ** (rng.next() * 40 - 20)));
}

describe('sortFloats', () => {
  it.each([
    ['Float64Array', Float64Array],
    ['Float32Array', Float32Array],
  ] as const)('sorts a large %s bit for bit as the built-in sort does', (_, Kind) => {
    const values = sample(120_000);
    const expected = Kind.from(values).sort();
    const sorted = sortFloats(Kind.from(values));
    expect(sorted.every((x, i) => Object.is(x, expected[i]))).toBe(true);
  });
  it('leaves small arrays to the built-in sort', () => {
    const values = Float64Array.from([3, Number.NaN, -0, 0, -1]);
    expect(Array.from(sortFloats(values))).toEqual([-1, -0, 0, 3, Number.NaN]);
  });
});

describe('sortFloats on small arrays', () => {
  it('sorts what the built-in sorts, with or without NaN and -0', () => {
    const rng = seededRng(5);
    for (const n of [0, 1, 2, 17, 700, 5_000]) {
      const plain = Float64Array.from({ length: n }, () => Math.round((rng.next() - 0.5) * 200) / 4);
      expect(Array.from(sortFloats(Float64Array.from(plain)))).toEqual(Array.from(Float64Array.from(plain).sort()));
      const special = Float32Array.from([...plain.slice(0, 50), Number.NaN, -0, 0]);
      expect(Array.from(sortFloats(Float32Array.from(special))).map(String)).toEqual(Array.from(Float32Array.from(special).sort()).map(String));
    }
  });
});
