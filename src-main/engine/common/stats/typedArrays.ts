/** Typed-array columns gathered from chunks. */

/** The parts, end to end, in one array of the same kind. */
export function concatTyped<T extends Float32Array | Float64Array>(parts: readonly T[], Kind: { new (length: number): T }): T {
  const out = new Kind(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
