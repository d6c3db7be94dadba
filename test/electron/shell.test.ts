/** The desktop shell with a mocked `electron` module (its binary cannot be fetched here). */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../support/paths';

const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
const forks: { path: string; args: string[]; options: unknown }[] = [];
const appEvents = new Map<string, () => void>();

class FakeEngine extends EventEmitter {
  readonly posted: unknown[] = [];
  readonly kill = vi.fn();
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
}
const engine = new FakeEngine();

class FakeContents {
  readonly listeners = new Map<string, (...args: unknown[]) => void>();
  openHandler: (() => unknown) | null = null;
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: (() => boolean) | null = null;
  readonly sent: unknown[][] = [];
  readonly session = {
    setPermissionRequestHandler: (handler: FakeContents['permissionRequest']) => (this.permissionRequest = handler),
    setPermissionCheckHandler: (handler: FakeContents['permissionCheck']) => (this.permissionCheck = handler),
  };
  on(event: string, listener: (...args: unknown[]) => void): void {
    this.listeners.set(event, listener);
  }
  setWindowOpenHandler(handler: () => unknown): void {
    this.openHandler = handler;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  async printToPDF(options: unknown): Promise<Buffer> {
    this.sent.push(['printToPDF', options]);
    return Buffer.from('%PDF-1.4 printed by Electron');
  }
}

class FakeWindow {
  static readonly created: FakeWindow[] = [];
  readonly webContents = new FakeContents();
  readonly loaded: string[] = [];
  destroyed = false;
  constructor(readonly options: { show?: boolean; webPreferences: Record<string, unknown> }) {
    FakeWindow.created.push(this);
  }
  once(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
  async loadFile(path: string): Promise<void> {
    this.loaded.push(path);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  static getAllWindows(): FakeWindow[] {
    return FakeWindow.created;
  }
}

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: async (...args: unknown[]) => invoked.push(args), on: vi.fn(), off: vi.fn() },
  ipcMain: { handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => ipcHandlers.set(channel, handler) },
  BrowserWindow: FakeWindow,
  app: { whenReady: async () => undefined, on: (event: string, listener: () => void) => appEvents.set(event, listener), quit: vi.fn(), relaunch: vi.fn() },
  utilityProcess: {
    fork: (path: string, args: string[], options: unknown) => {
      forks.push({ path, args, options });
      return engine;
    },
  },
}));

const { isTrustedSender, registerApiHandlers } = await import('../../src-main/electron/ipc');
const { createMainWindow, lockDown, secureWebPreferences } = await import('../../src-main/electron/window');
const { appUrlCheck, scenarioArgument, startDesktop, workspaceArguments } = await import('../../src-main/electron/desktop');
const { apiMessagesOnly, parentPrinter } = await import('../../src-main/engine/node/service/parentPrinter');

const APP = 'file:///app/out/renderer/index.html';
const isAppUrl = (url: string) => url === APP;
const frame = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent } }) as never;
const RUN = '8f7c2a52-5b1c-4f57-9f6c-0d5b8a8e1f11';
const MEMBERS = [
  'answerDrill',
  'compareRuns',
  'controlRun',
  'exportReport',
  'getDrillView',
  'getLaunch',
  'getRunView',
  'listRuns',
  'listScenarioFiles',
  'listScenarios',
  'openDrill',
  'startRun',
  'startWhatIf',
  'stopRun',
  'validateScenario',
];

