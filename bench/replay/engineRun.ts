/** A scenario through the real engine (DuckDB, onnxruntime) in this process, without report files: its events. */
import type { RunEvent } from '../../src-main/contract/events';
import { EventLog } from '../../src-main/engine/common/run/eventLog';
import { rehearse } from '../../src-main/engine/common/run/rehearse';
import { openSnapshot } from '../../src-main/engine/node/duckdb/snapshotReader';
import { fileModelStore } from '../../src-main/engine/node/model/modelStore';
import { machineInfo, runtimeVersions } from '../../src-main/engine/node/run/machine';
import { systemClock } from '../../src-main/engine/node/run/systemClock';
import { formatIssue, loadScenario } from '../../src-main/engine/node/scenario/loadScenario';
import { fileLockStore } from '../../src-main/engine/node/locks/lockStore';
import { fileRuntimeStore } from '../../src-main/engine/node/runtime/runtimeStore';

/** Runs the scenario at `path` to its verdict and returns every event it appended. */
export async function engineRun(path: string): Promise<RunEvent[]> {
  const loaded = loadScenario(path);
  if (!loaded.ok) {
    throw new Error(`${path}: ${loaded.issues.map(formatIssue).join('; ')}`);
  }
  const log = new EventLog(systemClock, []);
  const env = {
    runId: 'bench',
    clock: systemClock,
    models: fileModelStore(),
    snapshots: { open: openSnapshot },
    locks: fileLockStore(),
    runtimes: fileRuntimeStore(),
    machine: machineInfo(),
    versions: runtimeVersions(),
    executionProvider: 'cpu' as const,
    allowUnverified: false,
  };
  await rehearse(loaded.file, env, log);
  return [...log.events];
}
