/** Typed arrays that grow as rows arrive, for a window's or a reference bucket's values. */

/** A growing Float64Array. */
export class GrowableFloat64 {
  private data = new Float64Array(64);
  length = 0;

  /** Appends values[from, to). */
  pushRange(values: ArrayLike<number>, from: number, to: number): void {
    this.reserve(to - from);
    for (let i = from; i < to; i++) {
      this.data[this.length++] = values[i]!;
    }
  }

  push(value: number): void {
    this.reserve(1);
    this.data[this.length++] = value;
  }

  /** The values so far (a view: valid until the next push or clear). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }

  private reserve(extra: number): void {
    if (this.length + extra > this.data.length) {
      const grown = new Float64Array(Math.max(this.data.length * 2, this.length + extra));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
  }
}

/** Counts per code, growing with the codes seen. */
export class CodeCounts {
  counts = new Float64Array(16);
  nulls = 0;
  total = 0;

  /** Counts codes[from, to); -1 is a null. */
  addRange(codes: Int32Array, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      this.add(codes[i]!, 1);
    }
  }

  add(code: number, count: number): void {
    this.total += count;
    if (code < 0) {
      this.nulls += count;
      return;
    }
    if (code >= this.counts.length) {
      const grown = new Float64Array(Math.max(this.counts.length * 2, code + 1));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[code]! += count;
  }

  /** Adds another counting to this one. */
  addAll(other: CodeCounts): void {
    for (let code = 0; code < other.counts.length; code++) {
      if (other.counts[code]! > 0) {
        this.add(code, other.counts[code]!);
      }
    }
    this.nulls += other.nulls;
    this.total += other.nulls;
  }

  clear(): void {
    this.counts.fill(0);
    this.nulls = 0;
    this.total = 0;
  }
}
