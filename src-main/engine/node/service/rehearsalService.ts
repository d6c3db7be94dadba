/**
 * RehearsalApi implemented once, in Node, over the real engine. It runs in the process that hosts
 * the engine (serviceHost.ts), never on the event loop of the window or the WebSocket server; the
 * Electron main process and browser mode both reach this same object, and neither adds logic.
 */
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { RunEvent } from '../../../contract/events';
import type { ExportedReport, RehearsalApi, RunHandle, RunRequest } from '../../../contract/rehearsalApi';
import type { ReportFormat } from '../../../contract/report';
import type { Scheduler } from '../../common/ports/scheduler';
import { RunControl } from '../../common/run/control';
import { InputError } from '../../common/run/inputError';
import { runView } from '../../common/view/runView';
import { DrillSession } from '../../common/drill/drillSession';
import { readDrill } from '../drill/readDrill';
import type { PdfPrinter } from '../report/pdf/chromiumPrinter';
import { REPORT_FILES, writeReport } from '../report/writeReport';
import { choiceNotices, runChoices } from '../run/runChoices';
import { projectRoot } from '../run/projectRoot';
import { runScenario } from '../run/runScenario';
import { systemClock } from '../run/systemClock';
import { systemScheduler } from '../run/systemScheduler';
import { formatIssue, loadScenario, type ScenarioAccess } from '../scenario/loadScenario';
import { builtInScenarioFolder, listBuiltInScenarios, listScenarioFiles, summarizeScenario } from '../scenario/scenarioLibrary';
import { scenarioSizeIssues } from '../limits/machineFacts';
import { appWorkspace } from '../workspace/appWorkspace';
import { historyMembers } from './historyMembers';

/** Where runs started from the UI write their folders. */
export function defaultRunsFolder(): string {
  return join(projectRoot(), 'runs');
}

/** How the service is set up. */
export interface ServiceOptions {
  readonly runsFolder?: string;
  /** The scenario to open with (`--scenario`); the first built-in one when absent. */
  readonly launchScenario?: string;
  /** How paced runs wait; the system's timers by default. */
  readonly scheduler?: Scheduler;
  /** How exported PDFs are printed; Chromium on this machine by default. */
  readonly printer?: PdfPrinter | { readonly unavailable: string };
  /** Folders named with `--workspace` at launch: the app reads scenarios, models, snapshots and logs only inside its workspace. */
  readonly workspace?: readonly string[];
}

/** The service, plus what its host and tests need. */
export type RehearsalService = RehearsalApi & {
  /** Resolves when every run started so far has written its report. */
  settled(): Promise<void>;
};

export interface ServiceRun {
  readonly runId: string;
  readonly outDir: string;
  readonly events: RunEvent[];
  readonly control: RunControl;
  done: Promise<void>;
}

export type RunListener = (runId: string, event: RunEvent) => void;

/** The engine behind the UI: runs in this process and fans events out to listeners. */
export function createRehearsalService(options: ServiceOptions = {}): RehearsalService {
  const runsFolder = options.runsFolder ?? defaultRunsFolder();
  // A path typed in the app (a scenario, a run log) is read only inside the app's workspace, and so is what it names.
  const typed: ScenarioAccess = { workspace: appWorkspace({ runsFolder, launchScenario: options.launchScenario, workspace: options.workspace }), named: false };
  const listeners = new Set<RunListener>();
  const runs = new Map<string, ServiceRun>();
  return {
    ...scenarioMembers(options, typed),
    ...runMembers({ ...options, runsFolder }, typed, runs, listeners),
    ...drillMembers(typed),
    ...historyMembers({ ...options, runsFolder }, typed, runs, listeners),
    onDidEmitEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async settled() {
      await Promise.all([...runs.values()].map((r) => r.done));
    },
  };
}

/** The scenario library: what the app opens with, the built-in scenarios, a file checked. */
function scenarioMembers(
  options: ServiceOptions,
  typed: ScenarioAccess,
): Pick<RehearsalApi, 'getLaunch' | 'listScenarios' | 'listScenarioFiles' | 'validateScenario'> {
  return {
    async getLaunch() {
      const scenario =
        options.launchScenario !== undefined ? summarizeScenario(options.launchScenario, false, typed) : (listBuiltInScenarios(typed)[0] ?? null);
      return { scenario, scenarioFolder: builtInScenarioFolder(), choices: await runChoices() };
    },
    async listScenarios() {
      return listBuiltInScenarios(typed);
    },
    async listScenarioFiles() {
      return listScenarioFiles();
    },
    async validateScenario(path: string) {
      return summarizeScenario(path, false, typed);
    },
  };
}

