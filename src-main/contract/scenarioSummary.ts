/** What the faces need to know about a scenario file without reading it themselves. */

/** One problem found in a scenario file: where, which field, and what was expected. */
export interface ValidationIssue {
  readonly file: string;
  /** 1-based line in the file, when the problem points at one. */
  readonly line: number | null;
  readonly column: number | null;
  /** Field path, e.g. `snapshots.production.timestamp` or `shifts[2].start`. */
  readonly path: string;
  readonly message: string;
}

/** A scenario as listed by the library: valid or not, with its problems. */
export interface ScenarioSummary {
  readonly path: string;
  readonly name: string;
  readonly description: string;
  readonly builtIn: boolean;
  readonly valid: boolean;
  readonly issues: readonly ValidationIssue[];
  /** One line: models, snapshot, enabled phases. */
  readonly summary: string;
}