describe('IPC handlers', () => {
  const calls: unknown[][] = [];
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  beforeEach(() => {
    calls.length = 0;
    handlers.clear();
    const record =
      (member: string, value: unknown) =>
      async (...args: unknown[]) => (calls.push([member, ...args]), value);
    const api = Object.fromEntries(MEMBERS.map((m) => [m, record(m, m === 'startRun' ? { runId: 'r', outDir: 'o' } : { member: m })]));
    registerApiHandlers({ handle: (channel: string, fn: never) => handlers.set(channel, fn) } as never, api as never, isAppUrl);
  });

  it('registers one channel per invoke member of RehearsalApi', () => {
    expect([...handlers.keys()].sort()).toEqual(MEMBERS.map((m) => `rehearsal:${m}`));
  });

  it('refuses untrusted senders on every channel: another origin, a subframe, an unparsable URL, no frame', async () => {
    for (const [channel, handler] of handlers) {
      for (const event of [frame('https://evil.example/'), frame(APP, {}), frame('not a url'), { senderFrame: null }]) {
        await expect(handler(event, RUN), channel).rejects.toThrow('refused, the sender is not the app');
      }
    }
    expect(calls).toEqual([]);
  });

  it('refuses bad payloads before the engine sees them', async () => {
    const call = (member: string, ...args: unknown[]) => handlers.get(`rehearsal:${member}`)!(frame(APP), ...args);
    await expect(call('startRun', { scenarioPath: 'x', backend: 'kubernetes' })).rejects.toThrow('rehearsal:startRun: invalid arguments: 0.backend');
    await expect(call('startRun', { scenarioPath: 'x', extra: 1 })).rejects.toThrow('invalid arguments');
    await expect(call('validateScenario', 42)).rejects.toThrow('invalid arguments');
    await expect(call('stopRun', '../../etc')).rejects.toThrow('invalid arguments');
    await expect(call('controlRun', RUN, { kind: 'speed', speed: 5 })).rejects.toThrow('invalid arguments: 1.speed');
    await expect(call('controlRun', RUN, { kind: 'format-disk' })).rejects.toThrow('invalid arguments');
    await expect(call('getRunView', RUN, { untilSeq: 'all' })).rejects.toThrow('invalid arguments: 1.untilSeq');
    await expect(call('exportReport', RUN, { formats: ['exe'] })).rejects.toThrow('invalid arguments');
    expect(calls).toEqual([]);
  });

  it('passes validated arguments through', async () => {
    await expect(handlers.get('rehearsal:startRun')!(frame(APP), { scenarioPath: 's.yaml', executionProvider: 'cuda', speed: 100 })).resolves.toEqual({
      runId: 'r',
      outDir: 'o',
    });
    await handlers.get('rehearsal:controlRun')!(frame(APP), RUN, { kind: 'rollback' });
    expect(calls).toEqual([
      ['startRun', { scenarioPath: 's.yaml', executionProvider: 'cuda', speed: 100 }],
      ['controlRun', RUN, { kind: 'rollback' }],
    ]);
  });

  it('trusts only the main frame of our own page', () => {
    expect(isTrustedSender(frame(APP), isAppUrl)).toBe(true);
    expect(isTrustedSender({ senderFrame: null } as never, isAppUrl)).toBe(false);
  });
});

describe('window factory', () => {
  it('sandboxes the renderer, isolates contexts and keeps Node out', () => {
    expect(secureWebPreferences('/p.cjs')).toEqual({
      preload: '/p.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('denies navigation away from the app, every new window and every permission', () => {
    const contents = new FakeContents();
    lockDown(contents as never, isAppUrl);
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.listeners.get('will-navigate')!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(APP)).toBe(false);
    expect(contents.openHandler!()).toEqual({ action: 'deny' });
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      contents.permissionRequest!(contents, permission, (g) => granted.push(g));
    }
    expect(granted).toEqual([false, false, false, false]);
    expect(contents.permissionCheck!()).toBe(false);
  });

  it('every window comes from the factory with those preferences and the lock-down', () => {
    const window = createMainWindow('/p.cjs', isAppUrl) as unknown as FakeWindow;
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window.webContents.openHandler).not.toBeNull();
  });

  it('the renderer page carries a strict CSP: scripts only from the app, no objects, no base or form targets', () => {
    const pages = [join(ROOT, 'src-renderer/index.html'), join(ROOT, 'out/renderer/index.html')].filter((p) => existsSync(p));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1];
      expect(csp, page).toBeDefined();
      const directives = new Map(
        csp!
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('form-action')).toEqual(["'none'"]);
      // frame-ancestors is ignored in a meta tag; browser mode sends it as a header (test/cli/ui.test.ts).
      expect(directives.get('base-uri')).toEqual(["'none'"]);
    }
  });
});

