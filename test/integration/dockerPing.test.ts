/** An engine that accepts the connection and never answers is "Docker unavailable", not a hang (the app asks at start). */
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDocker, dockerStatus } from '../../src-main/engine/node/docker/dockerEngine';
import { tempDir } from '../support/paths';

const sockets: Socket[] = [];
const silent = createServer((socket) => sockets.push(socket));
const path = join(tempDir(), 'silent.sock');

afterAll(() => {
  sockets.forEach((s) => s.destroy());
  silent.close();
});

describe('a Docker engine that never answers', () => {
  it('is unavailable after the ping timeout, with the reason', async () => {
    await new Promise<void>((resolve) => silent.listen(path, resolve));
    await expect(connectDocker(path)).rejects.toThrow(`Docker unavailable: no engine answered at unix://${path} (no answer to a ping within 5 s)`);
    expect(await dockerStatus(path)).toEqual({ available: false, reason: expect.stringContaining('no answer to a ping within 5 s') });
  }, 20_000);
});
