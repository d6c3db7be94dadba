/** Every file under scenarios/ is a valid scenario or its data (Kubernetes Deployments are profiles' data); invalid ones live in test/fixtures. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, loadScenario } from '../../src-main/engine/node/scenario/loadScenario';
import { isKubernetesManifest } from '../../src-main/engine/node/scenario/scenarioLibrary';
import { ROOT } from '../support/paths';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? yamlFiles(join(dir, entry.name))
      : /\.ya?ml$/.test(entry.name) && !isKubernetesManifest(join(dir, entry.name))
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('built-in scenarios', () => {
  it.each(yamlFiles(join(ROOT, 'scenarios')).map((f) => relative(ROOT, f)))('%s is valid', (file) => {
    const loaded = loadScenario(join(ROOT, file));
    expect(loaded.ok ? [] : loaded.issues.map(formatIssue)).toEqual([]);
  });
});
