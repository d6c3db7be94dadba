/**
 * One rehearsal on this machine: the real adapters wired into the run spine, events appended to
 * `<out>/events.jsonl` as they happen, and the report files written from the log at the end.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { RunEvent } from '../../../contract/events';
import type { ReadinessReport, ReportFormat, Verdict } from '../../../contract/report';
import type { EventWriter } from '../../common/ports/eventSink';
import type { RunControl } from '../../common/run/control';
import { EventLog } from '../../common/run/eventLog';
import type { InputError } from '../../common/run/inputError';
import type { Phase } from '../../common/run/phase';
import { rehearse, type CarriedChecks } from '../../common/run/rehearse';
import type { ScenarioFile } from '../../common/scenario/scenarioFile';
import type { RunPorts } from '../../common/run/environment';
import { servingBackends } from '../docker/servingBackends';
import { openSnapshot } from '../duckdb/snapshotReader';
import { EventFileWriter } from '../files/eventFile';
import { runLoad } from '../load/runLoad';
import { fileLockStore } from '../locks/lockStore';
import { folderFeaturePipelines } from '../model/featurePipelines';
import { fileModelStore } from '../model/modelStore';
import { fileRuntimeStore } from '../runtime/runtimeStore';
import type { PdfPrinter } from '../report/pdf/chromiumPrinter';
import { writeReport, type WrittenReport } from '../report/writeReport';
import { setContainerRun } from '../docker/containerOwner';
import { serverRig } from '../rollout/serverRig';
import { machineInfo, runtimeVersions } from './machine';
import { systemClock } from './systemClock';

/** A run on this machine: where it writes, its options, and how a face listens to and drives it. */
export interface RunOptions {
  readonly outDir: string;
  readonly executionProvider?: 'cpu' | 'cuda';
  readonly allowUnverified?: boolean;
  /** Extra listeners besides events.jsonl (the terminal's progress, the UI's event stream): the one way to listen to a run. */
  readonly writers?: readonly EventWriter[];
  /** Pause, step, speed, promote, roll back and stop (the app, a signal): the one way to drive a run. */
  readonly control?: RunControl;
  /** Recorded right after `run.started` (what the run does with the choices it was given). */
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
  /** Only these phases (a what-if); every phase the scenario enables when absent. */
  readonly phases?: readonly Phase[];
  /** A what-if's checks carried over from the run it came from. */
  readonly carried?: CarriedChecks;
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

/** The real adapters: DuckDB, onnxruntime, model folders, lock files, model servers, the load generator and the router. */
export function machinePorts(options: Pick<RunOptions, 'dockerSocket'> = {}): RunPorts {
  return {
    clock: systemClock,
    models: fileModelStore(),
    features: folderFeaturePipelines(),
    snapshots: { open: openSnapshot },
    locks: fileLockStore(),
    runtimes: fileRuntimeStore(),
    serving: servingBackends(options.dockerSocket === undefined ? {} : { socketPath: options.dockerSocket }),
    load: { run: (plan, hooks) => runLoad(plan, undefined, hooks) },
    rollout: serverRig(),
  };
}

/** Runs a validated scenario to its verdict and writes the run directory. */
export async function runScenario(file: ScenarioFile, options: RunOptions): Promise<RunResult> {
  const eventsPath = join(options.outDir, 'events.jsonl');
  const writer = new EventFileWriter(eventsPath);
  const log = new EventLog(systemClock, [writer, ...(options.writers ?? [])]);
  const runId = options.runId ?? randomUUID();
  // Its containers carry the run's id, so one left by a killed run is known as that run's.
  setContainerRun(runId);
  try {
    const outcome = await rehearse({
      file,
      ports: machinePorts(options),
      options: {
        runId,
        machine: machineInfo(),
        versions: runtimeVersions(),
        executionProvider: options.executionProvider ?? 'cpu',
        allowUnverified: options.allowUnverified ?? false,
        ...(options.backend ? { backend: options.backend } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.notices ? { notices: options.notices } : {}),
      },
      log,
      ...(options.control ? { control: options.control } : {}),
      ...(options.phases ? { phases: options.phases } : {}),
      ...(options.carried ? { carried: options.carried } : {}),
    });
    // A stopped run is left within seconds: the PDF (Chromium starting and printing) waits for `rehearse report`.
    const asked = options.formats ?? file.scenario.outputs.formats;
    const stopped = options.control?.stopped() === true && asked.includes('pdf');
    const written = await writeReport(log.events, options.outDir, {
      formats: stopped ? asked.filter((f) => f !== 'pdf') : asked,
      ...(options.printer ? { printer: options.printer } : {}),
    });
    const { report, files } = written;
    const skipped = stopped
      ? [
          ...written.skipped,
          { format: 'pdf' as const, reason: `the run was stopped; print it with rehearse report ${eventsPath} --out ${options.outDir} --formats pdf` },
        ]
      : written.skipped;
    return { verdict: outcome.verdict, inputError: outcome.inputError, report, eventsPath, files: [eventsPath, ...files], skipped, events: log.events };
  } finally {
    writer.close();
  }
}
