/**
 * The exported monitoring from the real demo and smoke model folders (feature specs,
 * reference.json, model cards): the rules file passes the real `promtool check rules` (Debian
 * package prometheus), and carries PSI > 0.25 on every input feature the demo models read.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flightsV1Spec } from '../../scenarios/demo/features/flightsV1';
import { flightsV2Spec } from '../../scenarios/demo/features/flightsV2';
import { monitoringExport } from '../../src-main/engine/common/monitoring/export/monitoringExport';
import { driftAlertsOf } from '../../src-main/engine/common/scenario/sections/alerts';
import { plannedModels } from '../../src-main/engine/node/monitoring/plannedModels';
import { loadScenario } from '../../src-main/engine/node/scenario/loadScenario';
import { ROOT, SMOKE, tempDir } from '../support/paths';
import { requireService } from '../support/services';

async function exportOf(path: string) {
  const loaded = loadScenario(path);
  if (!loaded.ok) {
    throw new Error(JSON.stringify(loaded.issues));
  }
  const { scenario } = loaded.file;
  const { models } = await plannedModels(scenario.models, driftAlertsOf(scenario.alerts));
  return { models, exported: monitoringExport(scenario, models, scenario.name, path) };
}

describe('exported monitoring rules', () => {
  it.for([
    ['smoke', SMOKE],
    ['demo', join(ROOT, 'scenarios/demo.yaml')],
  ] as const)('of %s pass promtool check rules', async ([, path], context) => {
    const { exported } = await exportOf(path);
    const file = join(tempDir(), 'prometheus-rules.yaml');
    writeFileSync(file, exported.files[0]!.text);
    const checked = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
    requireService(context, checked.error === undefined, 'promtool (Debian package prometheus) is not installed');
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toContain(`SUCCESS: ${exported.rules.length} rules found`);
    expect(checked.status).toBe(0);
  });

  it('watch every input feature of the demo models at PSI > 0.25, with the reference from reference.json', async () => {
    const { models, exported } = await exportOf(join(ROOT, 'scenarios/demo.yaml'));
    expect(models.map((m) => m.role)).toEqual(['blue', 'green']);
    for (const m of models) {
      const spec = m.role === 'blue' ? flightsV1Spec : flightsV2Spec;
      const watched = exported.rules.filter((r) => r.role === m.role && r.rule === 'feature-psi');
      expect(watched.map((r) => r.subject)).toEqual(spec.features.map((f) => f.name));
      expect(watched.every((r) => r.threshold === 0.25)).toBe(true);
      // reference.json's label positive rate, and the card's held-out AUC.
      expect(m.reference.positiveRate).toBeGreaterThan(0.1);
      expect(m.reference.auc).toBeGreaterThan(0.55);
    }
  });
});
