/** Events of the run spine: start, phases, notices, errors, the end. */
import type { WhatIfOrigin } from '../history';
import type { CheckId, MachineInfo, Verdict } from '../report';

/** The phases of a rehearsal, in order (DESIGN.md, "The shape of a rehearsal"). */
export type PhaseId = 'preflight' | 'score' | 'replay' | 'load' | 'rollout' | 'verdict';

export interface RunStarted {
  readonly kind: 'run.started';
  readonly runId: string;
  readonly scenario: { readonly name: string; readonly path: string; readonly description: string };
  readonly phases: readonly PhaseId[];
  /** Checks the scenario enables; the rest resolve as NOT RUN. */
  readonly enabledChecks: readonly CheckId[];
  readonly machine: MachineInfo;
  readonly versions: Readonly<Record<string, string>>;
  /** A what-if run: the run it changed one knob of, what it reran and which checks it carried over unchanged. */
  readonly whatIf?: WhatIfOrigin;
}

export interface PhaseStarted {
  readonly kind: 'phase.started';
  readonly phase: PhaseId;
}

export interface PhaseFinished {
  readonly kind: 'phase.finished';
  readonly phase: PhaseId;
  readonly outcome: 'ok' | 'error' | 'skipped';
  readonly message?: string;
}

/**
 * The backends the run resolved once, before its first phase: each profile's (a person's choice,
 * else the profile's own; Docker only when an engine answered), and production's, whose lock the
 * dependency check reads. `docker` is null when no profile asked for Docker, so no engine was asked.
 */
export interface RunBackends {
  readonly kind: 'run.backends';
  readonly docker: { readonly available: boolean; readonly reason: string | null } | null;
  readonly profiles: readonly { readonly profile: string; readonly wanted: 'docker' | 'embedded'; readonly backend: 'docker' | 'embedded' }[];
  readonly serving: 'docker' | 'embedded';
}

export interface Notice {
  readonly kind: 'notice';
  readonly level: 'info' | 'warn';
  readonly message: string;
}

export interface RunError {
  readonly kind: 'run.error';
  readonly phase: PhaseId | null;
  readonly message: string;
}

export interface RunFinished {
  readonly kind: 'run.finished';
  readonly verdict: Verdict;
  readonly durationMs: number;
}
