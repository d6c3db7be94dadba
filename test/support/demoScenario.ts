/** The demo's scenario files narrowed for tests: absolute paths, a shorter replay, a smaller parity sample. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './paths';

/** Where demo.yaml's load and rollout begin: tests of the replay and preflight stop reading there. */
const LOAD_AND_ROLLOUT = '# ---- below: the load under resource profiles and the blue/green rollout';

/**
 * Writes `scenarios/<file>` with its replay ending at `to` and `sample` parity requests, without
 * its load and rollout unless `full`; returns its path.
 */
export function narrowedDemo(
  file: string,
  options: {
    readonly to?: string;
    readonly sample?: number;
    readonly dir?: string;
    readonly full?: boolean;
    readonly replace?: readonly [string, string][];
  } = {},
): string {
  const dir = options.dir ?? tempDir();
  let text = readFileSync(join(ROOT, 'scenarios', file), 'utf8');
  const cut = text.indexOf(LOAD_AND_ROLLOUT);
  if (cut >= 0 && options.full !== true) {
    text = text.slice(0, cut);
  }
  text = text
    .replaceAll('path: demo/', `path: ${ROOT}/scenarios/demo/`)
    .replaceAll('path: ../node_modules', `path: ${ROOT}/node_modules`)
    .replace('to: 2001-07-01', `to: ${options.to ?? '2001-03-02'}`)
    .replace('sample: 2000', `sample: ${options.sample ?? 300}`);
  for (const [from, to] of options.replace ?? []) {
    text = text.replace(from, to);
  }
  const path = join(dir, file);
  writeFileSync(path, text);
  return path;
}
