/**
 * Exact sums and products as unevaluated pairs of doubles (hi + lo), and C's frexp: what the
 * port of xsf's smirnov needs to keep x + v/n and 1 - x - v/n exact.
 */
import { ldexp } from './ldexp';

const SPLITTER = 134217729; // 2^27 + 1, Dekker's split

/** x = mantissa * 2^exponent with |mantissa| in [0.5, 1) (C's frexp). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) {
    return [x, 0];
  }
  let exponent = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let mantissa = ldexp(x, -exponent);
  while (Math.abs(mantissa) < 0.5) {
    mantissa *= 2;
    exponent -= 1;
  }
  while (Math.abs(mantissa) >= 1) {
    mantissa /= 2;
    exponent += 1;
  }
  return [mantissa, exponent];
}

/** a/b + c as an unevaluated pair (hi, lo) that holds it to about 2^-104. */
export function ratioPlus(a: number, b: number, c: number): [number, number] {
  const q = a / b;
  const [p, e] = twoProduct(q, b);
  const qLo = (a - p - e) / b;
  const [s, sLo] = twoSum(q, c);
  return twoSum(s, sLo + qLo);
}

/** a + b exactly, as the rounded sum and its error (Knuth). */
export function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a * b exactly, as the rounded product and its error (Dekker, no fused multiply-add). */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function split(a: number): [number, number] {
  const t = SPLITTER * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}
