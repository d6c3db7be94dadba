/**
 * The load phase (issues 6 and 7; DESIGN.md, "The shape of a rehearsal"): the scenario's load,
 * in real time, against the model server under each resource profile in turn (staging, then
 * production), on the Docker backend when an engine answers and the embedded one otherwise. Each
 * profile's run becomes a `load.result` event; `load-sla` is resolved from production's and
 * `infrastructure-parity` from the pair. The scenario's server `faults` act during production's
 * load (`monitoring/faultedLoad.ts`), and then this phase resolves `monitoring-coverage`.
 */
import type { LoadMeasured, ServerStopped } from '../../../../contract/events';
import type { ResourceProfile } from '../../../../contract/profiles';
import type { ReadinessCheck } from '../../../../contract/report';
import { CHECK_TITLES, notRunCheck } from '../../checks/catalog';
import { infrastructureParityCheck, type ProfileRun } from '../../checks/infrastructureParity';
import { loadSlaCheck } from '../../checks/loadSla';
import { payloadRecordLimit, readPayloadRecords, type PayloadRecords } from '../../load/payloadRecords';
import { targetRps } from '../../load/targetRate';
import { coverageWaitsForLoad, resolveCoverageAfterLoad } from '../../monitoring/coverage';
import { runFaultedLoad } from '../../monitoring/faultedLoad';
import { DEFAULT_P99_MS } from '../../monitoring/monitoringPlan';
import type { LoadPort, ServingPort } from '../../ports/serving';
import { diffDeployments, diffProfiles } from '../../profiles/profileDiff';
import { profileOnHost, type ProfileOnHost } from '../../profiles/reproducibility';
import { defaultProfile, resolveProfiles } from '../../profiles/resourceProfile';
import { budgetsOf, liveAlertsOf } from '../../scenario/sections/alerts';
import { loadPlanOf, type LoadSection } from '../../scenario/sections/load';
import type { EventLog } from '../eventLog';
import { isInputError } from '../inputError';
import type { Phase, PhaseContext } from '../phase';
import { ProgressTask } from '../progress';

export const loadPhase: Phase = {
  id: 'load',
  checks: ['load-sla', 'infrastructure-parity'],
  enabled: (scenario) => scenario.load !== undefined,
  async run(context: PhaseContext): Promise<void> {
    const { file, env, log } = context;
    const { scenario } = file;
    const load = scenario.load!;
    if (env.serving === undefined || env.load === undefined) {
      throw new Error('this environment has no model servers or load generator to run the load phase with');
    }
    const profiles = scenario.profiles
      ? resolveProfiles(scenario.profiles, file.deployments ?? {})
      : [defaultProfile(env.profile ?? 'production', env.backend ?? 'docker')];
    const host = await env.serving.host();
    const fitted = profiles.map((profile) => profileOnHost(profile, host));
    const notReproduced = fitted.flatMap((f) => f.notReproduced);
    const [staging, production] = profiles;
    const differences =
      staging !== undefined && production !== undefined
        ? staging.deployment !== null && production.deployment !== null
          ? diffDeployments(file.deployments![staging.deployment]!, file.deployments![production.deployment]!)
          : diffProfiles(staging, production)
        : [];
    if (scenario.profiles) {
      log.append({ kind: 'profiles.compared', profiles, differences, notReproduced, bound: scenario.profiles.bound });
    }

    const role: 'blue' | 'green' = scenario.models.green ? 'green' : 'blue';
    const model = { role, path: scenario.models[role]!.path, name: `${role} ${scenario.models[role]!.name ?? scenario.models[role]!.path}` };
    const backends = backendChooser(env.serving, log, env.backend);
    const records = await payloadOf(context, load);
    const runs: ProfileRun[] = [];
    for (const [i, profile] of profiles.entries()) {
      if ((await context.control.checkpoint()) === 'stop' || context.stopped()) {
        break;
      }
      const backend = await backends.choose(profile);
      const run = await runProfile({ profile, fitted: fitted[i]!, backend, model, load, records, context, serving: env.serving, generator: env.load });
      log.append({ kind: 'load.result', ...run });
      runs.push(run);
    }

    if (coverageWaitsForLoad(scenario) && !context.stopped()) {
      resolveCoverageAfterLoad(context, { role, model: scenario.models[role]!.name ?? scenario.models[role]!.path });
    }

    const productionRun = runs.find((r) => r.profile === 'production') ?? (scenario.profiles ? undefined : runs[0]);
    if (productionRun !== undefined) {
      log.append({ kind: 'check.resolved', check: loadSla(productionRun, load) });
    }
    const stagingRun = runs.find((r) => r.profile === 'staging');
    if (!scenario.profiles) {
      log.append({ kind: 'check.resolved', check: notRunCheck('infrastructure-parity') });
    } else if (stagingRun !== undefined && productionRun !== undefined) {
      log.append({
        kind: 'check.resolved',
        check: infrastructureParityCheck({
          staging: stagingRun,
          production: productionRun,
          differences,
          notReproduced,
          bound: scenario.profiles.bound,
          slaMs: load.sla,
        }),
      });
    }
  },
};

