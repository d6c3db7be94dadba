/**
 * A categorical series' categories as small integer codes, so a window counts them in a typed
 * array instead of a map, and aligns them with its reference slice in one pass. Categories are
 * the raw text a feature encodes (an airport code) or the feature's own value (an hour), keyed
 * by their text. The order the statistics read them in is code-point order of that text, as
 * `alignCategories` sorts, so a window's figures match `rehearse drift` on the same values.
 */
import { byCodePoint, type AlignedCounts } from '../stats/categoryCounts';

const SMALL = 1024;

/** Codes for one series' categories. */
export class CategoryCoder {
  private readonly codes = new Map<string, number>();
  private readonly labels: string[] = [];
  private sorted: number[] | null = [];
  /** Codes of the small whole numbers (hours, weekdays), so they need no text per row. */
  private readonly small: Int32Array = new Int32Array(SMALL).fill(-1);

  /** The code of a category, assigned at first sight. */
  code(label: string): number {
    let code = this.codes.get(label);
    if (code === undefined) {
      code = this.labels.length;
      this.codes.set(label, code);
      this.labels.push(label);
      this.sorted = null;
    }
    return code;
  }

  /** The code of a numeric category (an hour), keyed by its shortest text. */
  numberCode(value: number): number {
    if (Number.isInteger(value) && value >= 0 && value < SMALL) {
      const known = this.small[value]!;
      if (known >= 0) {
        return known;
      }
      return (this.small[value] = this.code(String(value)));
    }
    return this.code(String(value));
  }

  /** How many categories have a code. */
  get size(): number {
    return this.labels.length;
  }

  /** The text of a code. */
  label(code: number): string {
    return this.labels[code]!;
  }

  /**
   * Two countings over the codes (a reference slice and a window; shorter arrays count 0 for
   * codes assigned after them), aligned over the categories either has, in code-point order.
   */
  align(reference: ArrayLike<number>, current: ArrayLike<number>): AlignedCounts {
    const order = this.order();
    const categories: string[] = [];
    const ref: number[] = [];
    const cur: number[] = [];
    for (const code of order) {
      const r = code < reference.length ? reference[code]! : 0;
      const c = code < current.length ? current[code]! : 0;
      if (r > 0 || c > 0) {
        categories.push(this.labels[code]!);
        ref.push(r);
        cur.push(c);
      }
    }
    return { categories, reference: Float64Array.from(ref), current: Float64Array.from(cur) };
  }

  private order(): number[] {
    if (this.sorted === null) {
      this.sorted = this.labels.map((_, code) => code).sort((a, b) => byCodePoint(this.labels[a]!, this.labels[b]!));
    }
    return this.sorted;
  }
}
