/**
 * `rehearse`: the headless face. Every capability is reachable from here (DESIGN.md, "Layout").
 * Exit codes: 0 success / READY, 1 NOT READY (or a failed check of a tool), 2 bad input or usage.
 */
import { isInputError } from '../engine/common/run/inputError';
import { UsageError } from './args';
import type { CliIo, Command } from './command';
import { driftCommand } from './commands/drift';
import { exportRolloutCommand } from './commands/exportRollout';
import { inspectCommand } from './commands/inspect';
import { loadCommand } from './commands/load';
import { lockCheckCommand } from './commands/lockCheck';
import { reportCommand } from './commands/report';
import { runCommand } from './commands/run';
import { scoreCommand } from './commands/score';
import { serveCommand } from './commands/serve';
import { uiCommand } from './commands/ui';
import { validateCommand } from './commands/validate';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  runCommand,
  validateCommand,
  reportCommand,
  serveCommand,
  loadCommand,
  lockCheckCommand,
  inspectCommand,
  scoreCommand,
  uiCommand,
  driftCommand,
  exportRolloutCommand,
];

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
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`rehearse: unknown command "${name}"; expected one of: ${COMMANDS.map((c) => c.name).join(', ')}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`usage: ${command.usage}\n\n${command.summary}`);
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
  ].join('\n');
}
