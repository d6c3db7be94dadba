/** The built-in scenarios (the top level of `scenarios/`) and the summary of any scenario file. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { ScenarioSummary } from '../../../contract/scenarioSummary';
import { describeScenario } from '../../common/scenario/describeScenario';
import { projectRoot } from '../run/projectRoot';
import { loadScenario, type ScenarioAccess } from './loadScenario';

/** The folder of built-in scenarios. */
export function builtInScenarioFolder(): string {
  return join(projectRoot(), 'scenarios');
}

/** Summarizes a scenario file, valid or not; a path outside the workspace is a problem, and is not read. */
export function summarizeScenario(path: string, builtIn: boolean, access: ScenarioAccess): ScenarioSummary {
  const loaded = loadScenario(path, access);
  if (!loaded.ok) {
    return { path, name: basename(path), description: '', builtIn, valid: false, issues: loaded.issues, summary: `${loaded.issues.length} problem(s)` };
  }
  const { scenario } = loaded.file;
  return {
    path,
    name: scenario.name,
    description: scenario.description,
    builtIn,
    valid: true,
    issues: [],
    summary: describeScenario(scenario, (p) => basename(p)),
  };
}

/** Every built-in scenario, sorted by file name, smoke first; each reads inside the workspace of `access`. */
export function listBuiltInScenarios(access: ScenarioAccess): ScenarioSummary[] {
  const folder = builtInScenarioFolder();
  const files = readdirSync(folder)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort((a, b) => (a.startsWith('smoke') ? -1 : b.startsWith('smoke') ? 1 : a.localeCompare(b)));
  return files.map((f) => summarizeScenario(join(folder, f), true, access));
}

/**
 * A Kubernetes manifest (a profile's Deployment) beside the scenarios: YAML, but not a
 * scenario. Told by its top-level `apiVersion` and `kind`, which no scenario has.
 */
export function isKubernetesManifest(path: string): boolean {
  try {
    const text = readFileSync(path, 'utf8');
    return /^apiVersion:/m.test(text) && /^kind:/m.test(text);
  } catch {
    return false;
  }
}

/** YAML scenario files under the scenario folder, three levels down at most, for "open file" (JSON files there are model cards and profiles). */
export function listScenarioFiles(folder: string = builtInScenarioFolder()): string[] {
  const files: string[] = [];
  const visit = (dir: string, depth: number): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 3 && !entry.name.startsWith('.')) {
        visit(path, depth + 1);
      } else if (entry.isFile() && /\.ya?ml$/.test(entry.name) && !isKubernetesManifest(path)) {
        files.push(path);
      }
    }
  };
  visit(folder, 0);
  return files.sort((a, b) => relative(folder, a).localeCompare(relative(folder, b)));
}
