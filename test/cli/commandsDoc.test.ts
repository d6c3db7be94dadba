/**
 * docs/commands.md is what the commands themselves print for --help: a command whose usage or
 * description changed without the page being written again fails here, naming the fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src-main/cli/commandList';
import { COMMANDS_DOC, commandsMarkdown } from '../../scripts/docs/commandsDoc';
import { rehearse } from '../support/cli';
import { ROOT } from '../support/paths';

describe('docs/commands.md', () => {
  it('is what `npm run docs:commands` writes from the commands of today', async () => {
    const committed = readFileSync(join(ROOT, COMMANDS_DOC), 'utf8');
    const fresh = await commandsMarkdown();
    if (committed !== fresh) {
      const line = firstDifference(committed, fresh);
      expect.fail(`${COMMANDS_DOC} is out of date from line ${line}: run \`npm run docs:commands\` and commit it`);
    }
  });

  it('quotes each command as the built CLI prints its --help, and every command says its exit codes', () => {
    const committed = readFileSync(join(ROOT, COMMANDS_DOC), 'utf8');
    for (const command of COMMANDS) {
      const help = rehearse([command.name, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^usage: rehearse /);
      // usage, summary, then a description that ends with the command's exit codes
      expect(help.stdout.split('\n\n').length).toBeGreaterThanOrEqual(3);
      expect(help.stdout).toMatch(/^exit: 0 /m);
      expect(committed).toContain(`$ rehearse ${command.name} --help\n${help.stdout.trimEnd()}\n\`\`\``);
    }
  });
});

function firstDifference(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let line = 0;
  while (line < left.length && left[line] === right[line]) {
    line += 1;
  }
  return line + 1;
}
