/**
 * The Pelz-Good (1976) approximation of Pr(D_n <= x), the Li-Chien/Korolyuk expansion recast
 * for small x sqrt(n), ported from scipy 1.17's `_kolmogn_PelzGood`.
 */
import { numpySum } from './numpySum';

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;
const MIN_LOG = -708;

/** The Pelz-Good (1976) approximation of Pr(D_n <= x), suited to small x * sqrt(n). */
export function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) {
    return 0;
  }
  if (x >= 1) {
    return 1;
  }
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z3 = z ** 3;
  const z4 = z ** 4;
  const z6 = z ** 6;
  const qlog = -PI_SQUARED / 8 / z2;
  if (qlog < MIN_LOG) {
    return 0;
  }
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * z2)) / 16;
  const k3d = (PI_SIX * (5 - 30 * z2)) / 64;
  const k3c = (PI_FOUR * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI_SQUARED * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const k = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let kk = maxk; kk > 0; kk--) {
    const m = 2 * kk - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qpower = q ** (8 * kk);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) {
      k[i] = k[i]! * qpower + coeffs[i]!;
    }
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) {
    k[i] = (k[i]! * q * SQRT_2PI) / divisors[i]!;
  }
  q = Math.exp(-PI_SQUARED / 2 / z2);
  const sqrt3z = SQRT3 * z;
  const k2terms = new Float64Array(maxk);
  const k3terms = new Float64Array(maxk);
  for (let kk = maxk; kk > 0; kk--) {
    const ks2 = kk * kk;
    const qp = q ** ks2;
    const kspi = Math.PI * kk;
    k2terms[maxk - kk] = ks2 * qp;
    k3terms[maxk - kk] = (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qp;
  }
  k[2] = k[2]! + numpySum(k2terms) * ((PI_SQUARED * SQRT_2PI) / (-36 * z3));
  k[3] = k[3]! + numpySum(k3terms) * ((PI_SQUARED * SQRT_2PI) / (216 * z6));
  let sum = 0;
  for (let i = 0; i < 4; i++) {
    sum += k[i]! / n ** (i / 2);
  }
  return sum;
}
