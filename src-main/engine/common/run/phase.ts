/** One phase of a rehearsal: preflight, score, replay, load, rollout (DESIGN.md, "The shape of a rehearsal"). */
import type { PhaseId } from '../../../contract/events';
import type { CheckId } from '../../../contract/report';
import type { Scenario } from '../scenario/schema';
import type { ScenarioFile } from '../scenario/scenarioFile';
import type { RunControl } from './control';
import type { RunEnvironment } from './environment';
import type { EventLog } from './eventLog';
import type { RunSnapshots } from './runSnapshots';
import type { RunState } from './state';

/** What a phase works with. */
export interface PhaseContext {
  readonly file: ScenarioFile;
  readonly env: RunEnvironment;
  readonly log: EventLog;
  readonly state: RunState;
  /** The run's snapshots, each opened once (production, references, history). */
  readonly data: RunSnapshots;
  /** True once the run was asked to stop; long phases check it between chunks. */
  readonly stopped: () => boolean;
  /**
   * Pause, step, speed, promote, roll back (issue 12). Phases that work through event time call
   * `await control.checkpoint(eventTime)` before each chunk or window and stop when it says
   * `stop`; the rollout phase takes a person's promote or roll back with `takeDecision()`.
   */
  readonly control: RunControl;
}

export interface Phase {
  readonly id: PhaseId;
  /** The readiness checks this phase resolves when it runs. */
  readonly checks: readonly CheckId[];
  enabled(scenario: Scenario): boolean;
  run(context: PhaseContext): Promise<void>;
}
