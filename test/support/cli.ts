/** Runs the built `rehearse` as a separate process, the way users and CI run it. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEvent } from '../../src-main/contract/events';
import { readEventFile } from '../../src-main/engine/node/files/eventFile';
import { ROOT, tempDir } from './paths';

export const REHEARSE = join(ROOT, 'bin/rehearse.mjs');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `rehearse <args>` to completion. */
export function rehearse(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [REHEARSE, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `rehearse <args>` in the background. */
export function startRehearse(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return spawn(process.execPath, [REHEARSE, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: 'pipe' });
}

/** The events of a run's output folder, in order, each checked against its schema as `rehearse report` reads them. */
export function runEvents(outDir: string): RunEvent[] {
  return readEventFile(join(outDir, 'events.jsonl')).events;
}

/** A scenario file written to a fresh temporary folder; returns its path. */
export function writeScenario(name: string, text: string): string {
  const path = join(tempDir(), `${name}.yaml`);
  writeFileSync(path, text);
  return path;
}
