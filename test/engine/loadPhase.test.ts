/**
 * The load phase and `infrastructure-parity` on in-memory ports: servers that answer at
 * a set throughput, and a load generator that reads it. The real backends have their own tests
 * (test/integration/docker.test.ts, test/timing/profileParity.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { LoadMeasured, RunEvent, ServerStopped } from '../../src-main/contract/events';
import type { LoadResult } from '../../src-main/contract/load';
import { infrastructureParityCheck, type ProfileRun } from '../../src-main/engine/common/checks/infrastructureParity';
import type { ProfileServerRequest, ServingPort } from '../../src-main/engine/common/ports/serving';
import { latencyLoadData } from '../../src-main/engine/common/report/charts/latencyLoadData';
import { EventLog } from '../../src-main/engine/common/run/eventLog';
import { loadPhase } from '../../src-main/engine/common/run/phases/load';
import { preflightPhase } from '../../src-main/engine/common/run/phases/preflight';
import { rehearse } from '../../src-main/engine/common/run/rehearse';
import { parseScenarioText } from '../../src-main/engine/common/scenario/parse';
import type { ScenarioFile } from '../../src-main/engine/common/scenario/scenarioFile';
import { loadResultAt } from './load/fixtures';
import { memoryEnvironment, memoryModelStore, memorySnapshotStore, memoryWriter, steppingClock } from '../support/memoryPorts';

const MIB = 2 ** 20;

/** What each in-memory server does under a profile: its throughput and p99, its peak memory, or an OOM kill. */
interface Behaviour {
  readonly rps: number;
  readonly p99Ms: number;
  readonly peakMib: number;
  readonly oomKilled?: boolean;
  readonly neverStarts?: string;
}

/** Servers keyed by profile name (from the label `blue@<profile>`); records every request. */
function memoryServing(
  behaviour: Record<string, Behaviour>,
  docker: boolean,
  requests: ProfileServerRequest[] = [],
): { serving: ServingPort; load: { run(plan: { url: string }): Promise<LoadResult> } } {
  return {
    serving: {
      dockerStatus: async () =>
        docker ? { available: true } : { available: false, reason: 'Docker unavailable: no engine answered at unix:///nowhere (connect ENOENT)' },
      host: async () => ({ cpus: 2, memoryBytes: 8 * 2 ** 30, gpus: [] }),
      async start(request, hooks) {
        requests.push(request);
        const profile = request.label.split('@')[1]!;
        const b = behaviour[profile]!;
        const stopped: ServerStopped = b.oomKilled
          ? {
              kind: 'server.stopped',
              label: request.label,
              requested: false,
              exitCode: 137,
              signal: null,
              message: 'was OOM-killed: the kernel ended it at its memory limit (exit code 137)',
              oomKilled: true,
            }
          : {
              kind: 'server.stopped',
              label: request.label,
              requested: true,
              exitCode: 0,
              signal: null,
              message: 'stopped as asked',
              ...(request.backend === 'docker' ? { oomKilled: false } : {}),
            };
        if (b.neverStarts !== undefined) {
          hooks.onEvent(stopped);
          throw new Error(b.neverStarts);
        }
        return {
          url: `http://127.0.0.1/${profile}`,
          image:
            request.backend === 'docker'
              ? {
                  tag: 'rehearsal-serve:m1',
                  id: 'sha256:1',
                  sizeBytes: 150e6,
                  built: profile === 'staging',
                  baseImported: false,
                  durationMs: 4000,
                  modelSha256: 'a'.repeat(64),
                  lockSha256: 'b'.repeat(64),
                }
              : null,
          memoryPeakBytes: async () => b.peakMib * MIB,
          setFaults: async (faults) => faults,
          clearFaults: async () => ({ seed: 1 }),
          stop: async () => {
            hooks.onEvent(stopped);
            return stopped;
          },
        };
      },
    },
    load: {
      async run(plan) {
        const b = behaviour[plan.url.split('/').at(-1)!]!;
        return loadResultAt(600, b.p99Ms, {
          achievedRps: b.rps,
          slaMs: 500,
          plannedRps: 600,
          targetRps: 600,
          ...(b.oomKilled ? { errors: 50, errorKinds: { ECONNREFUSED: 50 } } : {}),
        });
      },
    },
  };
}

