/** Builds the CLI bundle once when it is missing, so CLI tests spawn what users run. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '../..');
  if (!existsSync(join(root, 'out/cli/rehearse.mjs')) || process.env['REHEARSAL_REBUILD'] === '1') {
    const built = spawnSync('npm', ['run', 'build:cli'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) {
      throw new Error('npm run build:cli failed');
    }
  }
}
