/**
 * Pr(D_n <= d) of the one-sample two-sided KS statistic by Durbin's (1968) matrix algorithm as
 * Marsaglia, Tsang and Wang (2003) compute it, ported from scipy 1.17's `_kolmogn_DMTW`.
 */
import { ldexp } from './ldexp';

// Intermediate results are rescaled by 2^128 to stay in range, as scipy does.
const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;

/** Pr(D_n <= d) by Durbin's matrix algorithm as Marsaglia, Tsang and Wang compute it. */
export function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) {
    return 1;
  }
  const nd = n * d;
  if (nd <= 0.5) {
    return 0;
  }
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  // H (m x m, row-major): v down the first column, its reverse along the last row, and 1/j!
  // on and below the superdiagonal.
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  let hm: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) {
      hm[r * m + i] = w[r - (i - 1)]!;
    }
  }
  for (let r = 0; r < m; r++) {
    hm[r * m] = v[r]!;
  }
  for (let c = 0; c < m; c++) {
    hm[(m - 1) * m + c] = v[m - 1 - c]!;
  }
  let power: Float64Array = identity(m);
  let nn = n;
  let expnt = 0;
  let hExpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      power = matmul(power, hm, m);
      expnt += hExpnt;
    }
    hm = matmul(hm, hm, m);
    hExpnt *= 2;
    if (Math.abs(hm[(k - 1) * m + (k - 1)]!) > EP128) {
      for (let i = 0; i < hm.length; i++) {
        hm[i]! /= EP128;
      }
      hExpnt += E128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = power[(k - 1) * m + (k - 1)]!;
  // Multiply by n!/n^n.
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) {
    p = ldexp(p, expnt);
  }
  return clip(p);
}

function identity(m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    out[i * m + i] = 1;
  }
  return out;
}

function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k]!;
      if (aik === 0) {
        continue;
      }
      for (let j = 0; j < m; j++) {
        out[i * m + j]! += aik * b[k * m + j]!;
      }
    }
  }
  return out;
}

function clip(p: number): number {
  return Math.min(Math.max(p, 0), 1);
}
