/** Builds the CLI, model server and router bundles once when missing, so tests spawn what users run. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '../..');
  for (const [bundle, script] of [['out/cli/rehearse.mjs', 'build:cli'], ['out/server/server.mjs', 'build:server'], ['out/router/router.mjs', 'build:router']] as const) {
    if (!existsSync(join(root, bundle)) || process.env['REHEARSAL_REBUILD'] === '1') {
      const built = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
      if (built.status !== 0) {
        throw new Error(`npm run ${script} failed`);
      }
    }
  }
}
