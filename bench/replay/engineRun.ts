/** A scenario through the real engine (DuckDB, onnxruntime) in this process, without report files: its events. */
import type { RunEvent } from '../../src-main/contract/events';
import { EventLog } from '../../src-main/engine/common/run/eventLog';
import { rehearse } from '../../src-main/engine/common/run/rehearse';
import { machineInfo, runtimeVersions } from '../../src-main/engine/node/run/machine';
import { systemClock } from '../../src-main/engine/node/run/systemClock';
import { formatIssue, loadScenario } from '../../src-main/engine/node/scenario/loadScenario';
import { machinePorts } from '../../src-main/engine/node/run/runScenario';

/** Runs the scenario at `path` (its replay; the load and rollout of demo.yaml left out) to its verdict and returns every event it appended. */
export async function engineRun(path: string): Promise<RunEvent[]> {
  const loaded = loadScenario(path);
  if (!loaded.ok) {
    throw new Error(`${path}: ${loaded.issues.map(formatIssue).join('; ')}`);
  }
  const log = new EventLog(systemClock, []);
  const env = {
    ports: machinePorts(),
    options: { runId: 'bench', machine: machineInfo(), versions: runtimeVersions(), executionProvider: 'cpu' as const, allowUnverified: false },
  };
  // The replay is what these benchmarks measure: load and rollout need servers this face does not start.
  const scenario = { ...loaded.file.scenario, profiles: undefined, load: undefined, rollout: undefined };
  await rehearse({ file: { ...loaded.file, scenario }, ...env, log });
  return [...log.events];
}
