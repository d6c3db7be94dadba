/**
 * The one typed API between the UI and the engine (STYLE.md 4). The preload implements it over
 * IPC, browser mode over a WebSocket; the main side's handler map is typed from this interface,
 * so a missing handler is a compile error. Only plain data crosses it.
 */
import type { RunEvent } from './events';
import type { ScenarioSummary } from './scenarioSummary';

/** What a person chooses before pressing Run. */
export interface RunRequest {
  readonly scenarioPath: string;
  readonly profile?: 'staging' | 'production';
  readonly backend?: 'embedded' | 'docker';
  readonly executionProvider?: 'cpu' | 'cuda';
}

/** A started run. */
export interface RunHandle {
  readonly runId: string;
  readonly outDir: string;
}

/** The engine as the UI sees it. */
export interface RehearsalApi {
  /** Built-in scenarios, each validated. */
  listScenarios(): Promise<readonly ScenarioSummary[]>;
  /** Validates a scenario file the user opened. */
  validateScenario(path: string): Promise<ScenarioSummary>;
  startRun(request: RunRequest): Promise<RunHandle>;
  stopRun(runId: string): Promise<void>;
  /** Every event of every run, as it is appended to its log. Returns the unsubscribe function. */
  onDidEmitEvent(listener: (runId: string, event: RunEvent) => void): () => void;
}
