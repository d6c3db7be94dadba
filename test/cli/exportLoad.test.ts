/** `rehearse export-load` refuses what it cannot export with exit 2 naming the field. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearse, writeScenario } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';

const head = [
  'name: x',
  'models:',
  '  blue:',
  `    path: ${join(ROOT, 'scenarios/smoke/model')}`,
  'snapshots:',
  '  production:',
  `    path: ${join(ROOT, 'scenarios/smoke/flights-2001-03-01.parquet')}`,
  '    timestamp: date',
];

describe('rehearse export-load', () => {
  it('exits 2 for a scenario without a load, or whose load sends numbers', () => {
    const none = rehearse(['export-load', writeScenario('none', head.join('\n')), '--out', tempDir(), '--workspace', ROOT]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/none\.yaml: load: missing; expected a load section/);
    const numeric = rehearse([
      'export-load',
      writeScenario('numeric', [...head, 'load:', '  peakRps: 5', '  payload: numeric'].join('\n')),
      '--out',
      tempDir(),
      '--workspace',
      ROOT,
    ]);
    expect(numeric.code).toBe(2);
    expect(numeric.stderr).toContain("numeric.yaml: load: the export replays production's records to /predict");
    expect(rehearse(['export-load', 'x.yaml']).stderr).toContain('missing --out <dir>');
    expect(rehearse(['export-load', 'x.yaml', '--out', tempDir(), '--workers', '0']).stderr).toContain('--workers: expected a whole number >= 1');
  });
});
