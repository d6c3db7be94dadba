/**
 * The desktop app as it is packaged: Electron's fuses in electron-builder.yml, and the renderer's
 * CSP in the page Electron loads. The packaged binary cannot run on this machine, so the test reads
 * what the packager and Electron would read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/paths';

interface BuilderConfig {
  readonly asar?: boolean | { readonly disableIntegrity?: boolean };
  readonly electronFuses?: Record<string, unknown>;
  readonly files?: readonly string[];
}

/** electron-builder 26's FuseOptionsV1 (app-builder-lib's scheme.json): a misspelt key would be ignored by the packager. */
const FUSE_OPTIONS = new Set([
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
]);

const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

function cspOf(html: string): Map<string, string> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  expect(content, 'the page carries a CSP meta tag').toBeDefined();
  return new Map(
    content!
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => [part.split(/\s+/)[0]!, part.split(/\s+/).slice(1).join(' ')]),
  );
}

describe('the packaged desktop app', () => {
  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspector; cookies encrypted; only the shipped, verified app.asar loads', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    for (const key of Object.keys(config.electronFuses ?? {})) {
      expect(FUSE_OPTIONS.has(key), `${key} is an electron-builder fuse option`).toBe(true);
    }
  });

  it('packs the app into an asar with its integrity hash, which the integrity fuse needs', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**');
  });

  it('packages with an exactly pinned electron-builder', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['package:desktop']).toMatch(/electron-builder@\d+\.\d+\.\d+ --config electron-builder\.yml$/);
  });

  it('needs none of what the fuses take away: the shell starts the engine with utilityProcess.fork', () => {
    const folder = join(ROOT, 'src-main/electron');
    for (const file of readdirSync(folder)) {
      const source = readFileSync(join(folder, file), 'utf8');
      expect(source, file).not.toMatch(/ELECTRON_RUN_AS_NODE|NODE_OPTIONS|child_process|--inspect/);
    }
    expect(readFileSync(join(folder, 'desktop.ts'), 'utf8')).toContain('utilityProcess.fork(');
  });
});

describe("the renderer's CSP in Electron", () => {
  const pages = [join(ROOT, 'src-renderer/index.html'), join(ROOT, 'out/renderer/index.html')].filter((path) => existsSync(path));

  it('lets the page connect to nothing beyond its own origin (the desktop app talks over IPC)', () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const csp = cspOf(readFileSync(page, 'utf8'));
      expect(csp.get('connect-src'), page).toBe("'self'");
      expect(csp.get('default-src'), page).toBe("'self'");
      expect(csp.get('script-src'), page).toBe("'self'");
      expect(csp.get('object-src'), page).toBe("'none'");
    }
  });
});
