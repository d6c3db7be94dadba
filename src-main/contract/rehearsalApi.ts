/**
 * The one typed API between the UI and the engine (STYLE.md 4). The preload implements it over
 * IPC, browser mode over a WebSocket; the main side's handler map is typed from this interface,
 * so a missing handler is a compile error. Only plain data crosses it.
 */
import type { DrillAnswer, DrillRequest, DrillState } from './drill';
import type { RunCommand, RunControlled, RunEvent, RunSpeed } from './events';
import type { RunComparison, RunSummary } from './history';
import type { ReportFormat, Verdict } from './report';
import type { RunView, RunViewQuery } from './runView';
import type { ScenarioSummary } from './scenarioSummary';

/** What a person chooses before pressing Run. */
export interface RunRequest {
  readonly scenarioPath: string;
  readonly profile?: 'staging' | 'production';
  readonly backend?: 'embedded' | 'docker';
  readonly executionProvider?: 'cpu' | 'cuda';
  /** How fast event time passes; as fast as the machine allows by default. */
  readonly speed?: RunSpeed;
}

/** A started run. */
export interface RunHandle {
  readonly runId: string;
  readonly outDir: string;
}

/** One of the choices next to Run, and what this version does with it. */
export interface RunChoice<T> {
  readonly options: readonly T[];
  readonly initial: T;
  /** Null when every option takes effect; otherwise what happens to the choice in this version. */
  readonly note: string | null;
}

/** How the app opens: the scenario selected at start and the choices next to Run. */
export interface LaunchState {
  /** The scenario named at launch (`--scenario`), or the first built-in one; null when there is none. */
  readonly scenario: ScenarioSummary | null;
  /** The folder "open file" lists scenario files from. */
  readonly scenarioFolder: string;
  readonly choices: {
    readonly profile: RunChoice<NonNullable<RunRequest['profile']>>;
    readonly backend: RunChoice<NonNullable<RunRequest['backend']>>;
    readonly executionProvider: RunChoice<NonNullable<RunRequest['executionProvider']>>;
    readonly speed: RunChoice<RunSpeed>;
    readonly formats: RunChoice<ReportFormat>;
  };
}

/** What the receipt of a command says: the body of the `run.control` event it was recorded as. */
export type ControlReceipt = Omit<RunControlled, 'kind'>;

/** The report files to write from the run's events so far. */
export interface ExportRequest {
  readonly formats: readonly ReportFormat[];
}

/** The report files written by an export, and the formats that could not be, with the reason. */
export interface ExportedReport {
  readonly folder: string;
  readonly files: readonly { readonly format: ReportFormat; readonly path: string }[];
  readonly skipped: readonly { readonly format: ReportFormat; readonly reason: string }[];
  readonly verdict: Verdict;
  /** False when the run had not finished: the report says what was known then. */
  readonly complete: boolean;
}

/** A what-if from a finished run of the runs folder: knobs of one resource profile (`memory=512Mi`, `cpus=0.5`, `maxBatch=16`, `queueDelay=5ms`). */
export interface WhatIfRequest {
  readonly runId: string;
  readonly profile: 'staging' | 'production';
  readonly settings: readonly string[];
}

/** A started what-if: the new run, the run it came from, the phases it reruns and the checks it carries over. */
export interface WhatIfHandle extends RunHandle {
  readonly from: string;
  readonly rerun: readonly string[];
  readonly carried: readonly string[];
}

/** The engine as the UI sees it. */
export interface RehearsalApi {
  /** The scenario to open with and the choices next to Run. */
  getLaunch(): Promise<LaunchState>;
  /** Built-in scenarios, each validated. */
  listScenarios(): Promise<readonly ScenarioSummary[]>;
  /** Scenario files under the scenario folder (and its subfolders), for "open file". */
  listScenarioFiles(): Promise<readonly string[]>;
  /** Validates a scenario file the user opened. */
  validateScenario(path: string): Promise<ScenarioSummary>;
  startRun(request: RunRequest): Promise<RunHandle>;
  /** Gives a run a command: pause, resume, step, speed, promote, roll back, stop. */
  controlRun(runId: string, command: RunCommand): Promise<ControlReceipt>;
  /** What the main screen shows of a run, for a stretch of event time or as of an event. */
  getRunView(runId: string, query?: RunViewQuery): Promise<RunView>;
  /** Writes the report of the run's events so far through the engine's report writer. */
  exportReport(runId: string, request: ExportRequest): Promise<ExportedReport>;
  stopRun(runId: string): Promise<void>;
  /** Opens a drill on a finished run's log; it stands at its first stop. */
  openDrill(request: DrillRequest): Promise<DrillState>;
  /** Answers the drill's current stop (null: no answer) and moves to the next; the answer is timed from when the stop was reached. */
  answerDrill(drillId: string, answer: DrillAnswer | null): Promise<DrillState>;
  /** The run as the drill shows it: as of its current stop at the latest (`untilSeq` can only ask for less), for a stretch of event time. */
  getDrillView(drillId: string, query?: RunViewQuery): Promise<RunView>;
  /** Every run in the runs folder, newest first; a damaged one with why. */
  listRuns(): Promise<readonly RunSummary[]>;
  /** Two runs of the runs folder, by id, side by side. */
  compareRuns(beforeRunId: string, afterRunId: string): Promise<RunComparison>;
  /** Reruns what one profile's knobs affect, as a run of this session (its events stream like any run's). */
  startWhatIf(request: WhatIfRequest): Promise<WhatIfHandle>;
  /** Every event of every run, as it is appended to its log. Returns the unsubscribe function. */
  onDidEmitEvent(listener: (runId: string, event: RunEvent) => void): () => void;
}
