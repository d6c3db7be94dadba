/**
 * The load phase (DESIGN.md, "The shape of a rehearsal"): the scenario's load, in real time,
 * against the model server under each resource profile in turn (staging, then production), on the
 * backend the run resolved for each. Its evidence: `profiles.compared`, a `load.result` per
 * profile, and, where the scenario injects server faults into production's load
 * (`monitoring/faultedLoad.ts`), their detections; the spine decides `load-sla`,
 * `infrastructure-parity` and `monitoring-coverage` from them. The records sent are production's
 * window, read once through the run's production snapshot.
 */
import type { LoadMeasured, ServerStopped } from '../../../../contract/events';
import type { ResourceProfile } from '../../../../contract/profiles';
import type { ProfileRun } from '../../checks/infrastructureParity';
import { payloadRecordLimit, readPayloadRecords, type PayloadRecords } from '../../load/payloadRecords';
import type { LoadPlan } from '../../load/loadPlan';
import { targetRps } from '../../load/targetRate';
import { runFaultedLoad } from '../../monitoring/faultedLoad';
import { DEFAULT_P99_MS } from '../../monitoring/monitoringPlan';
import type { LoadPort, ProfileServer, ServingHooks, ServingPort } from '../../ports/serving';
import { diffDeployments, diffProfiles } from '../../profiles/profileDiff';
import { profilePrivilegeNotes } from '../../profiles/hostPrivileges';
import { profileOnHost, type ProfileOnHost } from '../../profiles/reproducibility';
import { defaultProfile, resolveProfiles } from '../../profiles/resourceProfile';
import { budgetsOf, liveAlertsOf } from '../../scenario/sections/alerts';
import { loadPlanOf, type LoadSection } from '../../scenario/sections/load';
import { backendOf } from '../backends';
import { isInputError } from '../inputError';
import type { Phase, PhaseContext } from '../phase';
import { ProgressTask } from '../progress';

export const loadPhase: Phase = {
  id: 'load',
  enabled: (scenario) => scenario.load !== undefined,
  async run(context: PhaseContext): Promise<void> {
    const { file, ports, log, backends } = context;
    const { scenario } = file;
    const load = scenario.load!;
    if (ports.serving === undefined || ports.load === undefined) {
      throw new Error('this environment has no model servers or load generator to run the load phase with');
    }
    const profiles = scenario.profiles
      ? resolveProfiles(scenario.profiles, file.deployments ?? {})
      : [defaultProfile(context.options.profile ?? 'production', backends.profiles[0]?.backend ?? 'embedded')];
    const host = await ports.serving.host();
    const fitted = profiles.map((profile) => profileOnHost(profile, host));
    if (scenario.profiles) {
      log.append({
        kind: 'profiles.compared',
        profiles,
        differences: differencesOf(context, profiles),
        // What a Deployment asks of its host (privileged, host network, root, ...) is never granted to a rehearsal's containers.
        notReproduced: [...fitted.flatMap((f) => f.notReproduced), ...profiles.flatMap((p) => profilePrivilegeNotes(p, file.deployments ?? {}))],
        bound: scenario.profiles.bound,
      });
    }
    const role: 'blue' | 'green' = scenario.models.green ? 'green' : 'blue';
    const model = { role, path: scenario.models[role]!.path, name: `${role} ${scenario.models[role]!.name ?? scenario.models[role]!.path}` };
    const records = await payloadOf(context, load, role);
    for (const [i, profile] of profiles.entries()) {
      if ((await context.control.checkpoint()) === 'stop') {
        break;
      }
      const job = {
        profile,
        fitted: fitted[i]!,
        backend: backendOf(backends, profile.name),
        model,
        load,
        records,
        context,
        serving: ports.serving,
        generator: ports.load,
      };
      log.append({ kind: 'load.result', ...(await runProfile(job)) });
    }
  },
};

/** What staging and production differ in: their Deployment files, else their profiles. */
function differencesOf(context: PhaseContext, profiles: readonly ResourceProfile[]) {
  const [staging, production] = profiles;
  const deployments = context.file.deployments;
  if (staging === undefined || production === undefined) {
    return [];
  }
  return staging.deployment !== null && production.deployment !== null
    ? diffDeployments(deployments![staging.deployment]!, deployments![production.deployment]!)
    : diffProfiles(staging, production);
}

/**
 * The records every profile's load sends: rows of production's window, read once through the
 * run's snapshot. A model without feature pipelines whose scenario maps each input to a column is
 * served by input name, so its records carry each mapped column under its input's name.
 */
async function payloadOf(context: PhaseContext, load: LoadSection, role: 'blue' | 'green'): Promise<PayloadRecords | null> {
  if (load.payload === 'numeric') {
    return null;
  }
  const production = await context.data.production();
  const read = await readPayloadRecords(production.source, {
    from: production.section.from,
    to: production.section.to,
    order: load.order,
    limit: payloadRecordLimit(targetRps(load), load.duration),
    seed: load.seed,
    where: 'snapshots.production',
  });
  const inputs = context.file.scenario.models[role]?.inputs;
  const model = context.state.models.find((m) => m.role === role);
  if (inputs === undefined || Array.isArray(inputs) || model?.features !== null) {
    return read;
  }
  const byInput = Object.entries(inputs as Readonly<Record<string, string>>);
  const records = read.records.map((record) => Object.fromEntries(byInput.map(([input, column]) => [input, record[column] ?? null])));
  return { ...read, records, description: `${read.description}, as the model's inputs (${byInput.map(([i, c]) => `${i} <- ${c}`).join(', ')})` };
}

