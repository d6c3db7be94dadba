/** `rehearse report <events.jsonl> --out <dir>`: rebuilds every report file from a log, even one cut short. */
import { exitCodeOf } from '../../engine/common/checks/verdict';
import { readEventFile } from '../../engine/node/files/eventFile';
import { writeReport } from '../../engine/node/report/writeReport';
import { InputError } from '../../engine/common/run/inputError';
import { parseFlags, requirePositional, UsageError } from '../args';
import { formatChecklist, reportDigest } from '../checklist';
import type { Command } from '../command';

export const reportCommand: Command = {
  name: 'report',
  summary: 'rebuild the report files from an events.jsonl (exit 0 READY, 1 NOT READY)',
  usage: 'rehearse report <events.jsonl> --out <dir> [--json]',
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { out: { type: 'string' }, json: { type: 'boolean' } });
    const path = requirePositional(positionals, 0, 'the events.jsonl file');
    if (values.out === undefined) {
      throw new UsageError('missing --out <dir>: the folder for the report files');
    }
    const { events, torn } = readEventFile(path);
    if (torn) {
      io.err(`${path}: the last line was cut short (the run was killed while writing it); it is left out`);
    }
    if (!events.some((e) => e.kind === 'run.started')) {
      throw new InputError(path, 'expected a run log beginning with a "run.started" event');
    }
    const { report, files } = writeReport(events, values.out);
    if (values.json) {
      io.out(JSON.stringify(reportDigest(report, values.out, files), null, 2));
    } else {
      io.out(formatChecklist(report, files[0] ?? values.out));
    }
    return exitCodeOf(report.verdict);
  },
};