/** Runs of this session: started, steered, viewed, exported and stopped by id. */
function runMembers(
  options: ServiceOptions,
  typed: ScenarioAccess,
  runs: Map<string, ServiceRun>,
  listeners: ReadonlySet<RunListener>,
): Pick<RehearsalApi, 'startRun' | 'controlRun' | 'getRunView' | 'exportReport' | 'stopRun'> {
  const runOf = (runId: string): ServiceRun => {
    const run = runs.get(runId);
    if (!run) {
      throw new Error(`no run ${runId} in this session`);
    }
    return run;
  };
  return {
    async startRun(request: RunRequest): Promise<RunHandle> {
      const run = startServiceRun(request, options, typed, runs, listeners);
      return { runId: run.runId, outDir: run.outDir };
    },
    async controlRun(runId, command) {
      return runOf(runId).control.command(command);
    },
    async getRunView(runId, query) {
      const run = runOf(runId);
      return runView({ runId, outDir: run.outDir, events: run.events, control: run.control.state() }, query);
    },
    async exportReport(runId, request): Promise<ExportedReport> {
      const run = runOf(runId);
      const folder = join(run.outDir, 'export');
      const written = await writeReport(run.events, folder, { formats: request.formats, ...(options.printer ? { printer: options.printer } : {}) });
      const files = (Object.keys(REPORT_FILES) as ReportFormat[])
        .filter((format) => written.files.includes(join(folder, REPORT_FILES[format])))
        .map((format) => ({ format, path: join(folder, REPORT_FILES[format]) }));
      return { folder, files, skipped: written.skipped, verdict: written.report.verdict, complete: written.report.complete };
    },
    async stopRun(runId: string) {
      const run = runs.get(runId);
      if (run) {
        run.control.command({ kind: 'stop' });
        await run.done;
      }
    },
  };
}

/** Starts a scenario in this process, registered before its first event; every event is kept for views and sent to the listeners. */
function startServiceRun(
  request: RunRequest,
  options: ServiceOptions,
  typed: ScenarioAccess,
  runs: Map<string, ServiceRun>,
  listeners: ReadonlySet<RunListener>,
): ServiceRun {
  const loaded = loadScenario(request.scenarioPath, typed);
  const issues = loaded.ok ? scenarioSizeIssues(loaded.file) : loaded.issues;
  if (!loaded.ok || issues.length > 0) {
    throw new InputError(request.scenarioPath, issues.map(formatIssue).join('\n'));
  }
  const runId = randomUUID();
  const outDir = join(options.runsFolder ?? defaultRunsFolder(), runId);
  const control = new RunControl(systemClock, options.scheduler ?? systemScheduler, { speed: request.speed ?? 'max' });
  return registerServiceRun({ runId, outDir, control }, runs, listeners, (fanOut) =>
    runScenario(loaded.file, {
      outDir,
      runId,
      executionProvider: request.executionProvider ?? 'cpu',
      ...(request.backend ? { backend: request.backend } : {}),
      ...(request.profile ? { profile: request.profile } : {}),
      writers: [{ write: fanOut }],
      control,
      notices: choiceNotices(request),
      ...(options.printer ? { printer: options.printer } : {}),
    }),
  );
}

/** A run of this session, registered before its first event; every event is kept for views and sent to the listeners. */
export function registerServiceRun(
  ids: Pick<ServiceRun, 'runId' | 'outDir' | 'control'>,
  runs: Map<string, ServiceRun>,
  listeners: ReadonlySet<RunListener>,
  start: (fanOut: (event: RunEvent) => void) => Promise<unknown>,
): ServiceRun {
  const { runId } = ids;
  const run: ServiceRun = { ...ids, events: [], done: Promise.resolve() };
  runs.set(runId, run);
  const fanOut = (event: RunEvent): void => {
    run.events.push(event);
    listeners.forEach((listener) => listener(runId, event));
  };
  run.done = start(fanOut).then(
    () => undefined,
    (error: unknown) => {
      // runScenario turns phase failures into events; reaching here means the report could not be written.
      console.error(`run ${runId} failed: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
  return run;
}

/** Drills of this session: a finished run's log played to its stops. */
function drillMembers(typed: ScenarioAccess): Pick<RehearsalApi, 'openDrill' | 'answerDrill' | 'getDrillView'> {
  const drills = new Map<string, DrillSession>();
  const drillOf = (drillId: string): DrillSession => {
    const drill = drills.get(drillId);
    if (!drill) {
      throw new Error(`no drill ${drillId} in this session`);
    }
    return drill;
  };
  return {
    async openDrill(request) {
      const inputs = readDrill(request.logPath, request.scenarioPath, typed);
      const drill = new DrillSession(randomUUID(), inputs.events, inputs.drill, dirname(request.logPath), systemClock);
      drills.set(drill.drillId, drill);
      return drill.state();
    },
    async answerDrill(drillId, answer) {
      return drillOf(drillId).answer(answer);
    },
    async getDrillView(drillId, query) {
      return drillOf(drillId).view(query);
    },
  };
}
