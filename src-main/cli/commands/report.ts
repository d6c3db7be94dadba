/** `rehearse report <events.jsonl> --out <dir>`: rebuilds every report file from a log, even one cut short. */
import { exitCodeOf } from '../../engine/common/checks/verdict';
import { readEventFile } from '../../engine/node/files/eventFile';
import { writeReport } from '../../engine/node/report/writeReport';
import { InputError } from '../../engine/common/run/inputError';
import { REPORT_FORMATS } from '../../engine/common/scenario/sections/outputs';
import { parseFlags, requirePositional, UsageError } from '../args';
import { parseFormats } from '../formatsFlag';
import { announceSkipped, formatChecklist, reportDigest } from '../checklist';
import type { Command } from '../command';
import { requireNamedPaths, WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

export const reportCommand: Command = {
  name: 'report',
  usage: `rehearse report <events.jsonl> --out <dir> [--formats ${REPORT_FORMATS.join(',')}] ${WORKSPACE_USAGE} [--json]`,
  description: [
    "Rebuilds the report files from a run's events.jsonl alone, even the log of a run killed midway:",
    'its torn last line is left out and said so, checks that never resolved are ERROR or NOT RUN,',
    'and the report is marked incomplete.',
    '',
    '  --out <dir>    the folder for the report files (required)',
    '  --formats F,G  only these files (default: all; pdf needs Chromium, else it is skipped and said so)',
    "  --json         the report's digest as JSON on standard output",
    '',
    'exit: 0 READY, 1 NOT READY, 2 the log cannot be read',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { out: { type: 'string' }, formats: { type: 'string' }, json: { type: 'boolean' }, ...WORKSPACE_FLAG });
    const path = requirePositional(positionals, 0, 'the events.jsonl file');
    if (values.out === undefined) {
      throw new UsageError('missing --out <dir>: the folder for the report files');
    }
    const formats = parseFormats(values.formats) ?? REPORT_FORMATS;
    requireNamedPaths(values.workspace, [{ path, kind: 'file' }]);
    const { events, torn } = readEventFile(path);
    if (torn) {
      io.err(`${path}: the last line was cut short (the run was killed while writing it); it is left out`);
    }
    if (!events.some((e) => e.kind === 'run.started')) {
      throw new InputError(path, 'expected a run log beginning with a "run.started" event');
    }
    const { report, files, skipped } = await writeReport(events, values.out, { formats });
    announceSkipped(skipped, io);
    if (values.json) {
      io.out(JSON.stringify(reportDigest(report, values.out, files, skipped), null, 2));
    } else {
      io.out(formatChecklist(report, values.out, files));
    }
    return exitCodeOf(report.verdict);
  },
};
