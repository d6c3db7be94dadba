/**
 * The readiness report model: the seven checks of the seed's checklist and the verdict.
 * Type-only: every face (CLI, report files, desktop app) reads these shapes. report.json is this
 * type; its JSON Schema is docs/report.schema.json (kept in step by test/engine/reportSchema.test.ts).
 */
import type { PhaseId } from './events/run';
import type { ScoreSummary } from './events/score';
import type { ReportCharts } from './charts';

/** The seven checks, one per failure mode of the seed article, in checklist order. */
export type CheckId =
  'distribution-shift' | 'feature-parity' | 'infrastructure-parity' | 'load-sla' | 'dependency-pinning' | 'monitoring-coverage' | 'rollback-readiness';

/** ERROR: the check could not run because something broke. NOT RUN: the scenario did not enable it. */
export type CheckStatus = 'PASS' | 'WARN' | 'FAIL' | 'ERROR' | 'NOT RUN';

/** READY only when every check is PASS or WARN. */
export type Verdict = 'READY' | 'NOT READY';

/**
 * One number (or short fact) behind a check's status, with the sample size where it has one.
 * The label is for people and may change; `key` (with `role` for a per-model figure) is the stable
 * name a program reads the value by, e.g. distribution-shift's `falseAlarmRate` and `windowsCompared`.
 */
export interface EvidenceItem {
  readonly label: string;
  readonly value: string | number | boolean | null;
  readonly unit?: string;
  readonly n?: number;
  readonly key?: string;
  readonly role?: 'blue' | 'green';
}

/** A resolved readiness check, as it appears in events, report.json and the UI. */
export interface ReadinessCheck {
  readonly id: CheckId;
  readonly title: string;
  readonly status: CheckStatus;
  /** What was measured, in one sentence. */
  readonly observed: string;
  /** What the check needs to pass, in one sentence. */
  readonly threshold: string;
  readonly evidence: readonly EvidenceItem[];
  /** What to do next. */
  readonly next: string;
}

/** One model of the rehearsal as the report names it. */
export interface ReportModel {
  readonly role: 'blue' | 'green';
  readonly name: string;
  readonly path: string;
  readonly sha256: string | null;
  readonly digestVerified: boolean;
  /** True when the model ran although its digests did not match (`--allow-unverified`). */
  readonly allowUnverified: boolean;
  /** The execution provider asked for; null when the model was never loaded. */
  readonly requestedProvider: string | null;
  /** The execution provider actually used, and why it differs from the request. */
  readonly executionProvider: string | null;
  readonly fallbackReason: string | null;
}

/** How a model scored the production snapshot (outcome metrics on the labelled rows); the histogram goes to `charts`. */
export type ModelScore = Omit<ScoreSummary, 'kind' | 'histogram'>;

/** How a phase of the run ended; `unfinished` when the log stops inside it. */
export interface PhaseOutcome {
  readonly phase: PhaseId;
  readonly outcome: 'ok' | 'error' | 'skipped' | 'unfinished';
  readonly message: string | null;
}

/** The files a report can be written as (the scenario's `outputs.formats`). */
export type ReportFormat = 'json' | 'html' | 'junit' | 'md' | 'pdf';

/** report.json. Derived from events.jsonl only. */
export interface ReadinessReport {
  readonly schemaVersion: 1;
  readonly verdict: Verdict;
  readonly complete: boolean;
  readonly scenario: { readonly name: string; readonly path: string; readonly description: string };
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly durationMs: number | null;
  readonly phases: readonly PhaseOutcome[];
  readonly models: readonly ReportModel[];
  readonly scores: readonly ModelScore[];
  readonly dataWindows: readonly DataWindow[];
  readonly machine: MachineInfo;
  readonly versions: Readonly<Record<string, string>>;
  readonly checks: readonly ReadinessCheck[];
  /** The evidence drawn as charts; a chart this run did not measure says why. */
  readonly charts: ReportCharts;
  /** Warnings the run recorded (a model not loaded, rows rejected, ...). */
  readonly notices: readonly string[];
  readonly errors: readonly string[];
}

/** A stretch of a snapshot that the run read. */
export interface DataWindow {
  readonly source: string;
  readonly role: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly rows: number;
}

/** The machine a run happened on. */
export interface MachineInfo {
  readonly platform: string;
  readonly arch: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly node: string;
}
