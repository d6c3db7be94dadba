/** C's ldexp for the ports of scipy's C and numpy code. */

/** x * 2^e without overflowing or underflowing the power on the way (C's ldexp). */
export function ldexp(x: number, e: number): number {
  let y = x;
  let rest = e;
  while (rest > 1000) {
    y *= 2 ** 1000;
    rest -= 1000;
  }
  while (rest < -1000) {
    y *= 2 ** -1000;
    rest += 1000;
  }
  return y * 2 ** rest;
}
