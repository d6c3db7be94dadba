/**
 * The run spine: appends `run.started`, resolves the backends once, runs each enabled phase with
 * the run's one data layer, decides each readiness check from the evidence as soon as the phases
 * it reads have ended, and ends with the verdict. Every step is an event in the log as it
 * happens, so a run killed midway leaves a readable log.
 */
import type { PhaseId, RunBackends } from '../../../contract/events';
import type { WhatIfOrigin } from '../../../contract/history';
import type { CheckId, ReadinessCheck, Verdict } from '../../../contract/report';
import { checksOf, isResolved, unresolvedCheck } from '../checks/catalog';
import { CHECK_RESOLVERS } from '../checks/resolvers/checkResolvers';
import type { CheckResolver } from '../checks/resolvers/evidence';
import { verdictOf } from '../checks/verdict';
import type { Scheduler } from '../ports/scheduler';
import type { ScenarioFile } from '../scenario/scenarioFile';
import { resolveBackends } from './backends';
import { RunControl } from './control';
import type { RunOptions, RunPorts } from './environment';
import type { EventLog } from './eventLog';
import { isInputError, type InputError } from './inputError';
import type { Phase, PhaseContext } from './phase';
import { PHASES } from './phases';
import { RunSnapshots } from './runSnapshots';

/** How a run ended: its verdict, or the input problem that stopped it (exit 2). */
export type RunOutcome = { readonly verdict: Verdict; readonly inputError: InputError | null };

/** One rehearsal to run. */
export interface Rehearsal {
  readonly file: ScenarioFile;
  readonly ports: RunPorts;
  readonly options: RunOptions;
  /** Every event goes here; its writers are the one way to listen to a run. */
  readonly log: EventLog;
  /** Pause, step, speed, promote, roll back, stop: the one way to drive a run. Without one it goes at full speed. */
  readonly control?: RunControl;
  /** The phases to consider, in order (tests); every phase of the product by default. */
  readonly phases?: readonly Phase[];
  /** A what-if: the checks of the run it came from that it does not rerun, recorded as they were, and what it changed. */
  readonly carried?: CarriedChecks;
}

/** What a what-if takes over from the run it came from. */
export interface CarriedChecks {
  readonly whatIf: WhatIfOrigin;
  /** The original run's enabled checks: the what-if's checklist is the same. */
  readonly enabledChecks: readonly CheckId[];
  /** The original's resolutions of the checks it does not rerun. */
  readonly checks: readonly ReadinessCheck[];
}

/** A run nobody controls goes at full speed and is never paced, so this never waits. */
const UNPACED: Scheduler = {
  schedule(_delayMs, task) {
    task();
    return () => undefined;
  },
};

/** Where a run stands between phases. */
interface Course {
  failure: string | null;
  inputError: InputError | null;
  readonly ended: Set<PhaseId>;
  readonly finishedOk: Set<PhaseId>;
}

/** Runs a rehearsal to its verdict. Never throws for a phase failure: it becomes events and checks. */
export async function rehearse(run: Rehearsal): Promise<RunOutcome> {
  const { file, ports, options, log } = run;
  const control = run.control ?? new RunControl(ports.clock, UNPACED);
  const started = ports.clock.monotonic();
  const phases = (run.phases ?? PHASES).filter((p) => p.enabled(file.scenario));
  const resolvers = enabledResolvers(phases, file);
  log.append({
    kind: 'run.started',
    runId: options.runId,
    scenario: { name: file.scenario.name, path: file.path, description: file.scenario.description },
    phases: [...phases.map((p) => p.id), 'verdict'],
    enabledChecks: run.carried?.enabledChecks ?? resolvers.map((r) => r.id),
    machine: options.machine,
    versions: options.versions,
    ...(run.carried ? { whatIf: run.carried.whatIf } : {}),
  });
  for (const check of run.carried?.checks ?? []) {
    log.append({ kind: 'check.resolved', check });
  }
  for (const message of options.notices ?? []) {
    log.append({ kind: 'notice', level: 'warn', message });
  }
  control.attach(
    log,
    phases.map((p) => p.id),
  );
  const backends = await backendsOf(run);
  const context: PhaseContext = {
    file,
    ports,
    options,
    log,
    control,
    backends,
    state: { models: [], artifacts: [], references: new Map() },
    data: new RunSnapshots(ports.snapshots, file.scenario.snapshots, log),
  };
  const course: Course = { failure: null, inputError: null, ended: new Set(), finishedOk: new Set() };
  const offStop = control.onDidStop(() => context.data.interrupt());
  try {
    for (const phase of phases) {
      await runPhase(phase, context, course);
      resolveReady(context, resolvers, phases, course);
    }
  } finally {
    offStop();
    await Promise.allSettled(context.state.models.map((m) => m.inference.close()));
    await context.data.close();
    control.finish();
  }
  const reason = course.failure ?? (control.stopped() ? 'the run was stopped before this check resolved' : 'the run ended before this check resolved');
  const checks = checksOf(log.events, (id) => unresolvedCheck(id, reason));
  for (const check of checks.filter((c) => !isResolved(log.events, c.id))) {
    log.append({ kind: 'check.resolved', check }, log.reached);
  }
  const verdict = verdictOf(checks);
  log.append({ kind: 'run.finished', verdict, durationMs: Math.round(ports.clock.monotonic() - started) });
  return { verdict, inputError: course.inputError };
}