interface ProfileJob {
  readonly profile: ResourceProfile;
  readonly fitted: ProfileOnHost;
  readonly backend: 'docker' | 'embedded';
  readonly model: { readonly role: 'blue' | 'green'; readonly path: string; readonly name: string };
  readonly load: LoadSection;
  /** Production's records to send, or null for numeric bodies. */
  readonly records: PayloadRecords | null;
  readonly context: PhaseContext;
  readonly serving: ServingPort;
  readonly generator: LoadPort;
}

type RunBase = Omit<ProfileRun, 'result' | 'oomKilled' | 'peakMemoryBytes' | 'serverEnd' | 'error'>;

/** Starts the server under one profile, runs the load against it, stops it, and says how it went. */
async function runProfile(job: ProfileJob): Promise<ProfileRun> {
  const { profile, fitted, backend } = job;
  const limits = { memoryBytes: fitted.memoryBytes, cpus: fitted.cpus, gpus: fitted.gpus };
  const base: RunBase = { profile: profile.name, backend, model: job.model.name, limits, maxBatch: profile.maxBatch };
  const started = await startServer(job, limits);
  if ('error' in started) {
    const stop = started.lastStop;
    return {
      ...base,
      result: null,
      oomKilled: backend === 'docker' ? (stop?.oomKilled ?? false) : null,
      peakMemoryBytes: null,
      serverEnd: stop?.message ?? null,
      error: started.error,
    };
  }
  const { server } = started;
  if (server.image !== null) {
    job.context.log.append({ kind: 'image.ready', profile: profile.name, ...server.image });
  }
  let result: LoadMeasured['result'] = null;
  let failure: unknown = null;
  try {
    result = await sendLoad(job, server, loadPlanOf(job.load, server.url, job.records));
  } catch (error) {
    failure = error;
  }
  const peakMemoryBytes = await server.memoryPeakBytes();
  const stopped = await server.stop();
  if (failure !== null && isInputError(failure)) {
    throw failure; // the scenario's load cannot be sent (its payload, its model): bad input, exit 2
  }
  return {
    ...base,
    result,
    oomKilled: backend === 'docker' ? (stopped.oomKilled ?? false) : null,
    peakMemoryBytes,
    serverEnd: stopped.message,
    error: failure === null ? null : firstLine(failure),
  };
}

/** The server of one profile, started with its events and its image build's progress in the log; or why it never answered. */
async function startServer(
  job: ProfileJob,
  limits: ProfileRun['limits'],
): Promise<{ readonly server: ProfileServer } | { readonly error: string; readonly lastStop: ServerStopped | null }> {
  const { profile, context } = job;
  const { log } = context;
  const tasks = new Map<string, { task: ProgressTask; done: number }>();
  let lastStop: ServerStopped | null = null;
  const hooks: ServingHooks = {
    onEvent: (event) => {
      log.append(event);
      if (event.kind === 'server.stopped') {
        lastStop = event;
      }
    },
    onProgress: (progress) => {
      if (progress.total === null) {
        return;
      }
      let entry = tasks.get(progress.label);
      if (entry === undefined) {
        const task = `docker.${progress.unit === 'bytes' ? 'import' : 'build'}.${profile.name}`;
        entry = { task: new ProgressTask(log, { task, phase: 'load', label: progress.label, total: progress.total, unit: progress.unit }), done: 0 };
        tasks.set(progress.label, entry);
      }
      entry.task.advance(progress.done - entry.done);
      entry.done = progress.done;
    },
  };
  const request = {
    modelPath: job.model.path,
    label: `${job.model.role}@${profile.name}`,
    backend: job.backend,
    limits,
    maxBatch: profile.maxBatch,
    maxQueueDelayMs: profile.maxQueueDelayMs,
    timeoutMs: profile.timeoutMs,
    executionProvider: profile.executionProvider,
    allowUnverified: context.options.allowUnverified,
  };
  try {
    return { server: await job.serving.start(request, hooks) };
  } catch (error) {
    return { error: firstLine(error), lastStop };
  } finally {
    for (const { task } of tasks.values()) {
      task.finish();
    }
  }
}

/** The load of one profile; production's (or the only profile's) carries the scenario's server faults. */
async function sendLoad(job: ProfileJob, server: ProfileServer, plan: LoadPlan): Promise<LoadMeasured['result']> {
  const { context, profile } = job;
  const { scenario } = context.file;
  if (scenario.faults.length === 0 || (scenario.profiles !== undefined && profile.name !== 'production')) {
    return job.generator.run(plan);
  }
  const live = liveAlertsOf(scenario.alerts);
  return runFaultedLoad({
    faults: scenario.faults,
    server,
    label: `${job.model.role}@${profile.name}`,
    role: job.model.role,
    model: job.model.name,
    generator: job.generator,
    plan,
    clock: context.ports.clock,
    log: context.log,
    layer1: { rateWindowMs: live.rateWindow, forMs: live.for, errorRatio: live.errorRatio, p99Ms: live.p99 ?? job.load.sla ?? DEFAULT_P99_MS },
    budgets: budgetsOf(scenario.alerts),
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
