/** A `rehearse` subcommand. */

/** Where a command writes: stdout holds only results (only the JSON document under --json); stderr everything else. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  readonly name: string;
  /** The full usage text for `rehearse <name> --help`. */
  readonly usage: string;
  /** What it does, the options worth knowing and the exit codes: `rehearse <name> --help` and docs/commands.md print it. */
  readonly description: string;
  /** Returns the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
