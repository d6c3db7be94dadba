/** One phase of a rehearsal: preflight, score, replay, load, rollout (DESIGN.md, "The shape of a rehearsal"). */
import type { PhaseId, RunBackends } from '../../../contract/events';
import type { Scenario } from '../scenario/schema';
import type { ScenarioFile } from '../scenario/scenarioFile';
import type { RunControl } from './control';
import type { RunOptions, RunPorts } from './environment';
import type { EventLog } from './eventLog';
import type { RunSnapshots } from './runSnapshots';
import type { RunState } from './state';

/** What a phase works with. */
export interface PhaseContext {
  readonly file: ScenarioFile;
  readonly ports: RunPorts;
  readonly options: RunOptions;
  /** Where the phase appends its evidence events; it never reads back what it appended. */
  readonly log: EventLog;
  readonly state: RunState;
  /** The run's snapshots, each opened once (production, references, history). */
  readonly data: RunSnapshots;
  /** The backends resolved for the run's servers (`run.backends`). */
  readonly backends: RunBackends;
  /**
   * Pause, step, speed, promote, roll back and stop. Phases that work through event time call
   * `await control.checkpoint(eventTime)` before each chunk or window and stop when it says
   * `stop`; `control.stopped()` says whether the run was told to stop; the rollout phase takes a
   * person's promote or roll back with `takeDecision()`.
   */
  readonly control: RunControl;
}

/** A phase gathers evidence (events); the spine decides the checks from it (`checks/resolvers`). */
export interface Phase {
  readonly id: PhaseId;
  enabled(scenario: Scenario): boolean;
  run(context: PhaseContext): Promise<void>;
}
