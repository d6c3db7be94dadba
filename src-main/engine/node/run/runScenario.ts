/**
 * One rehearsal on this machine: the real adapters wired into the run spine, events appended to
 * `<out>/events.jsonl` as they happen, and the report files written from the log at the end.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { RunEvent, RunEventBody } from '../../../contract/events';
import type { ReadinessReport, ReportFormat, Verdict } from '../../../contract/report';
import type { EventWriter } from '../../common/ports/eventSink';
import type { RunControl } from '../../common/run/control';
import { EventLog } from '../../common/run/eventLog';
import type { InputError } from '../../common/run/inputError';
import { rehearse } from '../../common/run/rehearse';
import type { ScenarioFile } from '../../common/scenario/scenarioFile';
import { dockerStatus } from '../docker/dockerEngine';
import { servingBackends } from '../docker/servingBackends';
import { imageLockFile } from '../docker/servingLock';
import { openSnapshot } from '../duckdb/snapshotReader';
import { EventFileWriter } from '../files/eventFile';
import { runLoad } from '../load/runLoad';
import { fileLockStore, type ServingLockSource } from '../locks/lockStore';
import { fileModelStore } from '../model/modelStore';
import { fileRuntimeStore } from '../runtime/runtimeStore';
import type { PdfPrinter } from '../report/pdf/chromiumPrinter';
import { writeReport, type WrittenReport } from '../report/writeReport';
import { serverRig } from '../rollout/serverRig';
import { machineInfo, runtimeVersions } from './machine';
import { systemClock } from './systemClock';

export interface RunOptions {
  readonly outDir: string;
  readonly executionProvider?: 'cpu' | 'cuda';
  readonly allowUnverified?: boolean;
  /** Extra listeners (the UI's event stream). */
  readonly writers?: readonly EventWriter[];
  readonly announce?: (body: RunEventBody) => void;
  readonly stopped?: () => boolean;
  /** Pause, step, speed, promote, roll back from the app. */
  readonly control?: RunControl;
  /** Recorded right after `run.started` (choices this version does not act on). */
  readonly notices?: readonly string[];
  readonly runId?: string;
  /** The backend chosen for every profile (`--backend`, the app); each profile's own when absent. */
  readonly backend?: 'embedded' | 'docker';
  /** The profile chosen: names the single profile of a scenario that has `load` but no `profiles`. */
  readonly profile?: 'staging' | 'production';
  /** Where the Docker engine is (a unix socket); DOCKER_HOST or the default socket when absent. */
  readonly dockerSocket?: string;
  /** Report formats to write instead of the scenario's `outputs.formats`. */
  readonly formats?: readonly ReportFormat[];
  /** How report.pdf is printed; Chromium on this machine by default. */
  readonly printer?: PdfPrinter | { readonly unavailable: string };
}

export interface RunResult {
  readonly verdict: Verdict;
  readonly inputError: InputError | null;
  readonly report: ReadinessReport;
  readonly eventsPath: string;
  readonly files: readonly string[];
  /** Report formats the scenario asked for that could not be written, with the reason. */
  readonly skipped: WrittenReport['skipped'];
  readonly events: readonly RunEvent[];
}

/**
 * Whose lock the dependency check reads as the serving lock: the Docker image's when production
 * will run in a container (the run's backend, else the production profile's, and an engine that
 * answers), this project's own install otherwise (docs/ARCHITECTURE.md, "Dependencies").
 */
async function servingLockSource(file: ScenarioFile, options: RunOptions): Promise<ServingLockSource> {
  const { scenario } = file;
  const wanted = options.backend ?? scenario.profiles?.production.backend ?? (scenario.load !== undefined ? 'docker' : 'embedded');
  if (wanted !== 'docker' || !(await dockerStatus(options.dockerSocket)).available) {
    return { backend: 'embedded' };
  }
  return { backend: 'docker', servingLock: imageLockFile() };
}

/** Runs a validated scenario to its verdict and writes the run directory. */
export async function runScenario(file: ScenarioFile, options: RunOptions): Promise<RunResult> {
  const eventsPath = join(options.outDir, 'events.jsonl');
  const writer = new EventFileWriter(eventsPath);
  const log = new EventLog(systemClock, [writer, ...(options.writers ?? [])]);
  try {
    const outcome = await rehearse(
      file,
      {
        runId: options.runId ?? randomUUID(),
        clock: systemClock,
        models: fileModelStore(),
        snapshots: { open: openSnapshot },
        locks: fileLockStore(await servingLockSource(file, options)),
        runtimes: fileRuntimeStore(),
        machine: machineInfo(),
        versions: runtimeVersions(),
        executionProvider: options.executionProvider ?? 'cpu',
        allowUnverified: options.allowUnverified ?? false,
        rollout: serverRig(),
        ...(options.announce ? { announce: options.announce } : {}),
        serving: servingBackends(options.dockerSocket === undefined ? {} : { socketPath: options.dockerSocket }),
        load: { run: (plan, hooks) => runLoad(plan, undefined, hooks) },
        ...(options.backend ? { backend: options.backend } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
      },
      log,
      {
        ...(options.stopped ? { stopped: options.stopped } : {}),
        ...(options.control ? { control: options.control } : {}),
        ...(options.notices ? { notices: options.notices } : {}),
      },
    );
    const { report, files, skipped } = await writeReport(log.events, options.outDir, {
      formats: options.formats ?? file.scenario.outputs.formats,
      ...(options.printer ? { printer: options.printer } : {}),
    });
    return { verdict: outcome.verdict, inputError: outcome.inputError, report, eventsPath, files: [eventsPath, ...files], skipped, events: log.events };
  } finally {
    writer.close();
  }
}
