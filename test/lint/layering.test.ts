/** The layering table is enforced by lint (STYLE.md 1): each banned import or call is reported. */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

const eslint = new ESLint({ cwd: ROOT });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering lint rules', () => {
  it.each([
    ['src-main/engine/common/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;", 'Node built-ins are not allowed'],
    ['src-main/engine/common/x.ts', "import fs from 'fs';\nvoid fs;", 'Node built-ins are not allowed'],
    [
      'src-main/engine/common/x.ts',
      "import { openSnapshot } from '../node/duckdb/snapshotReader';\nvoid openSnapshot;",
      'may import only from src-main/contract, src-main/engine/common',
    ],
    ['src-main/engine/common/run/x.ts', 'export const t = Date.now();', 'inject a Clock'],
    ['src-main/engine/common/x.ts', 'export const r = Math.random();', 'inject a seeded Rng'],
    ['src-main/engine/common/x.ts', 'setTimeout(() => undefined, 1);', 'no timers'],
    ['src-main/engine/common/x.ts', 'export const d = new Date();', 'reads the clock'],
    ['src-main/engine/node/x.ts', "import { app } from 'electron';\nvoid app;", 'belongs to another runtime'],
    ['src-main/engine/node/x.ts', "import { createElement } from 'react';\nvoid createElement;", 'belongs to another runtime'],
    ['src-main/engine/node/x.ts', "import { main } from '../../cli/main';\nvoid main;", 'may import only from'],
    ['src-main/engine/common/x.ts', "import { main } from '../../cli/main';\nvoid main;", 'may import only from'],
    ['src-main/charts/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;", 'Node built-ins'],
    [
      'src-main/preload/x.ts',
      "import { loadScenario } from '../engine/node/scenario/loadScenario';\nvoid loadScenario;",
      'may import only from src-main/contract, src-main/preload',
    ],
    [
      'src-renderer/x.ts',
      "import { loadScenario } from '../src-main/engine/node/scenario/loadScenario';\nvoid loadScenario;",
      'may import only from src-main/contract, src-main/charts, src-renderer',
    ],
    ['src-renderer/x.ts', "import { verdictOf } from '../src-main/engine/common/checks/verdict';\nvoid verdictOf;", 'may import only from'],
    ['src-main/contract/x.ts', 'export function f(): number { return 1; }', 'holds types only'],
  ])('%s: reports %s', async (file, code, expected) => {
    expect((await problems(file, code)).join('\n')).toContain(expected);
  });

  it('accepts what the table allows', async () => {
    expect(
      await problems(
        'src-main/engine/common/x.ts',
        "import { z } from 'zod';\nimport type { RunEvent } from '../../contract/events';\nexport const s = z.string();\nexport type E = RunEvent;",
      ),
    ).toEqual([]);
    expect(await problems('src-renderer/x.ts', "import type { RunEvent } from '../src-main/contract/events';\nexport type E = RunEvent;")).toEqual([]);
    expect(await problems('src-main/engine/node/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;")).toEqual([]);
  });
});
