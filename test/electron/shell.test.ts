/** The desktop shell with a mocked `electron` module (its binary cannot be fetched here). */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: async (...args: unknown[]) => invoked.push(args), on: vi.fn(), off: vi.fn() },
  BrowserWindow: vi.fn(),
}));

const { isTrustedSender, registerApiHandlers } = await import('../../src-main/electron/ipc');
const { secureWebPreferences } = await import('../../src-main/electron/window');

const APP = 'file:///app/out/renderer/index.html';
const isAppUrl = (url: string) => url === APP;
const frame = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent } }) as never;

describe('IPC handlers', () => {
  const calls: unknown[][] = [];
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  beforeEach(() => {
    calls.length = 0;
    handlers.clear();
    const api = {
      listScenarios: async () => [],
      validateScenario: async (path: string) => (calls.push(['validateScenario', path]), { path }),
      startRun: async (request: unknown) => (calls.push(['startRun', request]), { runId: 'r', outDir: 'o' }),
      stopRun: async () => undefined,
      onDidEmitEvent: () => () => undefined,
    };
    registerApiHandlers({ handle: (channel: string, fn: never) => handlers.set(channel, fn) } as never, api as never, isAppUrl);
  });

  it('registers one channel per invoke member of RehearsalApi', () => {
    expect([...handlers.keys()].sort()).toEqual(['rehearsal:listScenarios', 'rehearsal:startRun', 'rehearsal:stopRun', 'rehearsal:validateScenario']);
  });

  it('refuses untrusted senders: another origin, a subframe, an unparsable URL', async () => {
    const handler = handlers.get('rehearsal:validateScenario')!;
    for (const event of [frame('https://evil.example/'), frame(APP, {}), frame('not a url')]) {
      await expect(handler(event, 'x.yaml')).rejects.toThrow('refused, the sender is not the app');
    }
    expect(calls).toEqual([]);
  });

  it('refuses bad payloads before the engine sees them', async () => {
    await expect(handlers.get('rehearsal:startRun')!(frame(APP), { scenarioPath: 'x', backend: 'kubernetes' })).rejects.toThrow('invalid arguments');
    await expect(handlers.get('rehearsal:startRun')!(frame(APP), { scenarioPath: 'x', extra: 1 })).rejects.toThrow('invalid arguments');
    await expect(handlers.get('rehearsal:validateScenario')!(frame(APP), 42)).rejects.toThrow('invalid arguments');
    await expect(handlers.get('rehearsal:stopRun')!(frame(APP), '../../etc')).rejects.toThrow('invalid arguments');
    expect(calls).toEqual([]);
  });

  it('passes validated arguments through', async () => {
    await expect(handlers.get('rehearsal:startRun')!(frame(APP), { scenarioPath: 's.yaml', executionProvider: 'cuda' })).resolves.toEqual({ runId: 'r', outDir: 'o' });
    expect(calls).toEqual([['startRun', { scenarioPath: 's.yaml', executionProvider: 'cuda' }]]);
  });

  it('trusts only the main frame of our own page', () => {
    expect(isTrustedSender(frame(APP), isAppUrl)).toBe(true);
    expect(isTrustedSender({ senderFrame: null } as never, isAppUrl)).toBe(false);
  });
});

describe('window factory', () => {
  it('sandboxes the renderer, isolates contexts and keeps Node out', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ preload: '/p.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });
});

describe('preload', () => {
  it('exposes exactly one function per RehearsalApi member, over IPC', async () => {
    await import('../../src-main/preload/index');
    const api = exposed['rehearsal'] as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual(['listScenarios', 'onDidEmitEvent', 'startRun', 'stopRun', 'validateScenario']);
    await api['validateScenario']!('s.yaml');
    expect(invoked).toContainEqual(['rehearsal:validateScenario', 's.yaml']);
  });
});
