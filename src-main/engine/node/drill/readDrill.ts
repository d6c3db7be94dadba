/**
 * A drill's inputs from disk, for the CLI and the app alike: the finished run's log and the drill
 * section of a scenario (the one the log names unless another is given). Every problem is an
 * InputError naming the file and what was expected.
 */
import type { RunEvent } from '../../../contract/events';
import { DrillPlayer } from '../../common/drill/drillPlayer';
import { DrillMismatch } from '../../common/drill/drillStops';
import { InputError } from '../../common/run/inputError';
import type { DrillSection } from '../../common/scenario/sections/drill';
import { readEventFile } from '../files/eventFile';
import { formatIssue, loadScenario, type ScenarioAccess } from '../scenario/loadScenario';
import { requireInWorkspace } from '../workspace/workspaceAccess';

/** A log and the drill to play on it, checked to match. */
export interface DrillInputs {
  readonly events: readonly RunEvent[];
  readonly drill: DrillSection;
  readonly scenarioPath: string;
  /** True when the log's last line was cut short and left out. */
  readonly torn: boolean;
}

/**
 * Reads both and checks that every stop of the drill is in the log. `access` says where the log
 * and the scenario given may come from (typed in the app, they must be inside the workspace); a
 * scenario the log names must always be inside.
 */
export function readDrill(logPath: string, scenarioPath: string | undefined, access: ScenarioAccess): DrillInputs {
  if (!access.named) {
    requireInWorkspace(access.workspace, logPath, 'file');
  }
  const { events, torn } = readEventFile(logPath);
  const started = events.find((e) => e.kind === 'run.started');
  if (started?.kind !== 'run.started') {
    throw new InputError(logPath, 'expected a run log beginning with a "run.started" event');
  }
  const path = scenarioPath ?? started.scenario.path;
  const loaded = loadScenario(path, { workspace: access.workspace, named: scenarioPath !== undefined && access.named });
  if (!loaded.ok) {
    throw new InputError(path, `the scenario is not valid: ${loaded.issues.map(formatIssue).join('; ')}`);
  }
  const drill = loaded.file.scenario.drill;
  if (drill === undefined) {
    throw new InputError(path, 'the scenario has no drill section; pass one that has with --scenario <file>');
  }
  try {
    new DrillPlayer(events, drill);
  } catch (error) {
    if (error instanceof DrillMismatch) {
      throw new InputError(logPath, `the drill in ${path} does not match this log: ${error.message}`);
    }
    throw error;
  }
  return { events, drill, scenarioPath: path, torn };
}
