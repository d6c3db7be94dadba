/**
 * Writes docs/commands.md from each command's usage and description (scripts/docs/commandsDoc.ts).
 * Usage: npm run docs:commands
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src-main/engine/node/run/projectRoot';
import { COMMANDS_DOC, commandsMarkdown } from './docs/commandsDoc';

const out = join(projectRoot(), COMMANDS_DOC);
writeFileSync(out, await commandsMarkdown());
process.stdout.write(`wrote ${out}\n`);
