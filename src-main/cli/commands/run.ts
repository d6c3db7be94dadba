/** `rehearse run <scenario> --out <dir>`: exit 0 READY, 1 NOT READY, 2 input that cannot be read or is invalid. */
import { exitCodeOf } from '../../engine/common/checks/verdict';
import { RunControl } from '../../engine/common/run/control';
import { runScenario } from '../../engine/node/run/runScenario';
import { systemClock } from '../../engine/node/run/systemClock';
import { systemScheduler } from '../../engine/node/run/systemScheduler';
import { oneOf, parseFlags, requirePositional, UsageError } from '../args';
import { announceSkipped, formatChecklist, reportDigest } from '../checklist';
import type { Command } from '../command';
import { parseFormats } from '../formatsFlag';
import { progressWriter } from '../progress';
import { REPORT_FORMATS } from '../../engine/common/scenario/sections/outputs';
import { fitsThisMachine, loadScenarioArgument } from '../scenarioArgument';
import { WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

export const runCommand: Command = {
  name: 'run',
  usage: `rehearse run <scenario> --out <dir> [--ep cpu|cuda] [--backend docker|embedded] [--profile staging|production] [--allow-unverified] [--formats ${REPORT_FORMATS.join(',')}] ${WORKSPACE_USAGE} [--json]`,
  description: [
    'Runs the phases the scenario enables (preflight, replay, load, rollout), appends every event to',
    '<dir>/events.jsonl as it happens, then writes the report files and prints the seven checks.',
    "Every model's model.sha256 is checked before it loads; a mismatch fails dependency-pinning.",
    '',
    '  --out <dir>         the folder for events.jsonl and the report files (required)',
    '  --ep cpu|cuda       the execution provider (cpu); cuda falls back to cpu and records why',
    "  --backend B         run every resource profile on this backend instead of each profile's own",
    '  --profile P         the one profile of a scenario that has a load but no profiles',
    '  --allow-unverified  load a model whose digests do not match anyway, and record that it did',
    "  --formats F,G       only these report files (default: the scenario's outputs.formats)",
    "  --json              the report's digest as JSON on standard output",
    '',
    'Ctrl-C (or SIGTERM) finishes the current step and writes the report of what ran.',
    'exit: 0 READY, 1 NOT READY, 2 the scenario or an input cannot be read or is invalid',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      out: { type: 'string' },
      ep: { type: 'string' },
      backend: { type: 'string' },
      profile: { type: 'string' },
      'allow-unverified': { type: 'boolean' },
      formats: { type: 'string' },
      json: { type: 'boolean' },
      ...WORKSPACE_FLAG,
    });
    const formats = parseFormats(values.formats);
    const path = requirePositional(positionals, 0, 'the scenario file');
    if (values.out === undefined) {
      throw new UsageError('missing --out <dir>: the folder for events.jsonl and the report');
    }
    const executionProvider = oneOf(values.ep, ['cpu', 'cuda'] as const, 'ep', 'cpu');
    const backend = values.backend === undefined ? undefined : oneOf(values.backend, ['docker', 'embedded'] as const, 'backend', 'docker');
    const profile = values.profile === undefined ? undefined : oneOf(values.profile, ['staging', 'production'] as const, 'profile', 'production');
    const file = loadScenarioArgument(path, io, values.workspace);
    if (file === null || !fitsThisMachine(file, io)) {
      return 2;
    }
    // A signal stops the run through its control, as the app's Stop does: recorded, then the report is written.
    const control = new RunControl(systemClock, systemScheduler);
    const onSignal = (): void => {
      control.command({ kind: 'stop' });
      io.err('stopping: cancelling the current step and writing the report');
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const result = await runScenario(file, {
        outDir: values.out,
        executionProvider,
        ...(backend ? { backend } : {}),
        ...(profile ? { profile } : {}),
        allowUnverified: values['allow-unverified'] ?? false,
        writers: [progressWriter(io.err)],
        control,
        ...(formats ? { formats } : {}),
      });
      announceSkipped(result.skipped, io);
      if (values.json) {
        io.out(JSON.stringify(reportDigest(result.report, values.out, result.files, result.skipped), null, 2));
      } else {
        io.out(formatChecklist(result.report, values.out, result.files));
      }
      if (result.inputError) {
        io.err(`error: ${result.inputError.message}`);
        return 2;
      }
      return exitCodeOf(result.verdict);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};