/** The resolvers of the checks some enabled phase gathers evidence for, in the checklist's order. */
function enabledResolvers(phases: readonly Phase[], file: ScenarioFile): CheckResolver[] {
  const ids = new Set(phases.map((p) => p.id));
  return CHECK_RESOLVERS.filter((r) => r.phases(file.scenario).some((p) => ids.has(p)));
}

/** The backends, resolved and recorded once. */
async function backendsOf({ file, options, ports, log }: Rehearsal): Promise<RunBackends> {
  const { resolved, notices } = await resolveBackends(file.scenario, options, ports.serving);
  log.append(resolved);
  for (const message of notices) {
    log.append({ kind: 'notice', level: 'warn', message });
  }
  return resolved;
}

/** Runs one phase, or records why it was skipped; a failure is recorded, never thrown. */
async function runPhase(phase: Phase, context: PhaseContext, course: Course): Promise<void> {
  const { log, control } = context;
  // Between phases a person may pause, step or stop the run.
  if (course.failure === null) {
    await control.checkpoint();
  }
  course.ended.add(phase.id);
  if (control.stopped()) {
    course.failure ??= 'the run was stopped before this check resolved';
    log.append({ kind: 'phase.finished', phase: phase.id, outcome: 'skipped', message: 'stopped' });
    return;
  }
  if (course.failure !== null) {
    log.append({ kind: 'phase.finished', phase: phase.id, outcome: 'skipped', message: 'an earlier phase failed' });
    return;
  }
  log.append({ kind: 'phase.started', phase: phase.id });
  control.enterPhase(phase.id);
  try {
    await phase.run(context);
    log.append({ kind: 'phase.finished', phase: phase.id, outcome: 'ok' });
    course.finishedOk.add(phase.id);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (control.stopped()) {
      // Cancelled by the stop (an interrupted query, a step refused): stopped, not failed.
      course.failure ??= 'the run was stopped before this check resolved';
      log.append({ kind: 'phase.finished', phase: phase.id, outcome: 'skipped', message: 'stopped' });
      return;
    }
    if (isInputError(error)) {
      course.inputError = error;
    }
    course.failure = `the ${phase.id} phase failed: ${message}`;
    log.append({ kind: 'run.error', phase: phase.id, message });
    log.append({ kind: 'phase.finished', phase: phase.id, outcome: 'error', message });
  } finally {
    control.leavePhase(phase.id);
  }
}

/**
 * Decides every check whose phases have all ended and that is not decided yet: from complete
 * evidence when they all ended well, else from what was gathered when that alone decides it,
 * else ERROR with why. Appended at the event time the run has reached.
 */
function resolveReady(context: PhaseContext, resolvers: readonly CheckResolver[], phases: readonly Phase[], course: Course): void {
  const { log, file, control } = context;
  const inRun = new Set(phases.map((p) => p.id));
  for (const resolver of resolvers) {
    const needs = resolver.phases(file.scenario).filter((p) => inRun.has(p));
    if (!needs.every((p) => course.ended.has(p)) || isResolved(log.events, resolver.id)) {
      continue;
    }
    const evidence = { events: log.events, scenario: file.scenario };
    const complete = needs.every((p) => course.finishedOk.has(p));
    const reason = course.failure ?? (control.stopped() ? 'the run was stopped before this check resolved' : 'the run ended before this check resolved');
    const check = (complete ? resolver.resolve(evidence) : (resolver.partial?.(evidence) ?? null)) ?? unresolvedCheck(resolver.id as CheckId, reason);
    log.append({ kind: 'check.resolved', check }, log.reached);
  }
}
