/** The demo's scenario files narrowed for tests: absolute paths, a shorter replay, a smaller parity sample. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './paths';

/** Writes `scenarios/<file>` with its replay ending at `to` and `sample` parity requests; returns its path. */
export function narrowedDemo(file: string, options: { readonly to?: string; readonly sample?: number; readonly dir?: string; readonly replace?: readonly [string, string][] } = {}): string {
  const dir = options.dir ?? tempDir();
  let text = readFileSync(join(ROOT, 'scenarios', file), 'utf8')
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
