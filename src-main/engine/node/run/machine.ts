/** The machine and the versions a run records. */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { MachineInfo } from '../../../contract/report';
import { projectRoot } from './projectRoot';

/** This machine. */
export function machineInfo(): MachineInfo {
  const cpu = cpus();
  return {
    platform: process.platform,
    arch: process.arch,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
  };
}

/** Versions of the runtime parts that can change a model's outputs. */
export function runtimeVersions(): Record<string, string> {
  const root = projectRoot();
  return {
    rehearsal: packageVersion(join(root, 'package.json')),
    node: process.versions.node,
    'onnxruntime-node': packageVersion(join(root, 'node_modules/onnxruntime-node/package.json')),
    '@duckdb/node-api': packageVersion(join(root, 'node_modules/@duckdb/node-api/package.json')),
  };
}

function packageVersion(path: string): string {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
