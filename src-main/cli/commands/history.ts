/** `rehearse history [--runs <folder>] [--json]`: every run in the runs folder, newest first. */
import { readRunHistory } from '../../engine/node/history/runFolders';
import { parseFlags } from '../args';
import type { Command } from '../command';
import { formatHistory } from '../historyText';

export const historyCommand: Command = {
  name: 'history',
  usage: 'rehearse history [--runs <folder>] [--json]',
  description: [
    'Lists every run in the runs folder, newest first: when it started, its scenario, its verdict and',
    "how long it took, read from each run's events.jsonl through the checked reader. A run whose log",
    'cannot be read is listed as DAMAGED with the reason; one cut short as UNFINISHED.',
    '',
    '  --runs <folder>  the runs folder (default: runs)',
    '  --json           the list as JSON on standard output',
    '',
    'exit: 0 listed, 2 the runs folder does not exist',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, { runs: { type: 'string' }, json: { type: 'boolean' } });
    const runs = values.runs ?? 'runs';
    const history = readRunHistory(runs);
    io.out(values.json ? JSON.stringify(history, null, 2) : formatHistory(history));
    return 0;
  },
};
