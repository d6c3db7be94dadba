/**
 * A what-if on this machine: the run it comes from read through the checked reader, its scenario
 * loaded again from the path it recorded, one profile's knobs turned, and only the phases the
 * knobs affect run again into a new run folder; the checks it does not rerun are carried over.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { RunComparison } from '../../../contract/history';
import { checksOf, unresolvedCheck } from '../../common/checks/catalog';
import { compareRuns } from '../../common/history/compareRuns';
import { InputError } from '../../common/run/inputError';
import { PHASES } from '../../common/run/phases';
import type { RunControl } from '../../common/run/control';
import type { EventWriter } from '../../common/ports/eventSink';
import { rerunPlan, type RerunPlan } from '../../common/whatIf/rerunPlan';
import { withKnobs, type KnobSetting } from '../../common/whatIf/knobs';
import { readRun } from '../history/runFolders';
import { formatIssue, loadScenario, type ScenarioAccess } from '../scenario/loadScenario';
import { runScenario, type RunResult } from '../run/runScenario';

/** What to change and where the new run goes. */
export interface WhatIfRequest {
  /** The run to start from: its folder, its events.jsonl or its id in `runsFolder`. */
  readonly run: string;
  readonly runsFolder: string;
  readonly profile: string;
  readonly settings: readonly KnobSetting[];
  /** Where the scenario the run recorded may be read from. */
  readonly access: ScenarioAccess;
  readonly runId?: string;
  readonly writers?: readonly EventWriter[];
  readonly control?: RunControl;
}

/** The new run, the plan it followed, and its comparison with the run it came from. */
export interface WhatIfResult {
  readonly result: RunResult;
  readonly outDir: string;
  readonly plan: RerunPlan;
  readonly comparison: RunComparison;
}

/** Reruns what the knobs affect; the new run's folder sits beside the original's in the runs folder. */
export async function runWhatIf(request: WhatIfRequest): Promise<WhatIfResult> {
  const { file, original, plan, outDir, runId, origin } = prepareWhatIf(request);
  const result = await runScenario(file, {
    outDir,
    runId,
    phases: PHASES.filter((p) => plan.rerun.includes(p.id)),
    carried: origin,
    ...(request.writers ? { writers: request.writers } : {}),
    ...(request.control ? { control: request.control } : {}),
    formats: ['json', 'md', 'html'],
  });
  const comparison = compareRuns(original, { folder: outDir, events: result.events });
  return { result, outDir, plan, comparison };
}

/** Everything a what-if needs before it runs: checked without starting anything, so bad input is reported at once. */
export function prepareWhatIf(request: WhatIfRequest) {
  const original = readRun(request.run, request.runsFolder);
  const started = original.events.find((e) => e.kind === 'run.started')!;
  if (started.kind !== 'run.started') {
    throw new InputError(request.run, 'expected a run log beginning with a "run.started" event');
  }
  if (!original.events.some((e) => e.kind === 'run.finished')) {
    throw new InputError(request.run, 'the run has not finished: a what-if starts from a finished run');
  }
  if (request.settings.length === 0) {
    throw new InputError('--set', 'expected at least one knob, such as --set memory=512Mi');
  }
  const loaded = loadScenario(started.scenario.path, request.access);
  if (!loaded.ok) {
    throw new InputError(started.scenario.path, loaded.issues.map(formatIssue).join('\n'));
  }
  const scenario = withKnobs(loaded.file.scenario, request.profile, request.settings);
  const plan = rerunPlan(scenario, started.phases);
  const runId = request.runId ?? randomUUID();
  const carriedChecks = checksOf(original.events, (id) => unresolvedCheck(id, 'the original run did not resolve it')).filter(
    (c) => plan.carried.includes(c.id) && started.enabledChecks.includes(c.id),
  );
  const origin = {
    whatIf: {
      from: started.runId,
      profile: request.profile,
      changes: Object.fromEntries(request.settings.map((s) => [s.knob, s.text])),
      rerun: plan.rerun,
      carried: carriedChecks.map((c) => c.id),
    },
    enabledChecks: started.enabledChecks,
    checks: carriedChecks,
  };
  return { file: { ...loaded.file, scenario }, original, plan, outDir: join(request.runsFolder, runId), runId, origin };
}
