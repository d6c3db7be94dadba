/**
 * Category codes a caller sends are checked at the door: a code indexes an embedding table, and
 * a network clips one outside [0, count) to the table's edge, answering for a category it never
 * saw without a word. The server refuses it (400) naming the input, the value and the range.
 */
import type { FeatureTensor } from '../ports/inference';

/** One categorical column: where its code sits, and how many codes its embedding has. */
export interface CodeRange {
  /** The model input holding it. */
  readonly input: string;
  /** Its position in a row of that input (0 for an input of one value per row). */
  readonly position: number;
  /** The feature's name. */
  readonly name: string;
  /** Codes 0..count-1 are valid. */
  readonly count: number;
}

/** The first code out of its range, or null. NaN (a missing value) is left to the model. */
export interface CodeOutOfRange {
  readonly range: CodeRange;
  readonly row: number;
  readonly value: number;
}

/** Scans the rows of each input holding codes. */
export function codeOutOfRange(tensors: Readonly<Record<string, FeatureTensor>>, rows: number, ranges: readonly CodeRange[]): CodeOutOfRange | null {
  for (const range of ranges) {
    const tensor = tensors[range.input];
    if (tensor === undefined) {
      continue;
    }
    const width = rows === 0 ? 0 : tensor.data.length / rows;
    for (let row = 0; row < rows; row++) {
      const value = Number(tensor.data[row * width + range.position]);
      if (!Number.isNaN(value) && !(Number.isInteger(value) && value >= 0 && value < range.count)) {
        return { range, row, value };
      }
    }
  }
  return null;
}

/** The 400's expectation: the input, the value and the allowed range. */
export function codeProblemText(found: CodeOutOfRange): string {
  const { range, value } = found;
  return `expected a category code of "${range.name}" (input "${range.input}", position ${range.position}) as an integer in 0..${range.count - 1}, got ${value}`;
}
