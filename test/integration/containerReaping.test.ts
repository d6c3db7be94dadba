/**
 * Containers outlive a process killed with SIGKILL. Each carries its owner's pid, host and run id,
 * and the next process that starts a container removes those whose owner is gone (real Docker):
 * a container labelled as a dead run's is reaped, a living process's is left alone.
 */
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { OWNER_LABELS, ownerLabels, reapOrphanContainers, setContainerRun } from '../../src-main/engine/node/docker/containerOwner';
import { connectDocker } from '../../src-main/engine/node/docker/dockerEngine';
import { importImage } from '../../src-main/engine/node/docker/imageBuild';
import { tarSize, type TarEntry } from '../../src-main/engine/node/docker/tarArchive';
import { DOCKER, DOCKER_MISSING } from '../support/docker';
import { requireService } from '../support/services';

const made: string[] = [];

afterAll(async () => {
  if (DOCKER.available) {
    const docker = await connectDocker();
    await Promise.all(
      made.map((id) =>
        docker
          .getContainer(id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
  }
});

describe('containers of a killed run', () => {
  it("carry the run id, and are reaped once their owning process is gone; a living owner's are kept", async (context) => {
    requireService(context, DOCKER.available, DOCKER_MISSING);
    const docker = await connectDocker();
    // A one-file image is enough: the containers are created, never started.
    const entries: TarEntry[] = [{ kind: 'file', name: 'marker', mode: 0o644, data: Buffer.from('reaping test\n') }];
    const image = await importImage(docker, { repository: 'rehearsal-reap-test', tag: '1', entries, totalBytes: tarSize(entries) });
    setContainerRun('run-alive');
    const alive = ownerLabels();
    expect(alive).toEqual({ [OWNER_LABELS.pid]: String(process.pid), [OWNER_LABELS.host]: hostname(), [OWNER_LABELS.run]: 'run-alive' });
    setContainerRun(null);
    // A pid that was a process a moment ago and is no more: the run killed with SIGKILL.
    const deadPid = spawnSync('true').pid!;
    const dead = { ...alive, [OWNER_LABELS.pid]: String(deadPid), [OWNER_LABELS.run]: 'run-killed' };
    const create = async (labels: Record<string, string>) => {
      const container = await docker.createContainer({ Image: image.id, Cmd: ['/marker'], Labels: { 'org.rehearsal.server': 'reap-test', ...labels } });
      made.push(container.id);
      return container.id;
    };
    const orphan = await create(dead);
    const kept = await create(alive);
    const reaped = await reapOrphanContainers(docker);
    expect(reaped).toContainEqual({ id: orphan, run: 'run-killed', pid: deadPid });
    expect(reaped.map((r) => r.id)).not.toContain(kept);
    await expect(docker.getContainer(orphan).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect((await docker.getContainer(kept).inspect()).Config.Labels[OWNER_LABELS.run]).toBe('run-alive');
  }, 60_000);
});
