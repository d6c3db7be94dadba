/** `rehearse validate <file>`: every problem with file, line and field path, exit 2; or a one-line summary, exit 0. */
import { basename } from 'node:path';
import { profilePrivilegeNotes } from '../../engine/common/profiles/hostPrivileges';
import { describeScenario } from '../../engine/common/scenario/describeScenario';
import { scenarioSizeIssues } from '../../engine/node/limits/machineFacts';
import { formatIssue, loadScenario } from '../../engine/node/scenario/loadScenario';
import { parseFlags, requirePositional } from '../args';
import type { Command } from '../command';
import { commandWorkspace, WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

export const validateCommand: Command = {
  name: 'validate',
  usage: `rehearse validate <scenario.yaml|json> ${WORKSPACE_USAGE} [--json]`,
  description: [
    'Checks a scenario file (YAML or JSON) without running it. Unknown keys are errors. Prints every',
    'problem as file:line:column: field: what was expected, or one line saying what would run.',
    '',
    '  --json  {valid, file, summary}, or {valid: false, file, issues} on standard output',
    '',
    'exit: 0 valid, 2 not',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { json: { type: 'boolean' }, ...WORKSPACE_FLAG });
    const path = requirePositional(positionals, 0, 'the scenario file');
    const read = loadScenario(path, { workspace: commandWorkspace(values.workspace), named: true });
    // Sizes this machine cannot run are problems of the file too (engine/common/limits/loadLimits.ts).
    const oversized = read.ok ? scenarioSizeIssues(read.file) : [];
    const loaded = oversized.length > 0 ? { ok: false as const, issues: oversized } : read;
    if (!loaded.ok) {
      if (values.json) {
        io.out(JSON.stringify({ valid: false, file: path, issues: loaded.issues }, null, 2));
      }
      for (const issue of loaded.issues) {
        io.err(formatIssue(issue));
      }
      io.err(`${path}: ${loaded.issues.length} problem${loaded.issues.length === 1 ? '' : 's'}`);
      return 2;
    }
    const summary = describeScenario(loaded.file.scenario, (p) => basename(p));
    const { profiles } = loaded.file.scenario;
    for (const name of profiles === undefined ? [] : (['staging', 'production'] as const)) {
      const notes = profilePrivilegeNotes({ name, deployment: profiles![name].deployment ?? null }, loaded.file.deployments ?? {});
      notes.forEach((note) => io.err(`note: ${note}`));
    }
    if (values.json) {
      io.out(JSON.stringify({ valid: true, file: path, summary }, null, 2));
    } else {
      io.out(`valid: ${summary}`);
    }
    return 0;
  },
};