function scenario(profiles: string): ScenarioFile {
  const parsed = parseScenarioText(
    `name: profiles\nmodels:\n  blue:\n    path: blue\n    inputs: [a, b]\nsnapshots:\n  production:\n    path: s\n    timestamp: t\n${profiles}load:\n  peakRps: 200\n  duration: 2s\n  sla: 500ms\n  payload: numeric\n`,
    's.yaml',
  );
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.issues));
  }
  return { path: '/s.yaml', scenario: parsed.scenario };
}

const TWO_PROFILES = 'profiles:\n  staging:\n    memory: 2Gi\n    maxBatch: 256\n  production:\n    memory: 256Mi\n    maxBatch: 1\n';

async function run(
  file: ScenarioFile,
  behaviour: Record<string, Behaviour>,
  options: { docker?: boolean; backend?: 'docker' | 'embedded'; requests?: ProfileServerRequest[] } = {},
): Promise<RunEvent[]> {
  const writer = memoryWriter();
  const { serving, load } = memoryServing(behaviour, options.docker ?? true, options.requests);
  const env = memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1, -1] } }), memorySnapshotStore({ a: [0, 1], b: [1, 0] }, [0, 1]), {
    serving,
    load: load as never,
    ...(options.backend ? { backend: options.backend } : {}),
  });
  await rehearse({ file: file, ...env, log: new EventLog(steppingClock(), [writer]), phases: [preflightPhase, loadPhase] });
  return writer.events;
}

function check(events: readonly RunEvent[], id: string) {
  const found = events.filter((e) => e.kind === 'check.resolved').find((e) => e.kind === 'check.resolved' && e.check.id === id);
  return found?.kind === 'check.resolved' ? found.check : undefined;
}

