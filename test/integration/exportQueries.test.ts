/**
 * The exported AnalysisTemplates' Prometheus queries and the HPA's adapter query parse as PromQL:
 * checked by the real `promtool` (Debian package prometheus) as recording rules, with Argo's and
 * the adapter's placeholders filled in as they would be at run time.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { rolloutExport } from '../../src-main/engine/common/rollout/export/rolloutExport';
import { rolloutSection } from '../../src-main/engine/common/scenario/sections/rollout';
import { requireService } from '../support/services';
import { tempDir } from '../support/paths';

describe('exported queries', () => {
  it('are PromQL that promtool accepts', (context) => {
    const plan = rolloutSection.parse({
      gates: { p99LatencyMs: { max: 250 } },
      steps: [{ setWeight: 10 }, { analysis: {} }, { setWeight: 100 }],
    });
    const files = rolloutExport(
      plan,
      { name: 'flights', namespace: null, image: 'i', prometheus: 'http://p:9090', port: 8080 },
      { blue: 'b', green: 'g' },
      'x',
    );
    const templates = files.find((f) => f.file === 'analysis-templates.yaml')!.objects as {
      spec: { metrics: { name: string; provider: { prometheus: { query: string } } }[] };
    }[];
    const hpa = files.find((f) => f.file === 'hpa.yaml')!.objects[0] as { metadata: { annotations: Record<string, string> } };
    const fill = (q: string) =>
      q
        .replaceAll('{{args.canary-service}}', 'flights-canary')
        .replaceAll('{{args.stable-service}}', 'flights-stable')
        .replaceAll('<<.GroupBy>>', 'pod')
        .replaceAll('<<.LabelMatchers>>', 'namespace="models"');
    const queries = [
      ...templates.flatMap((t) => t.spec.metrics.map((m) => m.provider.prometheus.query)),
      hpa.metadata.annotations['rehearsal/prometheus-adapter-query']!,
    ];
    expect(queries.length).toBeGreaterThanOrEqual(7);
    const rules = { groups: [{ name: 'exported', rules: queries.map((q, i) => ({ record: `rehearsal:exported_${i}`, expr: fill(q) })) }] };
    const path = join(tempDir(), 'rules.yaml');
    writeFileSync(path, stringify(rules));
    const checked = spawnSync('promtool', ['check', 'rules', path], { encoding: 'utf8' });
    requireService(context, checked.error === undefined, 'promtool (Debian package prometheus) is not installed');
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toContain(`SUCCESS: ${queries.length} rules found`);
    expect(checked.status).toBe(0);
  });
});
