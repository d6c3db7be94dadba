/**
 * Builds what tests run once, before any test: the CLI and model server bundles when missing, the
 * wide model of the staging-vs-production scenario, and, where a Docker engine answers, the
 * serving images of the smoke and wide models (built once per test run; every test finds
 * them by tag).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default async function setup(): Promise<void> {
  const root = join(import.meta.dirname, '../..');
  const steps = [
    ['out/cli/rehearse.mjs', 'build:cli'],
    ['out/server/server.mjs', 'build:server'],
    ['out/router/router.mjs', 'build:router'],
    ['scenarios/staging-vs-production/model/model.sha256', 'build:models'],
  ] as const;
  for (const [output, script] of steps) {
    if (!existsSync(join(root, output)) || process.env['REHEARSAL_REBUILD'] === '1') {
      const built = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
      if (built.status !== 0) {
        throw new Error(`npm run ${script} failed`);
      }
    }
  }
  // Imported only now: the server bundle the images copy must exist first.
  const { connectDocker } = await import('../../src-main/engine/node/docker/dockerEngine');
  const { ensureServingImage } = await import('../../src-main/engine/node/docker/servingImage');
  let docker;
  try {
    docker = await connectDocker();
  } catch {
    return; // Docker tests skip (or fail under REHEARSAL_REQUIRE_SERVICES=1) with the reason.
  }
  for (const model of ['scenarios/smoke/model', 'scenarios/staging-vs-production/model']) {
    await ensureServingImage(docker, { model: join(root, model) });
  }
}
