/**
 * A production Deployment that asks for privileged, hostPath /, hostNetwork, a host port on
 * 0.0.0.0, root and SYS_ADMIN: validate says so, profile-diff flags every field, and a real run
 * (embedded servers, real ORT) reports each as not reproduced in infrastructure-parity.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../../src-main/contract/report';
import { rehearse } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';

const PRIVILEGED = join(ROOT, 'test/fixtures/deployments/privileged.yaml');
const STAGING = join(ROOT, 'scenarios/profiles/staging.yaml');

function privilegedScenario(): string {
  const dir = tempDir();
  copyFileSync(PRIVILEGED, join(dir, 'production.yaml'));
  writeFileSync(
    join(dir, 'privileged.yaml'),
    `name: privileged-production
models:
  blue:
    path: ${join(ROOT, 'scenarios/smoke/model')}
snapshots:
  production:
    path: ${join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet')}
    timestamp: date
    label: delay > 15
    from: 2001-03-01T06:00:00
    to: 2001-03-01T07:00:00
profiles:
  bound: 4
  staging:
    backend: embedded
    memory: 1Gi
    maxBatch: 8
  production:
    backend: embedded
    deployment: production.yaml
load:
  peakRps: 10
  duration: 1s
  sla: 2s
`,
  );
  return join(dir, 'privileged.yaml');
}

describe('a Deployment that asks its node for more than CPU and memory', () => {
  it('validate: valid, with a note on stderr for each field a rehearsal never grants', () => {
    const result = rehearse(['validate', privilegedScenario()]);
    expect(result.code).toBe(0);
    const notes = result.stderr.trim().split('\n');
    expect(notes).toHaveLength(8);
    expect(notes).toContain(
      "note: production's Deployment asks for spec.template.spec.volumes[host-root].hostPath.path: / (files of the node, mounted from /), never granted to a rehearsal",
    );
    expect(result.stderr).toContain('securityContext.capabilities.add[0]: SYS_ADMIN');
  });

  it('profile-diff: flags each differing privilege and lists what each side asks for; --json carries them', () => {
    const text = rehearse(['profile-diff', STAGING, PRIVILEGED]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      '  spec.template.spec.containers[model-server].securityContext.privileged: staging (not set), production true [asks the host for more]',
    );
    expect(text.stdout).toContain('  spec.template.spec.hostNetwork: staging (not set), production true [asks the host for more]');
    expect(text.stdout).toContain('staging asks its host for nothing beyond CPU and memory');
    expect(text.stdout).toContain('production asks its host for what no rehearsal grants:');
    expect(text.stdout).toContain("  spec.template.spec.containers[model-server].ports[http].hostIP: 0.0.0.0 (every address of the node's network)");
    // The same privileged file on both sides: no difference, still flagged.
    const same = rehearse(['profile-diff', PRIVILEGED, PRIVILEGED, '--json']);
    expect(same.code).toBe(0);
    const doc = JSON.parse(same.stdout) as { identical: boolean; hostPrivileges: { staging: { field: string }[]; production: { field: string }[] } };
    expect(doc.identical).toBe(true);
    expect(doc.hostPrivileges.staging).toHaveLength(8);
    expect(doc.hostPrivileges.production.map((p) => p.field)).toContain('spec.template.spec.containers[model-server].securityContext.privileged');
  });

  it('run: infrastructure-parity names each as not reproduced, in the report and its evidence', () => {
    const out = join(tempDir(), 'run');
    const result = rehearse(['run', privilegedScenario(), '--out', out, '--formats', 'json,html']);
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport;
    const check = report.checks.find((c) => c.id === 'infrastructure-parity')!;
    expect(check.status).toBe('WARN');
    expect(check.observed).toContain("but the rehearsal did not reproduce: production's Deployment asks for spec.template.spec.hostNetwork: true");
    expect(check.evidence).toContainEqual({ label: 'not reproduced here', value: 8 });
    expect(check.evidence.filter((e) => e.label.startsWith('not reproduced ') && e.label.includes(' of 8'))).toHaveLength(8);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('securityContext.privileged: true');
  });
});