/** The backend of each profile: the person's choice, else the profile's; Docker only when an engine answers. */
function backendChooser(
  serving: ServingPort,
  log: EventLog,
  chosen: 'docker' | 'embedded' | undefined,
): { choose(profile: ResourceProfile): Promise<'docker' | 'embedded'> } {
  let status: Awaited<ReturnType<ServingPort['dockerStatus']>> | null = null;
  return {
    async choose(profile) {
      const wanted = chosen ?? profile.backend;
      if (wanted === 'embedded') {
        return 'embedded';
      }
      status ??= await serving.dockerStatus();
      if (status.available) {
        return 'docker';
      }
      log.append({
        kind: 'notice',
        level: 'warn',
        message: `${status.reason}. The ${profile.name} profile runs on the embedded backend instead, where its memory limit is not enforced (memory not capped: embedded backend).`,
      });
      return 'embedded';
    },
  };
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

/** Starts the server under one profile, runs the load against it, stops it, and says how it went. */
async function runProfile(job: ProfileJob): Promise<ProfileRun> {
  const { profile, fitted, backend, context } = job;
  const { log, file, env } = context;
  const limits = { memoryBytes: fitted.memoryBytes, cpus: fitted.cpus, gpus: fitted.gpus };
  const base: Omit<ProfileRun, 'result' | 'oomKilled' | 'peakMemoryBytes' | 'serverEnd' | 'error'> = {
    profile: profile.name,
    backend,
    model: job.model.name,
    limits,
    maxBatch: profile.maxBatch,
  };
  const label = `${job.model.role}@${profile.name}`;
  const tasks = new Map<string, { task: ProgressTask; done: number }>();
  let lastStop: ServerStopped | null = null;
  let server;
  try {
    server = await job.serving.start(
      {
        modelPath: job.model.path,
        label,
        backend,
        limits,
        maxBatch: profile.maxBatch,
        maxQueueDelayMs: profile.maxQueueDelayMs,
        timeoutMs: profile.timeoutMs,
        executionProvider: profile.executionProvider,
        allowUnverified: env.allowUnverified,
      },
      {
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
            entry = {
              task: new ProgressTask(log, {
                task: `docker.${progress.unit === 'bytes' ? 'import' : 'build'}.${profile.name}`,
                phase: 'load',
                label: progress.label,
                total: progress.total,
                unit: progress.unit,
              }),
              done: 0,
            };
            tasks.set(progress.label, entry);
          }
          entry.task.advance(progress.done - entry.done);
          entry.done = progress.done;
        },
      },
    );
  } catch (error) {
    const stop = lastStop as ServerStopped | null;
    return {
      ...base,
      result: null,
      oomKilled: backend === 'docker' ? (stop?.oomKilled ?? false) : null,
      peakMemoryBytes: null,
      serverEnd: stop?.message ?? null,
      error: firstLine(error),
    };
  } finally {
    for (const { task } of tasks.values()) {
      task.finish();
    }
  }
  if (server.image !== null) {
    log.append({ kind: 'image.ready', profile: profile.name, ...server.image });
  }
  let result: LoadMeasured['result'] = null;
  let failure: unknown = null;
  const plan = loadPlanOf(job.load, server.url, job.records);
  const faults = file.scenario.faults;
  try {
    if (faults.length > 0 && (file.scenario.profiles === undefined || profile.name === 'production')) {
      const live = liveAlertsOf(file.scenario.alerts);
      result = await runFaultedLoad({
        faults,
        server,
        label,
        role: job.model.role,
        model: job.model.name,
        generator: job.generator,
        plan,
        clock: env.clock,
        log,
        layer1: { rateWindowMs: live.rateWindow, forMs: live.for, errorRatio: live.errorRatio, p99Ms: live.p99 ?? job.load.sla ?? DEFAULT_P99_MS },
        budgets: budgetsOf(file.scenario.alerts),
      });
    } else {
      result = await job.generator.run(plan);
    }
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

/** The records every profile's load sends: rows of production's window, read once through the run's snapshot. */
async function payloadOf(context: PhaseContext, load: LoadSection): Promise<PayloadRecords | null> {
  if (load.payload === 'numeric') {
    return null;
  }
  const production = await context.data.production();
  return readPayloadRecords(production.source, {
    from: production.section.from,
    to: production.section.to,
    order: load.order,
    limit: payloadRecordLimit(targetRps(load), load.duration),
    seed: load.seed,
    where: 'snapshots.production',
  });
}

/** `load-sla` from production's run; a server that never answered fails it with the reason. */
function loadSla(run: ProfileRun, load: LoadSection): ReadinessCheck {
  if (run.result === null) {
    return {
      id: 'load-sla',
      title: CHECK_TITLES['load-sla'],
      status: 'FAIL',
      observed: `The ${run.profile} server never answered, so no load could be sent: ${run.error ?? run.serverEnd ?? 'no reason recorded'}.`,
      threshold: `p99 <= ${load.sla} ms at ${targetRps(load)} rps under the production profile, with no errors, timeouts, drops or OOM kill`,
      evidence: [
        { label: 'profile', value: run.profile },
        { label: 'backend', value: run.backend },
        { label: 'OOM killed', value: run.oomKilled },
        { label: 'memory limit', value: run.limits.memoryBytes, unit: 'bytes' },
      ],
      next:
        run.oomKilled === true
          ? 'The model does not fit the memory limit even before any load: raise the limit or shrink the model.'
          : 'Fix what kept the server from starting (see the run errors), then rehearse again.',
    };
  }
  return loadSlaCheck({
    result: run.result,
    load,
    slaMs: load.sla,
    profile: run.profile,
    backend: run.backend,
    oomKilled: run.oomKilled,
    ...(run.peakMemoryBytes !== null ? { peakMemoryBytes: run.peakMemoryBytes } : {}),
    ...(run.limits.memoryBytes !== null ? { memoryLimitBytes: run.limits.memoryBytes } : {}),
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
