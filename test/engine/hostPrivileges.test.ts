/** What a Deployment asks of its node beyond CPU and memory: read, diffed, and never passed in silence. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../src-main/contract/load';
import { infrastructureParityCheck, type ProfileRun } from '../../src-main/engine/common/checks/infrastructureParity';
import { parseDeployment, type DeploymentSpec } from '../../src-main/engine/common/profiles/deployment';
import { hostPrivilegesOf, isPrivilegeField, privilegeNotes, profilePrivilegeNotes } from '../../src-main/engine/common/profiles/hostPrivileges';
import { diffDeployments } from '../../src-main/engine/common/profiles/profileDiff';
import { ROOT } from '../support/paths';

const PRIVILEGED = join(ROOT, 'test/fixtures/deployments/privileged.yaml');
const STAGING = join(ROOT, 'scenarios/profiles/staging.yaml');

function spec(path: string): DeploymentSpec {
  const parsed = parseDeployment(readFileSync(path, 'utf8'), path);
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.issues));
  }
  return parsed.deployment;
}

function deployment(pod: string, container = ''): unknown {
  const parsed = parseDeployment(
    `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n${pod}      containers:\n        - name: server\n${container}`,
    'd.yaml',
  );
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.issues));
  }
  return parsed.deployment.document;
}

describe('host privileges of a Deployment', () => {
  it('finds every one the privileged fixture asks for, keyed by container and volume name', () => {
    expect(hostPrivilegesOf(spec(PRIVILEGED).document).map((p) => `${p.field}=${p.value}`)).toEqual([
      'spec.template.spec.hostNetwork=true',
      'spec.template.spec.volumes[host-root].hostPath.path=/',
      'spec.template.spec.containers[model-server].securityContext.privileged=true',
      'spec.template.spec.containers[model-server].securityContext.allowPrivilegeEscalation=true',
      'spec.template.spec.containers[model-server].securityContext.capabilities.add[0]=SYS_ADMIN',
      'spec.template.spec.containers[model-server].securityContext.runAsUser=0',
      'spec.template.spec.containers[model-server].ports[http].hostPort=8080',
      'spec.template.spec.containers[model-server].ports[http].hostIP=0.0.0.0',
    ]);
  });

  it('asks nothing of the demo Deployments, which run as non-root', () => {
    expect(hostPrivilegesOf(spec(STAGING).document)).toEqual([]);
  });

  it('flags a pod that never says who it runs as, and not one that does, at pod or container level', () => {
    expect(hostPrivilegesOf(deployment('')).map((p) => p.field)).toEqual(['spec.template.spec.securityContext.runAsNonRoot']);
    expect(hostPrivilegesOf(deployment('      securityContext:\n        runAsUser: 1000\n'))).toEqual([]);
    expect(hostPrivilegesOf(deployment('', '          securityContext:\n            runAsNonRoot: true\n'))).toEqual([]);
    expect(hostPrivilegesOf(deployment('', '          securityContext:\n            runAsNonRoot: false\n')).map((p) => p.field)).toEqual([
      'spec.template.spec.containers[server].securityContext.runAsNonRoot',
    ]);
  });

  it('reads hostPID, hostIPC, init containers, unconfined seccomp and an unmasked /proc', () => {
    const found = hostPrivilegesOf(
      deployment(
        '      hostPID: true\n      hostIPC: true\n      securityContext:\n        runAsNonRoot: true\n        seccompProfile:\n          type: Unconfined\n      initContainers:\n        - name: setup\n          securityContext:\n            procMount: Unmasked\n',
      ),
    );
    expect(found.map((p) => p.field)).toEqual([
      'spec.template.spec.hostPID',
      'spec.template.spec.hostIPC',
      'spec.template.spec.securityContext.seccompProfile.type',
      'spec.template.spec.initContainers[setup].securityContext.procMount',
    ]);
  });

  it('words each as what the rehearsal did not reproduce, per profile; none for a profile written out', () => {
    const production = spec(PRIVILEGED);
    const notes = profilePrivilegeNotes({ name: 'production', deployment: PRIVILEGED }, { [PRIVILEGED]: production });
    expect(notes).toHaveLength(8);
    expect(notes[2]).toBe(
      "production's Deployment asks for spec.template.spec.containers[model-server].securityContext.privileged: true (every device of the node and the kernel's privileges), never granted to a rehearsal",
    );
    expect(profilePrivilegeNotes({ name: 'staging', deployment: null }, {})).toEqual([]);
    expect(privilegeNotes('staging', [])).toEqual([]);
  });

  it('profile-diff puts the privileges one side asks for before the rest of the file', () => {
    const differences = diffDeployments(spec(STAGING), spec(PRIVILEGED));
    const kinds = differences.map((d) => d.kind);
    const first = kinds.indexOf('privileges');
    expect(first).toBeGreaterThan(0);
    expect(kinds.slice(first, kinds.lastIndexOf('privileges') + 1).every((k) => k === 'privileges')).toBe(true);
    expect(differences.find((d) => d.field.endsWith('securityContext.privileged'))).toMatchObject({ kind: 'privileges', staging: null, production: 'true' });
    expect(differences.find((d) => d.field === 'metadata.name')?.kind).toBe('other');
    expect(isPrivilegeField('spec.template.spec.containers[model-server].ports[http].containerPort')).toBe(false);
    expect(isPrivilegeField('spec.template.spec.containers[model-server].ports[http].hostIP')).toBe(true);
  });
});

describe('infrastructure-parity with what was not reproduced', () => {
  const result = { achievedRps: 100, latencyMs: { p99: 10 }, requests: { sent: 1000 } } as unknown as LoadResult;
  const run = (profile: string): ProfileRun =>
    ({
      profile,
      backend: 'docker',
      result,
      error: null,
      serverEnd: 'stopped as asked',
      oomKilled: false,
      peakMemoryBytes: 100,
      limits: { memoryBytes: null, cpus: null, gpus: null },
      maxBatch: 8,
    }) as unknown as ProfileRun;

  it('is a WARN that names each privilege, in its observed sentence and one evidence row each', () => {
    const notes = privilegeNotes('production', hostPrivilegesOf(spec(PRIVILEGED).document));
    const check = infrastructureParityCheck({
      staging: run('staging'),
      production: run('production'),
      differences: [],
      notReproduced: notes,
      bound: 0.2,
      slaMs: 100,
    });
    expect(check.status).toBe('WARN');
    expect(check.observed).toContain('but the rehearsal did not reproduce: production');
    expect(check.observed).toContain('hostNetwork: true');
    expect(check.evidence).toContainEqual({ label: 'not reproduced here', value: 8 });
    expect(check.evidence).toContainEqual({ label: 'not reproduced 3 of 8', value: notes[2] });
    expect(check.next).toContain('drop what a Deployment asks of its host');
  });
});
