/**
 * Staging against production in real containers: the staging-vs-production scenario's
 * two Deployments (staging batches up to 256 rows in 2 GiB; production, capped at a batch of 1
 * to fit 192 MiB) under the same open-loop load. The seed saw throughput drop 80%; the check
 * fails at a 20% move, and this test asks only for a 40% drop, far beyond what the machine's
 * noise moves two runs of one profile. A 3 s load per profile; this folder runs one file at a time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadMeasured, RunEvent } from '../../src-main/contract/events';
import type { ReadinessReport } from '../../src-main/contract/report';
import { rehearse } from '../support/cli';
import { DOCKER, DOCKER_MISSING } from '../support/docker';
import { ROOT, tempDir } from '../support/paths';
import { requireService } from '../support/services';

describe('staging against production in containers', () => {
  it('measures the throughput production loses for want of batching, and fails infrastructure-parity and load-sla on it', (context) => {
    requireService(context, DOCKER.available, DOCKER_MISSING);
    const dir = tempDir();
    const scenario = join(dir, 'parity.yaml');
    const text = readFileSync(join(ROOT, 'scenarios/staging-vs-production.yaml'), 'utf8')
      .replaceAll('staging-vs-production/model', join(ROOT, 'scenarios/staging-vs-production/model'))
      .replaceAll('smoke/flights', join(ROOT, 'scenarios/smoke/flights'))
      .replaceAll('profiles/', join(ROOT, 'scenarios/profiles/'))
      .replace('duration: 5s', 'duration: 3s');
    writeFileSync(scenario, text);
    const out = join(dir, 'out');
    const result = rehearse(['run', scenario, '--out', out]);
    expect(result.code).toBe(1);
    const events = readFileSync(join(out, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as RunEvent);
    const results = events.filter((e): e is RunEvent & LoadMeasured => e.kind === 'load.result');
    expect(results.map((r) => [r.profile, r.backend, r.maxBatch, r.limits.memoryBytes, r.oomKilled])).toEqual([
      ['staging', 'docker', 256, 2 * 2 ** 30, false],
      ['production', 'docker', 1, 192 * 2 ** 20, false],
    ]);
    const [staging, production] = results.map((r) => r.result!.achievedRps) as [number, number];
    expect(production).toBeLessThan(staging * 0.6);
    expect(events.filter((e) => e.kind === 'image.ready')).toHaveLength(2);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReadinessReport;
    const parity = report.checks.find((c) => c.id === 'infrastructure-parity')!;
    expect(parity.status).toBe('FAIL');
    expect(parity.observed).toMatch(/throughput moved -\d+(\.\d+)?% from staging to production/);
    expect(parity.observed).toContain('env.MAX_BATCH_SIZE: staging 256, production 1');
    expect(report.checks.find((c) => c.id === 'load-sla')?.status).toBe('FAIL');
    expect(report.charts.latencyLoad.measured).toBe(true);
    context.annotate(
      `throughput staging ${staging.toFixed(1)} rps, production ${production.toFixed(1)} rps: ${((1 - production / staging) * 100).toFixed(0)}% lost`,
    );
  });
});
