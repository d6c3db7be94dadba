/**
 * The run spine: appends `run.started`, runs each enabled phase, and ends with the verdict. Every
 * step is an event in the log as it happens, so a run killed midway leaves a readable log.
 */
import type { CheckId, ReadinessCheck, Verdict } from '../../../contract/report';
import { CHECK_IDS, notRunCheck, unresolvedCheck } from '../checks/catalog';
import { verdictOf } from '../checks/verdict';
import type { Scheduler } from '../ports/scheduler';
import type { ScenarioFile } from '../scenario/scenarioFile';
import { RunControl } from './control';
import type { RunEnvironment } from './environment';
import type { EventLog } from './eventLog';
import { isInputError, type InputError } from './inputError';
import type { Phase } from './phase';
import { PHASES } from './phases';
import { RunSnapshots } from './runSnapshots';
import type { RunState } from './state';

/** How a run ended: its verdict, or the input problem that stopped it (exit 2). */
export type RunOutcome = { readonly verdict: Verdict; readonly inputError: InputError | null };

/** How a run is driven. */
export interface RehearseOptions {
  /** Asked between steps; true stops the run, which still ends with its verdict. */
  readonly stopped?: () => boolean;
  /** The phases to consider, in order (tests); defaults to every phase of the product. */
  readonly phases?: readonly Phase[];
  /** Pause, step, speed, promote, roll back (issue 12); without one the run goes at full speed, never paused. */
  readonly control?: RunControl;
  /** Notices recorded right after `run.started`, e.g. choices this version does not act on yet. */
  readonly notices?: readonly string[];
}

/** A run nobody controls goes at full speed and is never paced, so this never waits. */
const UNPACED: Scheduler = {
  schedule(_delayMs, task) {
    task();
    return () => undefined;
  },
};

/** Runs a rehearsal to its verdict. Never throws for a phase failure: it becomes events and checks. */
export async function rehearse(file: ScenarioFile, env: RunEnvironment, log: EventLog, options: RehearseOptions = {}): Promise<RunOutcome> {
  const control = options.control ?? new RunControl(env.clock, UNPACED);
  const stopped = (): boolean => control.stopped();
  const started = env.clock.monotonic();
  const phases = (options.phases ?? PHASES).filter((p) => p.enabled(file.scenario));
  const enabledChecks = [...new Set(phases.flatMap((p) => p.checks))];
  log.append({
    kind: 'run.started',
    runId: env.runId,
    scenario: { name: file.scenario.name, path: file.path, description: file.scenario.description },
    phases: [...phases.map((p) => p.id), 'verdict'],
    enabledChecks,
    machine: env.machine,
    versions: env.versions,
  });
  for (const message of options.notices ?? []) {
    log.append({ kind: 'notice', level: 'warn', message });
  }
  control.attach(
    log,
    phases.map((p) => p.id),
    options.stopped,
  );
  const state: RunState = { models: [], artifacts: [] };
  const data = new RunSnapshots(env.snapshots, file.scenario.snapshots, log);
  let inputError: InputError | null = null;
  let failure: string | null = null;
  try {
    for (const phase of phases) {
      // Between phases a person may pause, step or stop the run.
      if (failure === null) {
        await control.checkpoint();
      }
      if (stopped()) {
        failure = 'the run was stopped before this check resolved';
        log.append({ kind: 'phase.finished', phase: phase.id, outcome: 'skipped', message: 'stopped' });
        continue;
      }
      if (failure !== null) {
        log.append({ kind: 'phase.finished', phase: phase.id, outcome: 'skipped', message: 'an earlier phase failed' });
        continue;
      }
      log.append({ kind: 'phase.started', phase: phase.id });
      control.enterPhase(phase.id);
      try {
        await phase.run({ file, env, log, state, data, stopped, control });
        log.append({ kind: 'phase.finished', phase: phase.id, outcome: 'ok' });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (isInputError(error)) {
          inputError = error;
        }
        failure = `the ${phase.id} phase failed: ${message}`;
        log.append({ kind: 'run.error', phase: phase.id, message });
        log.append({ kind: 'phase.finished', phase: phase.id, outcome: 'error', message });
      } finally {
        control.leavePhase(phase.id);
      }
    }
  } finally {
    await Promise.allSettled(state.models.map((m) => m.inference.close()));
    await data.close();
    control.finish();
  }
  const checks = finalChecks(log, enabledChecks, failure);
  const verdict = verdictOf(checks);
  log.append({ kind: 'run.finished', verdict, durationMs: Math.round(env.clock.monotonic() - started) });
  return { verdict, inputError };
}

/** Resolves all seven checks: the last result of each, ERROR when enabled but unresolved, else NOT RUN. */
function finalChecks(log: EventLog, enabled: readonly CheckId[], failure: string | null): ReadinessCheck[] {
  const resolved = new Map<CheckId, ReadinessCheck>();
  for (const event of log.events) {
    if (event.kind === 'check.resolved') {
      resolved.set(event.check.id, event.check);
    }
  }
  return CHECK_IDS.map((id) => {
    const known = resolved.get(id);
    if (known) {
      return known;
    }
    const check = enabled.includes(id) ? unresolvedCheck(id, failure ?? 'the run ended before this check resolved') : notRunCheck(id);
    log.append({ kind: 'check.resolved', check });
    return check;
  });
}
