/** `rehearse profile-diff`: every difference between two Kubernetes Deployments; bad YAML named by file, line and field. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearse } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';

const STAGING = join(ROOT, 'scenarios/profiles/staging.yaml');
const PRODUCTION = join(ROOT, 'scenarios/profiles/production.yaml');

describe('rehearse profile-diff', () => {
  it('lists every difference with its lines, and exits 1 because they differ', () => {
    const result = rehearse(['profile-diff', 'scenarios/profiles/staging.yaml', 'scenarios/profiles/production.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        '4 differences (staging scenarios/profiles/staging.yaml, production scenarios/profiles/production.yaml):',
        '  limits.memory: staging 2 GiB, production 192 MiB (lines 19 / 20)',
        '  requests.memory: staging 1 GiB, production 160 MiB (lines 16 / 17)',
        '  env.MAX_BATCH_SIZE: staging 256, production 1 (lines 23 / 24)',
        '  metadata.name: staging wide-model-staging, production wide-model-production',
        '',
      ].join('\n'),
    );
  });

  it('with --json prints only the JSON document', () => {
    const result = rehearse(['profile-diff', STAGING, PRODUCTION, '--json']);
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as {
      identical: boolean;
      differences: { field: string; staging: string; production: string }[];
      notReproduced: string[];
    };
    expect(doc.identical).toBe(false);
    expect(doc.differences.map((d) => d.field)).toEqual(['limits.memory', 'requests.memory', 'env.MAX_BATCH_SIZE', 'metadata.name']);
    expect(doc.notReproduced).toEqual([]);
  });

  it('exits 0 for two identical Deployments, and names what this machine cannot reproduce', () => {
    const dir = tempDir();
    const gpu = join(dir, 'gpu.yaml');
    writeFileSync(
      gpu,
      `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: model-server\n          resources:\n            limits:\n              cpu: "64"\n              nvidia.com/gpu: 1\n      nodeSelector:\n        gpu-type: a10g\n`,
    );
    const result = rehearse(['profile-diff', gpu, gpu]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${gpu} and ${gpu} do not differ`);
    expect(result.stdout).toMatch(/not reproducible on this machine: staging has a limit of 64 CPUs and this machine has \d+: it runs with \d+/);
    expect(result.stdout).toContain('not reproducible on this machine: production is pinned to GPU type a10g and this machine has no GPU');
  });

  it('names the file, line and field of bad Deployment YAML, and what was expected (exit 2)', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: model-server\n          resources:\n            limits:\n              memory: 512m\n          env:\n            - name: MAX_BATCH_SIZE\n              value: "0"\n`,
    );
    const result = rehearse(['profile-diff', STAGING, bad]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `${bad}:10:23: spec.template.spec.containers[0].resources.limits.memory: expected 512Mi for mebibytes: "512m" is 0.512 bytes in Kubernetes (m is milli)`,
    );
    expect(result.stderr).toContain(`${bad}:13:22: spec.template.spec.containers[0].env[0].value: expected a whole number of rows, at least 1 (got "0")`);
    const service = join(dir, 'service.yaml');
    writeFileSync(service, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: model\n');
    const notDeployment = rehearse(['profile-diff', service, STAGING]);
    expect(notDeployment.code).toBe(2);
    expect(notDeployment.stderr).toContain(`${service}:2:7: kind: expected a Deployment (kind: Deployment, apiVersion: apps/v1)`);
    const missing = rehearse(['profile-diff', join(dir, 'nope.yaml'), STAGING]);
    expect(missing.stderr).toContain(`${join(dir, 'nope.yaml')}: Deployment file not found: expected a Kubernetes Deployment YAML file`);
  });
});
