/**
 * `rehearse export-monitoring` as users run it: the files written, `--json` with only
 * JSON on stdout, and bad input (no --out, a missing scenario, an invalid field, a model whose
 * features cannot be named) as exit 2 with the file, line or field.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearse, writeScenario } from '../support/cli';
import { ROOT, SMOKE, tempDir } from '../support/paths';

describe('rehearse export-monitoring', () => {
  it('writes the rules and the dashboard of the smoke scenario and says what it wrote', () => {
    const out = tempDir();
    const result = rehearse(['export-monitoring', SMOKE, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `${join(out, 'prometheus-rules.yaml')}: 12 alert rules (L1 3, L2 6, L3 1, L4 2)`,
        `${join(out, 'grafana-dashboard.json')}: Grafana dashboard, a row per layer`,
        'scrape jobs: blue as job="smoke-blue"',
        '',
      ].join('\n'),
    );
    // smoke's model folder has no reference.json and its card no held-out AUC: said on stderr.
    expect(result.stderr).toContain('note: blue: no reference.json');
    expect(readFileSync(join(out, 'prometheus-rules.yaml'), 'utf8')).toContain('model_feature_psi{job="smoke-blue",feature="distance_k"} > 0.25');
    expect(JSON.parse(readFileSync(join(out, 'grafana-dashboard.json'), 'utf8'))).toMatchObject({
      __inputs: [{ name: 'DS_PROMETHEUS' }],
      title: 'Rehearsal: smoke, four-layer monitoring',
    });
  });

  it('prints only JSON on stdout with --json, and takes the job prefix from --name', () => {
    const out = tempDir();
    const result = rehearse(['export-monitoring', join(ROOT, 'scenarios/demo.yaml'), '--out', out, '--name', 'Flights Prod', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      name: string;
      jobs: { role: string; job: string }[];
      rulesPerLayer: Record<string, number>;
      rules: { layer: number; expr: string }[];
    };
    expect(json.name).toBe('flights-prod');
    expect(json.jobs).toEqual([
      { role: 'blue', job: 'flights-prod-blue' },
      { role: 'green', job: 'flights-prod-green' },
    ]);
    expect(Object.values(json.rulesPerLayer).every((n) => n > 0)).toBe(true);
    expect(json.rules.filter((r) => r.layer === 2).every((r) => r.expr.includes('job="flights-prod-'))).toBe(true);
  });

  it("writes a run's calibrated thresholds and its sequential rule with --from-run, and refuses a log without a replay", () => {
    // A real replay.started (blue-v1 under the sequential rule), as a run of shift-null-spike.yaml wrote it.
    const line = readFileSync(join(ROOT, 'test/fixtures/events/one-of-each-kind.jsonl'), 'utf8')
      .split('\n')
      .find((l) => l.includes('"kind":"replay.started"'))!;
    const started = JSON.parse(line) as { models: { features: { name: string; sequential: { psi: number } }[] }[] };
    const origin = started.models[0]!.features.find((f) => f.name === 'origin_index')!.sequential.psi;
    const dir = tempDir();
    const events = join(dir, 'events.jsonl');
    writeFileSync(events, `${line}\n`);
    const scenario = join(ROOT, 'scenarios/shift-null-spike.yaml');
    const result = rehearse(['export-monitoring', scenario, '--out', dir, '--from-run', events]);
    expect(result.code).toBe(0);
    const rules = readFileSync(join(dir, 'prometheus-rules.yaml'), 'utf8');
    expect(rules).toContain(`model_feature_psi{job="shift-null-spike-blue",feature="origin_index"} > ${Number(origin.toPrecision(6))}`);
    expect(rules).not.toContain('feature="origin_index"} > 0.25');
    expect(rules).toContain('about one false alarm per 1000 windows');
    expect(result.stderr).not.toContain('uses the fixed PSI threshold');

    writeFileSync(events, '{"seq":1,"eventTime":null,"wallTime":"2026-12-08T00:00:00.000Z","kind":"notice","level":"info","message":"m"}\n');
    const none = rehearse(['export-monitoring', scenario, '--out', dir, '--from-run', events]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`${events}: expected a run whose replay compared each model with its reference`);
  });

  it('exits 2 on bad input, naming the file, line or field', () => {
    const out = tempDir();
    const noOut = rehearse(['export-monitoring', SMOKE]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('missing --out <dir>');

    const missing = rehearse(['export-monitoring', join(out, 'nope.yaml'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: scenario file not found');

    const smoke = readFileSync(SMOKE, 'utf8')
      .replace('path: smoke/model', `path: ${join(ROOT, 'scenarios/smoke/model')}`)
      .replaceAll('path: smoke/', `path: ${join(ROOT, 'scenarios/smoke')}/`);
    // The smoke scenario ends in its alerts section: the budget goes into it.
    expect(smoke.trimEnd().split('\n').at(-3)).toBe('alerts:');
    const badBudget = writeScenario('bad-budget', `${smoke}  budgets:\n    layer2: soon\n`);
    const invalid = rehearse(['export-monitoring', badBudget, '--out', out]);
    expect(invalid.code).toBe(2);
    const line = smoke.split('\n').length + 1;
    expect(invalid.stderr).toContain(
      `bad-budget.yaml:${line}:13: alerts.budgets.layer2: expected a duration such as 30s, 5m or 1h, or a number of windows such as 1 window or 6 windows, got "soon"`,
    );
    expect(existsSync(join(out, 'prometheus-rules.yaml'))).toBe(false);

    const bareOnnx = writeScenario(
      'bare',
      `name: bare\nmodels:\n  blue:\n    path: ${join(ROOT, 'scenarios/smoke/model/model.onnx')}\nsnapshots:\n  production:\n    path: p.parquet\n    timestamp: t\n`,
    );
    // A bare .onnx beside a card that names its feature spec still works; a folder without one does not.
    expect(rehearse(['export-monitoring', bareOnnx, '--out', tempDir()]).code).toBe(0);
    const unnamed = writeScenario(
      'unnamed',
      `name: unnamed\nmodels:\n  blue:\n    path: ${join(ROOT, 'test/fixtures/none')}\nsnapshots:\n  production:\n    path: p.parquet\n    timestamp: t\n`,
    );
    const noModel = rehearse(['export-monitoring', unnamed, '--out', tempDir()]);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toContain('model not found: expected a model folder or an .onnx file');

    // An .onnx with no card and no `inputs`: the rules cannot name its features.
    const alone = join(tempDir(), 'model.onnx');
    copyFileSync(join(ROOT, 'scenarios/smoke/model/model.onnx'), alone);
    const anonymous = writeScenario(
      'anonymous',
      `name: anonymous\nmodels:\n  blue:\n    path: ${alone}\nsnapshots:\n  production:\n    path: p.parquet\n    timestamp: t\n`,
    );
    // The model sits in another temporary folder than the scenario: the person names that folder.
    const noFeatures = rehearse(['export-monitoring', anonymous, '--out', tempDir(), '--workspace', dirname(alone)]);
    expect(noFeatures.code).toBe(2);
    expect(noFeatures.stderr).toContain('models.blue: expected inputs, or a model card with featureModule or featureOrder');
  });
});
