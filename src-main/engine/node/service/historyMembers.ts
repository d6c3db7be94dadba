/**
 * The runs folder as the app sees it: every run listed, two compared by id, and a what-if started
 * from a finished one as a run of this session. Runs are named by id only, looked up in the
 * service's runs folder, so the app never names a path here.
 */
import type { RehearsalApi } from '../../../contract/rehearsalApi';
import { compareRuns } from '../../common/history/compareRuns';
import { RunControl } from '../../common/run/control';
import { InputError } from '../../common/run/inputError';
import { parseKnob } from '../../common/whatIf/knobs';
import { readRun, readRunHistory } from '../history/runFolders';
import type { ScenarioAccess } from '../scenario/loadScenario';
import { systemClock } from '../run/systemClock';
import { systemScheduler } from '../run/systemScheduler';
import { prepareWhatIf, runWhatIf } from '../whatIf/runWhatIf';
import { registerServiceRun, type RunListener, type ServiceOptions, type ServiceRun } from './rehearsalService';
import { existsSync } from 'node:fs';

export function historyMembers(
  options: ServiceOptions & { readonly runsFolder: string },
  typed: ScenarioAccess,
  runs: Map<string, ServiceRun>,
  listeners: ReadonlySet<RunListener>,
): Pick<RehearsalApi, 'listRuns' | 'compareRuns' | 'startWhatIf'> {
  const { runsFolder } = options;
  const folderOf = (runId: string): string => {
    const found = existsSync(runsFolder) ? readRunHistory(runsFolder).find((r) => r.runId === runId && r.damaged === null) : undefined;
    if (found === undefined) {
      throw new InputError(runId, `no readable run with this id in the runs folder ${runsFolder}`);
    }
    return found.folder;
  };
  return {
    async listRuns() {
      return existsSync(runsFolder) ? readRunHistory(runsFolder) : [];
    },
    async compareRuns(before, after) {
      return compareRuns(readRun(folderOf(before), runsFolder), readRun(folderOf(after), runsFolder));
    },
    async startWhatIf(request) {
      const settings = request.settings.map(parseKnob);
      const base = { run: folderOf(request.runId), runsFolder, profile: request.profile, settings, access: typed };
      // Checked before anything starts, so a bad knob or a missing scenario is the caller's error, not a failed run.
      const { plan, runId, outDir } = prepareWhatIf(base);
      const control = new RunControl(systemClock, options.scheduler ?? systemScheduler, { speed: 'max' });
      registerServiceRun({ runId, outDir, control }, runs, listeners, (fanOut) => runWhatIf({ ...base, runId, writers: [{ write: fanOut }], control }));
      return { runId, outDir, from: request.runId, rerun: plan.rerun, carried: plan.carried };
    },
  };
}
