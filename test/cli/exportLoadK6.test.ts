/**
 * `rehearse export-load`'s k6 files. No k6 binary can be installed here, so the script is
 * type-checked against k6's own API (@types/k6) with the TypeScript compiler, and the k6-operator
 * TestRun and its ConfigMap are read back as YAML.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { rehearse, writeScenario } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';

const K6_TYPES = join(ROOT, 'node_modules/@types/k6');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** Type-checks `file` in `dir` as checked JavaScript against @types/k6; the compiler's output ('' when it passes). */
function typeCheck(dir: string, file: string): { status: number | null; output: string } {
  const config = {
    compilerOptions: {
      noEmit: true,
      allowJs: true,
      checkJs: true,
      strict: true,
      target: 'es2020',
      lib: ['es2020'],
      module: 'esnext',
      moduleResolution: 'bundler',
      types: ['k6'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
      paths: { k6: [join(K6_TYPES, 'index.d.ts')], 'k6/*': [join(K6_TYPES, '*/index.d.ts')] },
    },
    files: [file],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
  const run = spawnSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('rehearse export-load: k6', () => {
  it('writes a script that type-checks against @types/k6, and a TestRun with parallelism and the ConfigMap it names', () => {
    const scenario = writeScenario(
      'k6',
      [
        'name: K6 Smoke',
        'models:',
        '  blue:',
        `    path: ${join(ROOT, 'scenarios/smoke/model')}`,
        'snapshots:',
        '  production:',
        `    path: ${join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet')}`,
        '    timestamp: date',
        'load:',
        '  peakRps: 10',
        '  duration: 4s',
        '  sla: 250ms',
        '  shape: step',
        '',
      ].join('\n'),
    );
    const out = tempDir();
    const run = rehearse(['export-load', scenario, '--out', out, '--workers', '3', '--target', 'http://model.example:8080', '--workspace', ROOT]);
    expect(run.code, run.stderr).toBe(0);
    const script = readFileSync(join(out, 'script.js'), 'utf8');
    expect(typeCheck(out, 'script.js')).toEqual({ status: 0, output: '' });
    // The check can fail: a misspelt executor is a type error.
    writeFileSync(join(out, 'broken.js'), script.replace('"ramping-arrival-rate"', '"ramping-arrival"'));
    const broken = typeCheck(out, 'broken.js');
    expect(broken.status).not.toBe(0);
    expect(broken.output).toContain('"ramping-arrival"');

    expect(script).toContain('"executor": "ramping-arrival-rate"');
    expect(script).toContain('"p(99)<=250"');
    expect(script).toContain("new SharedArray('records'");
    // A step load: a quarter of 30 rps each second, up to the target.
    const stages = [...script.matchAll(/"target": ([\d.]+),\s+"duration": "(\d+)ms"/g)].map((m) => [Number(m[1]), m[2]]);
    expect(stages).toEqual([
      [7.5, '1000'],
      [15, '1000'],
      [22.5, '1000'],
      [30, '1000'],
    ]);

    const [configMap, testRun] = parseAllDocuments(readFileSync(join(out, 'testrun.yaml'), 'utf8')).map((d) => d.toJS() as { data?: Record<string, string> });
    expect(configMap).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'k6-smoke-load-script' } });
    expect(configMap!.data!['script.js']).toBe(script);
    expect(configMap!.data!['records.jsonl']).toBe(readFileSync(join(out, 'records.jsonl'), 'utf8'));
    expect(testRun).toEqual({
      apiVersion: 'k6.io/v1alpha1',
      kind: 'TestRun',
      metadata: { name: 'k6-smoke-load' },
      spec: { parallelism: 3, script: { configMap: { name: 'k6-smoke-load-script', file: 'script.js' } }, arguments: '--env TARGET=http://model.example:8080' },
    });
  });
});
