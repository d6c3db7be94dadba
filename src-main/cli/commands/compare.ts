/** `rehearse compare <runA> <runB> [--runs <folder>] [--json]`: two runs side by side. */
import { compareRuns } from '../../engine/common/history/compareRuns';
import { readRun } from '../../engine/node/history/runFolders';
import { parseFlags, requirePositional } from '../args';
import type { Command } from '../command';
import { formatComparison } from '../historyText';

export const compareCommand: Command = {
  name: 'compare',
  usage: 'rehearse compare <runA> <runB> [--runs <folder>] [--json]',
  description: [
    'Compares two runs, each named by its folder, its events.jsonl or its id in the runs folder: each',
    'check before and after (a changed one marked *), every figure of the evidence that moved with',
    'its before and after, and the lanes both runs draw (worst drift per window, p99 against request',
    "rate per profile, the rollout's p99 per step, green's traffic share) as series on one axis.",
    '',
    '  --runs <folder>  where run ids are looked up (default: runs)',
    '  --json           the comparison as JSON on standard output',
    '',
    'exit: 0 compared, 2 a run cannot be found or its log cannot be read',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { runs: { type: 'string' }, json: { type: 'boolean' } });
    const first = requirePositional(positionals, 0, 'the first run (a run folder, its events.jsonl or a run id)');
    const second = requirePositional(positionals, 1, 'the second run (a run folder, its events.jsonl or a run id)');
    const runs = values.runs ?? 'runs';
    const comparison = compareRuns(readRun(first, runs), readRun(second, runs));
    io.out(values.json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison));
    return 0;
  },
};
