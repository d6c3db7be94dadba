/** `rehearse what-if <run> --profile <name> --set knob=value [...]`: one knob changed, only what it affects rerun, compared with the original. */
import { KNOBS, parseKnob } from '../../engine/common/whatIf/knobs';
import { runWhatIf } from '../../engine/node/whatIf/runWhatIf';
import { parseFlags, requirePositional, UsageError } from '../args';
import type { Command } from '../command';
import { formatComparison } from '../historyText';
import { commandWorkspace, WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

export const whatIfCommand: Command = {
  name: 'what-if',
  usage: `rehearse what-if <run> --profile staging|production --set ${KNOBS.map((k) => `${k}=...`).join('|')} [--set ...] [--runs <folder>] ${WORKSPACE_USAGE} [--json]`,
  description: [
    'Starts from a finished run (its folder, its events.jsonl or its id in the runs folder), changes',
    'knobs of one resource profile and reruns only the phases they affect: the load (the model',
    'server under the profile), plus any phase a check fed by the load also reads (the replay when',
    'server faults are injected into the load) and the preflight when the load needs its feature',
    'pipelines. The other checks are carried over from the original as they were. The new run is',
    'written beside the original in the runs folder and its comparison with the original printed.',
    '',
    '  --profile <name>   the profile to change: staging or production',
    '  --set knob=value   memory=512Mi, cpus=0.5, maxBatch=16, queueDelay=5ms (repeatable)',
    '  --runs <folder>    the runs folder (default: runs)',
    '  --json             {run, rerun, carried, comparison} as JSON on standard output',
    '',
    'exit: 0 READY, 1 NOT READY, 2 bad input',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      profile: { type: 'string' },
      set: { type: 'string', multiple: true },
      runs: { type: 'string' },
      json: { type: 'boolean' },
      ...WORKSPACE_FLAG,
    });
    const run = requirePositional(positionals, 0, 'the run to start from (a run folder, its events.jsonl or a run id)');
    if (values.profile === undefined) {
      throw new UsageError('missing --profile staging|production: the resource profile to change');
    }
    const settings = (values.set ?? []).map(parseKnob);
    const runsFolder = values.runs ?? 'runs';
    const done = await runWhatIf({
      run,
      runsFolder,
      profile: values.profile,
      settings,
      access: { workspace: commandWorkspace(values.workspace), named: false },
    });
    for (const phase of done.plan.rerun) {
      io.err(`rerun ${phase}: ${done.plan.why[phase]}`);
    }
    io.err(`carried over: ${done.plan.carried.join(', ') || 'nothing'}`);
    io.err(`what-if run: ${done.outDir}`);
    if (values.json) {
      io.out(JSON.stringify({ run: done.outDir, rerun: done.plan.rerun, carried: done.plan.carried, comparison: done.comparison }, null, 2));
    } else {
      io.out(formatComparison(done.comparison));
    }
    return done.result.verdict === 'READY' ? 0 : 1;
  },
};
