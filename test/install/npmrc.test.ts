/**
 * The onnxruntime-node CUDA download must stay skipped on install: `.npmrc` sets
 * `onnxruntime-node-install=skip`, which npm 11 warns it does not know but passes to the package's
 * postinstall. A local proxy that refuses every connection stands in for the network, and counts
 * attempts: the control (the script without the flag) must try it; `npm rebuild` must not.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

let trap: Server;
let attempts = 0;
let proxy = '';
const sockets = new Set<Socket>();

beforeAll(async () => {
  trap = createServer((socket) => {
    attempts++;
    sockets.add(socket);
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  const address = trap.address();
  proxy = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  sockets.forEach((s) => s.destroy());
  await new Promise<void>((resolve) => trap.close(() => resolve()));
});

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...env, GLOBAL_AGENT_HTTP_PROXY: proxy, GLOBAL_AGENT_HTTPS_PROXY: proxy, HTTPS_PROXY: proxy, HTTP_PROXY: proxy },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const ortBin = join(ROOT, 'node_modules/onnxruntime-node/bin/napi-v6/linux/x64');
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_|^ONNXRUNTIME_NODE_INSTALL/i.test(k)));

describe('onnxruntime-node install skip', () => {
  it('the project .npmrc asks for the skip, and allowScripts approves only the scripts relied on', () => {
    expect(readFileSync(join(ROOT, '.npmrc'), 'utf8')).toMatch(/^onnxruntime-node-install=skip$/m);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };
    expect(manifest.allowScripts).toMatchObject({ 'onnxruntime-node': true });
  });

  it('control: without the flag, the install script tries to download (so the trap can see it)', async () => {
    const before = attempts;
    await run(process.execPath, [join(ROOT, 'node_modules/onnxruntime-node/script/install.js')], cleanEnv);
    expect(attempts).toBeGreaterThan(before);
    expect(existsSync(join(ortBin, 'libonnxruntime_providers_cuda.so'))).toBe(false);
  });

  it('npm runs the postinstall with the skip from .npmrc: no connection, no CUDA files', async () => {
    const before = attempts;
    const result = await run('npm', ['rebuild', 'onnxruntime-node', '--foreground-scripts'], cleanEnv);
    expect(result.output).toContain('node ./script/install');
    expect(result.code).toBe(0);
    expect(attempts).toBe(before);
    expect(existsSync(join(ortBin, 'libonnxruntime_providers_cuda.so'))).toBe(false);
    expect(existsSync(join(ortBin, 'onnxruntime_binding.node'))).toBe(true);
  });
});
