/**
 * Reads a scenario file from disk: parse, validate, resolve paths against the file's folder, and
 * check that each path it names leads inside the workspace before anything of it is read.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ValidationIssue } from '../../../contract/scenarioSummary';
import { parseScenarioText } from '../../common/scenario/parse';
import { resolveScenarioPaths, scenarioPathFields } from '../../common/scenario/resolvePaths';
import { parseDeployment, type DeploymentParse, type DeploymentSpec } from '../../common/profiles/deployment';
import { PROFILE_NAMES } from '../../common/profiles/resourceProfile';
import type { ScenarioFile } from '../../common/scenario/scenarioFile';
import type { Scenario } from '../../common/scenario/schema';
import { widenWorkspace, type Workspace } from '../../common/workspace/workspace';
import { openWorkspace, realPathOf, refusalOf } from '../workspace/workspaceAccess';

export type ScenarioLoad = { readonly ok: true; readonly file: ScenarioFile } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Where a scenario may come from and what it may read. */
export interface ScenarioAccess {
  /** The workspace before the scenario's own folder joins it: the current folder and `--workspace` (CLI), the app's folders (app). */
  readonly workspace: Workspace;
  /**
   * True when a person named the scenario's path themselves (on the command line); false when it
   * came from elsewhere (the app's open-file box, a run log), and then it must be inside too.
   */
  readonly named: boolean;
}

/** What the CLI reads without `--workspace`: the current folder, and the scenario's own folder. */
export function currentFolderAccess(): ScenarioAccess {
  return {
    workspace: openWorkspace([{ path: process.cwd(), why: 'the current folder' }], 'pass --workspace <folder> to read from another folder'),
    named: true,
  };
}

/**
 * Loads a scenario; a file that cannot be read, or a path that leads outside the workspace, is an
 * issue like any other. Without `access`, as the CLI does without `--workspace`.
 */
export function loadScenario(path: string, access: ScenarioAccess = currentFolderAccess()): ScenarioLoad {
  const absolute = resolve(path);
  const outside = access.named ? null : refusalOf(access.workspace, absolute, 'file');
  if (outside !== null) {
    return { ok: false, issues: [{ file: path, line: null, column: null, path: '', message: outside }] };
  }
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? 'scenario file not found' : code === 'EISDIR' ? 'expected a scenario file, found a folder' : `cannot be read (${code ?? 'error'})`;
    return { ok: false, issues: [{ file: path, line: null, column: null, path: '', message }] };
  }
  const parsed = parseScenarioText(text, path);
  if (!parsed.ok) {
    return parsed;
  }
  const folder = dirname(absolute);
  const scenario = resolveScenarioPaths(parsed.scenario, (p) => resolve(folder, p));
  const workspace = widenWorkspace(access.workspace, [{ path: realPathOf(folder), why: "the scenario's folder" }]);
  const refused = scenarioPathFields(scenario).flatMap((field) => {
    const refusal = refusalOf(workspace, field.value, field.kind);
    return refusal === null ? [] : [{ file: path, ...parsed.positionOf(field.path), path: field.path.join('.'), message: `${field.value}: ${refusal}` }];
  });
  if (refused.length > 0) {
    return { ok: false, issues: refused };
  }
  const deployments = readDeployments(scenario);
  if (!deployments.ok) {
    return deployments;
  }
  return { ok: true, file: { path: absolute, scenario, ...(Object.keys(deployments.specs).length > 0 ? { deployments: deployments.specs } : {}) } };
}

/** Every Kubernetes Deployment file the profiles name, parsed; their problems name their own file and line. */
function readDeployments(scenario: Scenario): { ok: true; specs: Record<string, DeploymentSpec> } | { ok: false; issues: ValidationIssue[] } {
  const specs: Record<string, DeploymentSpec> = {};
  const issues: ValidationIssue[] = [];
  for (const name of PROFILE_NAMES) {
    const profile = scenario.profiles?.[name];
    if (profile?.deployment === undefined) {
      continue;
    }
    const read = readDeploymentFile(profile.deployment, profile.container);
    if (read.ok) {
      specs[profile.deployment] = read.deployment;
    } else {
      issues.push(...read.issues.map((issue) => (issue.line === null && issue.path === '' ? { ...issue, path: `profiles.${name}.deployment` } : issue)));
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, specs };
}

/** Reads and parses one Deployment file; a file that cannot be read is an issue like any other. */
export function readDeploymentFile(path: string, container?: string): DeploymentParse {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      issues: [
        {
          file: path,
          line: null,
          column: null,
          path: '',
          message: code === 'ENOENT' ? 'Deployment file not found: expected a Kubernetes Deployment YAML file' : `cannot be read (${code ?? 'error'})`,
        },
      ],
    };
  }
  return parseDeployment(text, path, container);
}

/** `file:line:column field: message`, the form every face prints. */
export function formatIssue(issue: ValidationIssue): string {
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}${issue.column === null ? '' : `:${issue.column}`}`;
  return issue.path === '' ? `${where}: ${issue.message}` : `${where}: ${issue.path}: ${issue.message}`;
}
