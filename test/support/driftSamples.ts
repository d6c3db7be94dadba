/**
 * The samples of test/fixtures/drift/make_fixtures.py, generated the same way (the same integer
 * LCG, the same float operations in the same order), so the TypeScript statistics see the very
 * values numpy and scipy saw. The fixture records each sample's sum to prove it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

export interface NumericSpec {
  readonly seed: number;
  readonly n: number;
  readonly dist: 'normal' | 'uniform' | 'integer' | 'rounded' | 'constant';
  readonly mean?: number;
  readonly sd?: number;
  readonly lo?: number;
  readonly hi?: number;
  readonly scale?: number;
  readonly value?: number;
}

export interface CategorySpec {
  readonly seed: number;
  readonly n: number;
  readonly k: number;
  readonly offset?: number;
}

/** Numerical Recipes' 32-bit LCG, exact in float64 (the product stays below 2^53). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (1664525 * state + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

/** The numeric sample of a spec. */
export function numericSample(spec: NumericSpec): Float64Array {
  const next = lcg(spec.seed);
  const out = new Float64Array(spec.n);
  for (let i = 0; i < spec.n; i++) {
    switch (spec.dist) {
      case 'normal': {
        const s = next() + next() + next() + next() - 2;
        out[i] = spec.mean! + spec.sd! * s;
        break;
      }
      case 'uniform':
        out[i] = spec.lo! + (spec.hi! - spec.lo!) * next();
        break;
      case 'integer':
        out[i] = Math.floor(spec.lo! + (spec.hi! - spec.lo! + 1) * next());
        break;
      case 'rounded': {
        const s = next() + next() + next() + next() - 2;
        out[i] = Math.floor((spec.mean! + spec.sd! * s) * spec.scale! + 0.5) / spec.scale!;
        break;
      }
      case 'constant':
        out[i] = spec.value!;
        break;
    }
  }
  return out;
}

/** The categorical sample of a spec: `c<floor(k u^2) + offset>`. */
export function categorySample(spec: CategorySpec): string[] {
  const next = lcg(spec.seed);
  return Array.from({ length: spec.n }, () => {
    const u = next();
    return `c${Math.floor(spec.k * u * u) + (spec.offset ?? 0)}`;
  });
}

export interface NumericCase {
  readonly name: string;
  readonly reference: NumericSpec;
  readonly current: NumericSpec;
  readonly bins: number;
  readonly checksum: { readonly reference: number; readonly current: number };
  readonly psi: number;
  readonly quantilePsi: number;
  readonly ks: number;
  readonly ksPValue: number;
  readonly ksMethod: 'exact' | 'asymp';
  readonly wasserstein: number;
  readonly outOfRangeShare: number;
}

export interface CategoricalCase {
  readonly name: string;
  readonly reference: CategorySpec;
  readonly current: CategorySpec;
  readonly categories: string[];
  readonly chi2: number;
  readonly chi2PValue: number;
  readonly chi2Dof: number;
  readonly jsd: number;
  readonly psi: number;
  readonly unseenShare: number;
}

export interface DriftFixtures {
  readonly versions: Record<string, string>;
  readonly numeric: NumericCase[];
  readonly numericBins5: NumericCase[];
  readonly categorical: CategoricalCase[];
  readonly kstwo: { n: number; x: number; sf: number }[];
  readonly smirnov: { n: number; x: number; sf: number }[];
  readonly probOutsideSquare: { n: number; h: number; p: number }[];
  readonly outerProbInside: { m: number; n: number; h: number; p: number }[];
  readonly gamma: { a: number; x: number; q: number; logGamma: number }[];
}

/** The committed reference values. */
export function driftFixtures(): DriftFixtures {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/drift/statistics.json'), 'utf8')) as DriftFixtures;
}
