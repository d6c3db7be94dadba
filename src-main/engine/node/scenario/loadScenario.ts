/** Reads a scenario file from disk: parse, validate, resolve paths against the file's folder. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ValidationIssue } from '../../../contract/scenarioSummary';
import { parseScenarioText } from '../../common/scenario/parse';
import { resolveScenarioPaths } from '../../common/scenario/resolvePaths';
import type { ScenarioFile } from '../../common/scenario/scenarioFile';

export type ScenarioLoad = { readonly ok: true; readonly file: ScenarioFile } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Loads a scenario; a file that cannot be read is an issue like any other. */
export function loadScenario(path: string): ScenarioLoad {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'scenario file not found' : code === 'EISDIR' ? 'expected a scenario file, found a folder' : `cannot be read (${code ?? 'error'})`;
    return { ok: false, issues: [{ file: path, line: null, column: null, path: '', message }] };
  }
  const parsed = parseScenarioText(text, path);
  if (!parsed.ok) {
    return parsed;
  }
  const folder = dirname(absolute);
  return { ok: true, file: { path: absolute, scenario: resolveScenarioPaths(parsed.scenario, (p) => resolve(folder, p)) } };
}

/** `file:line:column field: message`, the form every face prints. */
export function formatIssue(issue: ValidationIssue): string {
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}${issue.column === null ? '' : `:${issue.column}`}`;
  return issue.path === '' ? `${where}: ${issue.message}` : `${where}: ${issue.path}: ${issue.message}`;
}
