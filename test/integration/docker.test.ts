/**
 * The Docker backend against a real engine: the serving image (built once per test run
 * by the global setup, found here by tag), a container that answers under the allowlisted
 * limits, the digest refusals, an OOM kill under a small memory limit, a failed build, and no
 * engine at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunEventBody } from '../../src-main/contract/events';
import { isInputError } from '../../src-main/engine/common/run/inputError';
import { connectDocker, dockerStatus, DockerUnavailable } from '../../src-main/engine/node/docker/dockerEngine';
import { runServingContainer, startDockerServer } from '../../src-main/engine/node/docker/dockerServer';
import { buildImage, ImageBuildFailed } from '../../src-main/engine/node/docker/imageBuild';
import { servingBackends } from '../../src-main/engine/node/docker/servingBackends';
import { ensureServingImage, LABELS, type ServingImage } from '../../src-main/engine/node/docker/servingImage';
import { imageLock, productionLockText } from '../../src-main/engine/node/docker/servingLock';
import { sha256File } from '../../src-main/engine/node/model/modelFolder';
import { serverOptions } from '../../src-main/engine/node/serving/serverOptions';
import { DOCKER, DOCKER_MISSING, SMOKE_MODEL, WIDE_MODEL } from '../support/docker';
import { matrixModel, writeModelFolder } from '../support/models';
import { ROOT, tempDir } from '../support/paths';
import { requireService } from '../support/services';

const MIB = 2 ** 20;

describe('the Docker backend', () => {
  let docker: Docker;
  let smokeImage: ServingImage;

  beforeAll(async () => {
    if (DOCKER.available) {
      docker = await connectDocker();
      smokeImage = await ensureServingImage(docker, { model: SMOKE_MODEL });
    }
  });

  it('finds the image by a tag and labels that carry the model and lockfile digests, and reuses it', async (context) => {
    requireService(context, DOCKER.available, DOCKER_MISSING);
    const modelSha = sha256File(join(SMOKE_MODEL, 'model.onnx'));
    // The image carries this project's production lock (dev-only packages left out), the serving lock the dependency check reads.
    const lockSha = imageLock().sha256;
    expect(smokeImage.labels[LABELS.modelSha256]).toBe(modelSha);
    expect(smokeImage.labels[LABELS.lockSha256]).toBe(lockSha);
    expect(smokeImage.tag).toContain(`m${modelSha.slice(0, 12)}-l${lockSha.slice(0, 12)}-`);
    const again = await ensureServingImage(docker, { model: SMOKE_MODEL });
    expect(again).toMatchObject({ tag: smokeImage.tag, id: smokeImage.id, built: false });
    // Only the linux-x64 onnxruntime binaries: the image is far smaller than the package's 290 MB.
    expect(smokeImage.sizeBytes).toBeLessThan(250e6);
  });

  it('carries the production part of the lock: no package npm marks dev, every other one', () => {
    const whole = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const production = JSON.parse(productionLockText(JSON.stringify(whole))) as { packages: Record<string, { dev?: boolean }> };
    expect(Object.keys(production.packages)).toEqual(
      Object.entries(whole.packages)
        .filter(([, m]) => m.dev !== true)
        .map(([k]) => k),
    );
    expect(production.packages['node_modules/onnxruntime-node']).toBeDefined();
    expect(production.packages['node_modules/vitest']).toBeUndefined();
  });

  it('serves from a container with a read-only root, no capabilities, host networking on 127.0.0.1 and the limits asked for', async (context) => {
    requireService(context, DOCKER.available, DOCKER_MISSING);
    const events: RunEventBody[] = [];
    const server = await startDockerServer(
      serverOptions(SMOKE_MODEL, { label: 'docker-test' }),
      { memoryBytes: 384 * MIB, cpus: 1, gpus: null },
      { docker, onEvent: (e) => events.push(e) },
    );
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const answer = await fetch(`${server.url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ features: { date: '2001-03-01T06:00:00', distance: 500 } }),
      });
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { prediction: number }).prediction).toBeGreaterThan(0);
      const info = await docker.getContainer(server.containerId).inspect();
      expect(info.HostConfig).toMatchObject({
        NetworkMode: 'host',
        ReadonlyRootfs: true,
        Privileged: false,
        CapDrop: ['ALL'],
        Memory: 384 * MIB,
        MemorySwap: 384 * MIB,
        NanoCpus: 1e9,
      });
      expect(info.Config.User).toBe('65534:65534');
      expect(await server.memoryPeakBytes()).toBeGreaterThan(10 * MIB);
      expect(events[0]).toMatchObject({ kind: 'server.started', label: 'docker-test', model: { sha256: sha256File(join(SMOKE_MODEL, 'model.onnx')) } });
    } finally {
      const stopped = await server.stop();
      expect(stopped).toMatchObject({ kind: 'server.stopped', requested: true, oomKilled: false, message: 'stopped as asked' });
    }
    await expect(docker.getContainer(server.containerId).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('refuses to run an image whose model or lockfile is not the one its digests name', async (context) => {
    requireService(context, DOCKER.available, DOCKER_MISSING);
    // Another valid model folder (its own model.sha256 matches it) and another lockfile, copied over the image's.
    const other = writeModelFolder(join(tempDir(), 'other'), matrixModel([0.5, -0.25], 0.1));
    const tampered = `rehearsal-test-tampered:${Date.now()}`;
    const image = await buildImage(docker, {
      tag: tampered,
      context: [
        {
          kind: 'file',
          name: 'Dockerfile',
          mode: 0o644,
          data: Buffer.from(`FROM ${smokeImage.tag}\nCOPY model/ /app/model/\nCOPY package-lock.json /app/package-lock.json\n`),
        },
        { kind: 'hostFile', name: 'model/model.onnx', mode: 0o644, from: join(other, 'model.onnx') },
        { kind: 'hostFile', name: 'model/model.sha256', mode: 0o644, from: join(other, 'model.sha256') },
        { kind: 'file', name: 'package-lock.json', mode: 0o644, data: Buffer.from('{"lockfileVersion": 3, "packages": {}}\n') },
      ],
    });
    try {
      // The labels (inherited) still name the smoke model, so the check on this side passes; the container's own check must not.
      const events: RunEventBody[] = [];
      const error = await runServingContainer(
        docker,
        { ...smokeImage, ...image },
        serverOptions(SMOKE_MODEL),
        { memoryBytes: 256 * MIB, cpus: null, gpus: null },
        { onEvent: (e) => events.push(e) },
      ).catch((e: unknown) => e);
      expect(isInputError(error)).toBe(true);
      expect(String(error)).toContain('the image was built for other files');
      expect(String(error)).toContain('model.onnx');
      expect(String(error)).toContain('package-lock.json');
      expect(events.find((e) => e.kind === 'server.refused')).toBeDefined();
      expect(events.find((e) => e.kind === 'server.stopped')).toMatchObject({ exitCode: 2, oomKilled: false });
    } finally {
      await docker.getImage(tampered).remove({ force: true });
    }
  });

  it('refuses, before starting anything, an image whose labels name another model than the one here', async (context) => {
    requireService(context, DOCKER.available, DOCKER_MISSING);
    const error = await runServingContainer(docker, smokeImage, serverOptions(WIDE_MODEL), { memoryBytes: null, cpus: null, gpus: null }).catch(
      (e: unknown) => e,
    );
    expect(isInputError(error)).toBe(true);
    expect(String(error)).toMatch(/refusing to run image rehearsal-serve:.*its labels name model sha256 685dc6d1/);
  });

  it('is OOM-killed under a small memory limit by a batch of 256 rows, and says so; the same batch is answered under a larger limit', async (context) => {
    requireService(context, DOCKER.available, DOCKER_MISSING);
    const batch = JSON.stringify({ instances: Array.from({ length: 256 }, (_, i) => [100 + i, i % 24]) });
    const post = (url: string): Promise<number> =>
      fetch(`${url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batch }).then(
        (r) => r.status,
        () => 0,
      );
    const options = serverOptions(WIDE_MODEL, { maxBatch: 256, timeoutMs: 30_000, label: 'wide' });

    const roomy = await startDockerServer(options, { memoryBytes: 1024 * MIB, cpus: null, gpus: null }, { docker });
    expect(await post(roomy.url)).toBe(200);
    const roomyPeak = await roomy.memoryPeakBytes();
    await roomy.stop();
    // 256 rows of the 131,072-wide layer are 128 MiB of activations on top of the ~110 MiB one row needs.
    expect(roomyPeak).toBeGreaterThan(200 * MIB);

    const tight = await startDockerServer(options, { memoryBytes: 192 * MIB, cpus: null, gpus: null }, { docker });
    // One row fits.
    expect(
      await fetch(`${tight.url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ features: [500, 6] }),
      }).then((r) => r.status),
    ).toBe(200);
    expect(await post(tight.url)).not.toBe(200);
    const stopped = await tight.exited;
    expect(stopped).toMatchObject({ requested: false, exitCode: 137, oomKilled: true });
    expect(stopped.message).toBe('was OOM-killed: the kernel ended it at its 192 MiB memory limit (exit code 137)');
  });

  it("reports a failed build with Docker's own error and the build's last lines, never as success", async (context) => {
    requireService(context, DOCKER.available, DOCKER_MISSING);
    const error = await buildImage(docker, {
      tag: `rehearsal-test-broken:${Date.now()}`,
      context: [{ kind: 'file', name: 'Dockerfile', mode: 0o644, data: Buffer.from(`FROM ${smokeImage.tag}\nCOPY missing.txt /app/\n`) }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageBuildFailed);
    expect((error as ImageBuildFailed).reason).toMatch(/missing\.txt/);
    expect((error as ImageBuildFailed).output).toContain('Step 2/2 : COPY missing.txt /app/');
  });
});

describe('without a Docker engine', () => {
  const nowhere = join(tempDir(), 'no-docker.sock');

  it('says "Docker unavailable", naming where it looked and why', async () => {
    const error = await connectDocker(nowhere).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DockerUnavailable);
    expect(String(error)).toContain(`Docker unavailable: no engine answered at unix://${nowhere} (connect ENOENT ${nowhere})`);
    expect(await dockerStatus(nowhere)).toEqual({ available: false, reason: (error as Error).message });
  });

  it('leaves the embedded backend working', async () => {
    const backends = servingBackends({ socketPath: nowhere });
    expect((await backends.dockerStatus()).available).toBe(false);
    const server = await backends.start(
      {
        modelPath: SMOKE_MODEL,
        label: 'embedded',
        backend: 'embedded',
        limits: { memoryBytes: null, cpus: 1, gpus: null },
        maxBatch: 8,
        maxQueueDelayMs: 2,
        timeoutMs: 1000,
        executionProvider: 'cpu',
        allowUnverified: false,
      },
      { onEvent: () => undefined, onProgress: () => undefined },
    );
    const answer = await fetch(`${server.url}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ features: { date: '2001-03-01T06:00:00', distance: 500 } }),
    });
    expect(answer.status).toBe(200);
    expect(await server.memoryPeakBytes()).toBeGreaterThan(10 * MIB);
    expect((await server.stop()).requested).toBe(true);
  });
});