describe('the load phase', () => {
  it('runs the load under staging then production in containers with each profile’s limits, one load.result each', async () => {
    const requests: ProfileServerRequest[] = [];
    const events = await run(
      scenario(TWO_PROFILES),
      { staging: { rps: 600, p99Ms: 300, peakMib: 900 }, production: { rps: 120, p99Ms: 2000, peakMib: 130 } },
      { requests },
    );
    expect(requests.map((r) => [r.label, r.backend, r.limits.memoryBytes, r.maxBatch])).toEqual([
      ['blue@staging', 'docker', 2 * 2 ** 30, 256],
      ['blue@production', 'docker', 256 * MIB, 1],
    ]);
    const results = events.filter((e): e is RunEvent & LoadMeasured => e.kind === 'load.result');
    expect(results.map((r) => [r.profile, r.backend, r.result?.achievedRps, r.peakMemoryBytes, r.oomKilled])).toEqual([
      ['staging', 'docker', 600, 900 * MIB, false],
      ['production', 'docker', 120, 130 * MIB, false],
    ]);
    expect(events.filter((e) => e.kind === 'image.ready').map((e) => e.kind === 'image.ready' && [e.profile, e.built])).toEqual([
      ['staging', true],
      ['production', false],
    ]);
    expect(events.find((e) => e.kind === 'profiles.compared')).toMatchObject({ differences: [{ field: 'memory' }, { field: 'maxBatch' }], bound: 0.2 });
    // The throughput drop is the finding, with the differences that explain it.
    const parity = check(events, 'infrastructure-parity');
    expect(parity?.status).toBe('FAIL');
    expect(parity?.observed).toContain('throughput moved -80% from staging to production (600 rps -> 120 rps), past the 20% bound');
    expect(parity?.observed).toContain('memory: staging 2 GiB, production 256 MiB; maxBatch: staging 256, production 1');
    expect(check(events, 'load-sla')).toMatchObject({ status: 'FAIL' });
    expect(check(events, 'load-sla')?.observed).toContain('under the production profile (docker backend)');
  });

  it('feeds the latency-vs-load chart, one series per profile', async () => {
    const events = await run(scenario(TWO_PROFILES), { staging: { rps: 600, p99Ms: 300, peakMib: 900 }, production: { rps: 590, p99Ms: 320, peakMib: 200 } });
    expect(latencyLoadData(events)).toEqual({
      measured: true,
      data: {
        slaMs: 500,
        profiles: [
          { name: 'staging', points: [{ rps: 600, p50Ms: 150, p95Ms: 270, p99Ms: 300 }] },
          { name: 'production', points: [{ rps: 590, p50Ms: 160, p95Ms: 288, p99Ms: 320 }] },
        ],
      },
    });
  });

  it('reports an OOM kill under production as such in both checks', async () => {
    const events = await run(scenario(TWO_PROFILES), {
      staging: { rps: 600, p99Ms: 300, peakMib: 900 },
      production: { rps: 100, p99Ms: 900, peakMib: 256, oomKilled: true },
    });
    expect(check(events, 'infrastructure-parity')?.observed).toMatch(/^production was OOM-killed at its 256 MiB memory limit; /);
    expect(check(events, 'load-sla')?.observed).toContain('the server was OOM-killed');
    const production = events.find((e) => e.kind === 'load.result' && e.profile === 'production');
    expect(production).toMatchObject({ oomKilled: true, serverEnd: 'was OOM-killed: the kernel ended it at its memory limit (exit code 137)' });
  });

  it('fails load-sla with the reason when production’s server never answers', async () => {
    const events = await run(scenario(TWO_PROFILES), {
      staging: { rps: 600, p99Ms: 300, peakMib: 900 },
      production: { rps: 0, p99Ms: 0, peakMib: 0, oomKilled: true, neverStarts: 'the model server exited before it answered: was OOM-killed' },
    });
    expect(events.find((e) => e.kind === 'load.result' && e.profile === 'production')).toMatchObject({
      result: null,
      oomKilled: true,
      error: 'the model server exited before it answered: was OOM-killed',
    });
    expect(check(events, 'load-sla')).toMatchObject({
      status: 'FAIL',
      observed: 'The production server never answered, so no load could be sent: the model server exited before it answered: was OOM-killed.',
    });
    expect(check(events, 'infrastructure-parity')?.status).toBe('FAIL');
  });

  it('falls back to the embedded backend without Docker, says why, and never passes the memory parts', async () => {
    const requests: ProfileServerRequest[] = [];
    const events = await run(
      scenario(TWO_PROFILES),
      { staging: { rps: 600, p99Ms: 300, peakMib: 300 }, production: { rps: 598, p99Ms: 310, peakMib: 120 } },
      { docker: false, requests },
    );
    expect(requests.map((r) => r.backend)).toEqual(['embedded', 'embedded']);
    expect(events.filter((e) => e.kind === 'notice').map((e) => e.kind === 'notice' && e.message)).toEqual([
      'Docker unavailable: no engine answered at unix:///nowhere (connect ENOENT). The staging profile runs on the embedded backend instead, where its memory limit is not enforced (memory not capped: embedded backend).',
      'Docker unavailable: no engine answered at unix:///nowhere (connect ENOENT). The production profile runs on the embedded backend instead, where its memory limit is not enforced (memory not capped: embedded backend).',
    ]);
    // Peak memory moved -60%, but nothing capped it: evidence, not a finding; never PASS.
    expect(check(events, 'infrastructure-parity')).toMatchObject({ status: 'WARN' });
    expect(check(events, 'infrastructure-parity')?.observed).toContain('memory not capped: embedded backend');
    expect(check(events, 'load-sla')).toMatchObject({ status: 'WARN' });
    expect(check(events, 'load-sla')?.observed).toContain('memory not capped: embedded backend');
  });

  it('passes infrastructure-parity only under Docker with nothing moved and nothing unreproduced', async () => {
    const events = await run(scenario(TWO_PROFILES), { staging: { rps: 600, p99Ms: 300, peakMib: 200 }, production: { rps: 598, p99Ms: 320, peakMib: 190 } });
    expect(check(events, 'infrastructure-parity')?.status).toBe('PASS');
    expect(check(events, 'load-sla')?.status).toBe('PASS');
  });

  it('warns about what this machine cannot reproduce rather than passing in silence', async () => {
    const file = scenario('profiles:\n  staging:\n    cpus: 1\n    gpuType: a100\n  production:\n    cpus: 8\n    gpuType: a10g\n');
    const requests: ProfileServerRequest[] = [];
    const events = await run(file, { staging: { rps: 600, p99Ms: 300, peakMib: 200 }, production: { rps: 600, p99Ms: 300, peakMib: 200 } }, { requests });
    expect(requests.map((r) => r.limits.cpus)).toEqual([1, 2]);
    const parity = check(events, 'infrastructure-parity');
    expect(parity?.status).toBe('WARN');
    expect(parity?.observed).toContain('production has a limit of 8 CPUs and this machine has 2: it runs with 2');
    expect(parity?.observed).toContain('staging is pinned to GPU type a100 and this machine has no GPU');
  });

  it('runs a scenario with a load but no profiles under the one profile chosen, and leaves parity NOT RUN', async () => {
    const writer = memoryWriter();
    const { serving, load } = memoryServing({ staging: { rps: 600, p99Ms: 100, peakMib: 100 } }, true);
    const env = memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1, -1] } }), memorySnapshotStore({ a: [0], b: [1] }, [0]), {
      serving,
      load: load as never,
      profile: 'staging',
      backend: 'embedded',
    });
    await rehearse({ file: scenario(''), ...env, log: new EventLog(steppingClock(), [writer]), phases: [preflightPhase, loadPhase] });
    expect(writer.events.filter((e) => e.kind === 'load.result').map((e) => e.kind === 'load.result' && [e.profile, e.backend])).toEqual([
      ['staging', 'embedded'],
    ]);
    expect(check(writer.events, 'infrastructure-parity')?.status).toBe('NOT RUN');
    expect(check(writer.events, 'load-sla')?.observed).toContain('measured under the staging profile, not production');
  });
});

