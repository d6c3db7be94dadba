/**
 * docs/commands.md, written from each command's own usage, summary and description (the text
 * `rehearse --help` and `rehearse <command> --help` print), so the page cannot say other than the
 * CLI. `npm run docs:commands` writes it; test/cli/commandsDoc.test.ts fails when it is stale.
 */
import { commandHelp, helpText } from '../../src-main/cli/main';
import { COMMANDS } from '../../src-main/cli/commandList';

/** Where the page lives, from the project root. */
export const COMMANDS_DOC = 'docs/commands.md';

/** The guide that shows each command at work, from docs/. */
const GUIDES: Readonly<Record<string, string>> = {
  run: 'scenarios.md',
  validate: 'scenarios.md',
  report: 'report.md',
  serve: 'model-server.md',
  load: 'load-and-profiles.md',
  'lock-check': 'feature-parity.md',
  'profile-diff': 'load-and-profiles.md',
  inspect: 'model-folder.md',
  score: 'demo.md',
  ui: 'app.md',
  drift: 'replay-and-drift.md',
  'export-rollout': 'rollout.md',
  'export-monitoring': 'monitoring.md',
  drill: 'drills.md',
};

/** The whole page. */
export async function commandsMarkdown(): Promise<string> {
  const sections: string[] = [];
  for (const entry of COMMANDS) {
    const command = await entry.load();
    const guide = GUIDES[entry.name];
    sections.push(
      [
        `## rehearse ${entry.name}`,
        '',
        ...(guide === undefined ? [] : [`At work: [${guide.replace(/\.md$/, '')}](${guide}).`, '']),
        '```text',
        `$ rehearse ${entry.name} --help`,
        commandHelp(entry, command),
        '```',
      ].join('\n'),
    );
  }
  return [
    '# The `rehearse` commands',
    '',
    "<!-- Written by `npm run docs:commands` from each command's usage and description in src-main/cli/; edit those, not this page. -->",
    '',
    'Every capability is reachable headless from `rehearse` (`npx rehearse`, or `node bin/rehearse.mjs`).',
    'This page is what the commands print for `--help`; each links to the guide that shows it at work.',
    '',
    '| command | what it does |',
    '|---|---|',
    ...COMMANDS.map((c) => `| [\`${c.name}\`](#rehearse-${c.name}) | ${c.summary.replaceAll('|', '\\|')} |`),
    '',
    '```text',
    '$ rehearse --help',
    helpText(),
    '```',
    '',
    sections.join('\n\n'),
    '',
  ].join('\n');
}
