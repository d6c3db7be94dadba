/**
 * Input that cannot be read or is invalid: a missing file, a model that is not ONNX, a snapshot
 * column that does not exist. The CLI exits 2 on it; the message names the file or field and
 * what was expected.
 */
export class InputError extends Error {
  constructor(
    /** The file (or `file:line`) or the scenario field the problem is in. */
    readonly where: string,
    /** What is wrong and what was expected. */
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
    this.name = 'InputError';
  }
}

/** True for an InputError, including one that crossed a realm or a worker as plain data. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError || (error instanceof Error && error.name === 'InputError' && 'where' in error);
}