describe('infrastructure-parity', () => {
  const run = (profile: string, rps: number, p99Ms: number, changes: Partial<ProfileRun> = {}): ProfileRun => ({
    profile,
    backend: 'docker',
    model: 'blue m',
    limits: { memoryBytes: 512 * MIB, cpus: null, gpus: null },
    maxBatch: 32,
    result: loadResultAt(rps, p99Ms),
    oomKilled: false,
    peakMemoryBytes: 200 * MIB,
    serverEnd: 'stopped as asked',
    error: null,
    ...changes,
  });

  it('ignores a p99 move smaller than bound x SLA in milliseconds, however large in percent', () => {
    const check = infrastructureParityCheck({
      staging: run('staging', 100, 2),
      production: run('production', 100, 6),
      differences: [],
      notReproduced: [],
      bound: 0.2,
      slaMs: 100,
    });
    expect(check.status).toBe('PASS');
    expect(check.observed).toContain('p99 +200%');
  });

  it('counts a move past a configured bound, in either direction', () => {
    const faster = { staging: run('staging', 100, 50), production: run('production', 140, 50), differences: [], notReproduced: [] as string[], slaMs: 100 };
    expect(infrastructureParityCheck({ ...faster, bound: 0.2 }).status).toBe('FAIL');
    expect(infrastructureParityCheck({ ...faster, bound: 0.5 }).status).toBe('PASS');
  });

  it('counts a peak memory move under Docker', () => {
    const check = infrastructureParityCheck({
      staging: run('staging', 100, 50),
      production: run('production', 100, 50, { peakMemoryBytes: 400 * MIB }),
      differences: [],
      notReproduced: [],
      bound: 0.2,
      slaMs: 100,
    });
    expect(check.status).toBe('FAIL');
    expect(check.observed).toContain('peak memory moved +100% from staging to production (200 MiB -> 400 MiB)');
    expect(check.observed).toContain('the specs do not differ');
  });
});
