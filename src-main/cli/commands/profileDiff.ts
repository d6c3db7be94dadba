/**
 * `rehearse profile-diff <staging.yaml> <production.yaml> [--container NAME] [--json]`: every
 * difference between two Kubernetes Deployments: requests and limits (memory, cpu,
 * nvidia.com/gpu), MAX_BATCH_SIZE, MODEL_TIMEOUT_MS, MAX_QUEUE_DELAY_MS, the gpu-type node
 * selector, then every other value; and what of each this machine could not reproduce. Which
 * differences matter is measured by a rehearsal's load phase, not decided here. Exit 0 when the
 * two are the same, 1 when they differ (as diff(1) does), 2 when a file cannot be read or is not
 * a Deployment (each problem with its file, line and field).
 */
import type { ValidationIssue } from '../../contract/scenarioSummary';
import type { DeploymentSpec } from '../../engine/common/profiles/deployment';
import { hostPrivilegesOf, REHEARSAL_CONTAINER, type HostPrivilege } from '../../engine/common/profiles/hostPrivileges';
import { describeDifference, diffDeployments } from '../../engine/common/profiles/profileDiff';
import { profileOnHost } from '../../engine/common/profiles/reproducibility';
import { profileOfDeployment } from '../../engine/common/profiles/resourceProfile';
import { hostCapacity } from '../../engine/node/docker/servingBackends';
import { formatIssue, readDeploymentFile } from '../../engine/node/scenario/loadScenario';
import { parseFlags, requirePositional, UsageError } from '../args';
import type { Command } from '../command';
import { requireNamedPaths, WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

export const profileDiffCommand: Command = {
  name: 'profile-diff',
  usage: `rehearse profile-diff <staging.yaml> <production.yaml> [--container NAME] ${WORKSPACE_USAGE} [--json]`,
  description: [
    'Lists every difference between a staging and a production Kubernetes Deployment: the serving',
    "container's requests and limits (memory, cpu, nvidia.com/gpu), MAX_BATCH_SIZE,",
    'MODEL_TIMEOUT_MS, MAX_QUEUE_DELAY_MS, the gpu-type node selector, then every other value, each',
    'with its lines; and what this machine could not reproduce. Which differences matter is measured',
    "by a rehearsal's load phase, not decided here.",
    '',
    '  --container NAME  the serving container, when the pod has several (default: the first)',
    '  --json            the differences as JSON on standard output',
    '',
    'exit: 0 the same, 1 they differ (as diff does), 2 a file cannot be read or is not a Deployment',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { json: { type: 'boolean' }, container: { type: 'string' }, ...WORKSPACE_FLAG });
    const paths = [
      requirePositional(positionals, 0, 'the staging Deployment file'),
      requirePositional(positionals, 1, 'the production Deployment file'),
    ] as const;
    if (positionals.length > 2) {
      throw new UsageError(`expected two Deployment files, found ${positionals.length}`);
    }
    requireNamedPaths(
      values.workspace,
      paths.map((path) => ({ path, kind: 'file' as const })),
    );
    const issues: ValidationIssue[] = [];
    const specs: DeploymentSpec[] = [];
    for (const path of paths) {
      const read = readDeploymentFile(path, values.container);
      if (read.ok) {
        specs.push(read.deployment);
      } else {
        issues.push(...read.issues);
      }
    }
    if (issues.length > 0) {
      for (const issue of issues) {
        io.err(formatIssue(issue));
      }
      return 2;
    }
    const [staging, production] = specs as [DeploymentSpec, DeploymentSpec];
    const differences = diffDeployments(staging, production);
    const host = hostCapacity();
    const notReproduced = (['staging', 'production'] as const).flatMap(
      (name, i) =>
        profileOnHost({ name, ...profileOfDeployment(specs[i]!), backend: 'docker', executionProvider: 'cpu', deployment: specs[i]!.file }, host).notReproduced,
    );
    const hostPrivileges = { staging: hostPrivilegesOf(staging.document), production: hostPrivilegesOf(production.document) };
    if (values.json) {
      io.out(
        JSON.stringify(
          { staging: staging.file, production: production.file, identical: differences.length === 0, differences, notReproduced, hostPrivileges },
          null,
          2,
        ),
      );
    } else {
      io.out(
        differences.length === 0
          ? `${staging.file} and ${production.file} do not differ`
          : [
              `${differences.length} difference${differences.length === 1 ? '' : 's'} (staging ${staging.file}, production ${production.file}):`,
              ...differences.map((d) => `  ${describeDifference(d)}${lineNote(d.lines)}${d.kind === 'privileges' ? ' [asks the host for more]' : ''}`),
            ].join('\n'),
      );
      for (const note of notReproduced) {
        io.out(`not reproducible on this machine: ${note}`);
      }
      if (hostPrivileges.staging.length + hostPrivileges.production.length > 0) {
        io.out(privilegeText(hostPrivileges));
      }
    }
    return differences.length === 0 ? 0 : 1;
  },
};

/** What each side asks of its host, flagged whether or not the two differ in it (printed when either asks for anything). */
function privilegeText(privileges: Record<'staging' | 'production', readonly HostPrivilege[]>): string {
  const lines = (['staging', 'production'] as const).flatMap((side) => {
    const asked = privileges[side];
    return asked.length === 0
      ? [`${side} asks its host for nothing beyond CPU and memory`]
      : [`${side} asks its host for what no rehearsal grants:`, ...asked.map((p) => `  ${p.field}: ${p.value} (${p.grants})`)];
  });
  return [...lines, `not reproduced by a rehearsal: ${REHEARSAL_CONTAINER}`].join('\n');
}

function lineNote(lines: { staging: number | null; production: number | null } | undefined): string {
  if (lines === undefined || (lines.staging === null && lines.production === null)) {
    return '';
  }
  return ` (lines ${lines.staging ?? '-'} / ${lines.production ?? '-'})`;
}