describe('desktop wiring', () => {
  it('knows its own pages: the bundled file, or the dev server origin', () => {
    const bundled = appUrlCheck({ rendererFile: '/app/out/renderer/index.html' });
    expect(bundled('file:///app/out/renderer/index.html')).toBe(true);
    expect(bundled('file:///app/out/renderer/index.html?x#y')).toBe(true);
    expect(bundled('file:///etc/passwd')).toBe(false);
    const dev = appUrlCheck({ rendererUrl: 'http://localhost:5173/', rendererFile: '/x' });
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
  });

  it('reads --scenario in both spellings', () => {
    expect(scenarioArgument(['electron', '.', '--scenario', 'a.yaml'])).toBe('a.yaml');
    expect(scenarioArgument(['electron', '.', '--scenario=b.yaml'])).toBe('b.yaml');
    expect(scenarioArgument(['electron', '.'])).toBeUndefined();
  });

  it('reads every --workspace folder, in both spellings, for the engine to read inside', () => {
    expect(workspaceArguments(['electron', '.', '--workspace', '/data/a', '--scenario', 's.yaml', '--workspace=/data/b'])).toEqual(['/data/a', '/data/b']);
    expect(workspaceArguments(['electron', '.', '--workspace'])).toEqual([]);
  });

  it('hosts the engine in a utility process: IPC calls go there, its events go to the window', async () => {
    ipcHandlers.clear();
    await startDesktop(
      { rendererFile: '/app/out/renderer/index.html', preload: '/app/out/preload/index.cjs', serviceHost: '/app/out/main/serviceHost.js' },
      'demo.yaml',
    );
    expect(forks).toEqual([
      {
        path: '/app/out/main/serviceHost.js',
        args: [JSON.stringify({ printer: 'parent', launchScenario: 'demo.yaml' })],
        options: { serviceName: 'Rehearsal engine', stdio: 'inherit' },
      },
    ]);
    const window = FakeWindow.created.at(-1)!;
    expect(window.loaded).toEqual(['/app/out/renderer/index.html']);
    // The bundled page is trusted; its validated call goes to the engine's process.
    const pending = ipcHandlers.get('rehearsal:controlRun')!(frame(APP), RUN, { kind: 'pause' });
    expect(engine.posted).toEqual([{ type: 'call', id: 1, member: 'controlRun', args: [RUN, { kind: 'pause' }] }]);
    engine.emit('message', { type: 'reply', id: 1, ok: true, value: { command: { kind: 'pause' }, effect: 'applied', note: 'paused' } });
    await expect(pending).resolves.toMatchObject({ effect: 'applied' });
    await expect(ipcHandlers.get('rehearsal:stopRun')!(frame('https://evil.example/'), RUN)).rejects.toThrow('refused');
    expect(engine.posted).toHaveLength(1);
    const event = { seq: 1, eventTime: null, wallTime: 'w', kind: 'notice', level: 'info', message: 'hello' };
    engine.emit('message', { type: 'event', runId: RUN, event });
    expect(window.webContents.sent).toEqual([['rehearsal:event', RUN, event]]);
    const failed = ipcHandlers.get('rehearsal:getLaunch')!(frame(APP));
    engine.emit('exit', 1);
    await expect(failed).rejects.toThrow('the engine process ended (exit code 1)');
    appEvents.get('window-all-closed')!();
    expect(engine.kill).toHaveBeenCalled();
  });
});

describe('report.pdf in the desktop app', () => {
  it("the engine's printer asks the shell, and Electron prints in a hidden window with no script and no preload", async () => {
    // The engine and window of 'desktop wiring' above.
    const main = FakeWindow.created.at(-1)!;
    engine.posted.length = 0;
    engine.emit('message', { type: 'print', id: 9, html: '<h1>Rehearsal smoke: NOT READY</h1>' });
    await vi.waitFor(() => expect(engine.posted).toHaveLength(1));
    expect(engine.posted[0]).toEqual({ type: 'printed', id: 9, ok: true, pdf: Buffer.from('%PDF-1.4 printed by Electron').toString('base64') });
    const printer = FakeWindow.created.at(-1)!;
    expect(printer).not.toBe(main);
    expect(printer.options.show).toBe(false);
    expect(printer.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(printer.options.webPreferences).not.toHaveProperty('preload');
    expect(printer.loaded[0]).toBe(`data:text/html;charset=utf-8;base64,${Buffer.from('<h1>Rehearsal smoke: NOT READY</h1>').toString('base64')}`);
    expect(printer.webContents.openHandler!()).toEqual({ action: 'deny' });
    expect(printer.destroyed).toBe(true);
  });

  it("on the engine's side, a print is a request on the port, and print replies never reach the API host", async () => {
    const sent: unknown[] = [];
    const listeners: ((m: unknown) => void)[] = [];
    const port = { post: (m: unknown) => sent.push(m), onMessage: (l: (m: unknown) => void) => (listeners.push(l), () => undefined) };
    const printer = parentPrinter(port);
    const apiSeen: unknown[] = [];
    apiMessagesOnly(port).onMessage((m) => apiSeen.push(m));
    const printed = printer.print('<p>report</p>');
    const failed = printer.print('<p>again</p>');
    expect(sent).toEqual([
      { type: 'print', id: 1, html: '<p>report</p>' },
      { type: 'print', id: 2, html: '<p>again</p>' },
    ]);
    const deliver = (m: unknown) => listeners.forEach((l) => l(m));
    deliver({ type: 'printed', id: 1, ok: true, pdf: Buffer.from('%PDF').toString('base64') });
    deliver({ type: 'printed', id: 2, ok: false, message: 'printing failed' });
    deliver({ type: 'call', id: 1, member: 'getLaunch', args: [] });
    expect(Buffer.from(await printed).toString()).toBe('%PDF');
    await expect(failed).rejects.toThrow('printing failed');
    expect(apiSeen).toEqual([{ type: 'call', id: 1, member: 'getLaunch', args: [] }]);
  });
});

describe('preload', () => {
  it('exposes exactly one function per RehearsalApi member, over IPC', async () => {
    await import('../../src-main/preload/index');
    const api = exposed['rehearsal'] as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...MEMBERS, 'onDidEmitEvent'].sort());
    await api['validateScenario']!('s.yaml');
    await api['controlRun']!(RUN, { kind: 'step' });
    expect(invoked).toContainEqual(['rehearsal:validateScenario', 's.yaml']);
    expect(invoked).toContainEqual(['rehearsal:controlRun', RUN, { kind: 'step' }]);
  });
});
