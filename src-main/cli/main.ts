/**
 * `rehearse`: the headless face. Every capability is reachable from here (DESIGN.md, "Layout").
 * Exit codes: 0 success / READY, 1 NOT READY (or a failed check of a tool), 2 bad input or usage.
 */
import { isInputError } from '../engine/common/run/inputError';
import { UsageError } from './args';
import type { CliIo, Command } from './command';
import { COMMANDS, type CommandEntry } from './commandList';

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.out(process.env['npm_package_version'] ?? '0.1.0');
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(`rehearse: unknown command "${name}"; expected one of: ${COMMANDS.map((c) => c.name).join(', ')}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(entry, command));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`rehearse ${name}: ${error.message}\nusage: ${command.usage}`);
      return 2;
    }
    if (isInputError(error)) {
      io.err(`rehearse ${name}: ${error.message}`);
      return 2;
    }
    io.err(`rehearse ${name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 3;
  }
}

/** `rehearse --help`. */
export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'rehearse: a dress rehearsal for ML rollouts (headless)',
    '',
    'usage: rehearse <command> [options]    (rehearse <command> --help for its options)',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'exit codes: 0 success or READY, 1 NOT READY (or the check a tool makes failed), 2 input that cannot',
    'be read or is invalid (the message names the file, line or field and what was expected), 3 an',
    'internal error. With --json, standard output holds only the JSON document; messages and progress',
    'go to standard error.',
  ].join('\n');
}

/** `rehearse <command> --help`: its usage, its one-line summary, then what it does in full. */
export function commandHelp(entry: CommandEntry, command: Command): string {
  return `usage: ${command.usage}\n\n${entry.summary}\n\n${command.description}`;
}
