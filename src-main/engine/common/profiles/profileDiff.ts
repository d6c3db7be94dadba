/**
 * Every difference between two resource profiles: the fields that set how the model
 * server runs (limits, requests, batching, GPU placement) first, then every other value in which
 * the two Deployment files differ. Which of them matter is not decided here from a list of keys:
 * the load phase measures it.
 */
import type { ProfileDifference } from '../../../contract/profiles';
import type { DeploymentSpec } from './deployment';
import { isPrivilegeField } from './hostPrivileges';
import { formatBytes } from './quantities';
import type { ResourceProfile } from './resourceProfile';

type Known = {
  readonly field: string;
  readonly kind: ProfileDifference['kind'];
  readonly path: (spec: DeploymentSpec) => string | null;
  readonly value: (spec: DeploymentSpec) => string | null;
};

const CONTAINER = (spec: DeploymentSpec): string => `spec.template.spec.containers[${containerIndex(spec)}]`;
const KNOWN: readonly Known[] = [
  ...(['limits', 'requests'] as const).flatMap((which): Known[] => [
    { field: `${which}.memory`, kind: 'resources', path: (s) => `${CONTAINER(s)}.resources.${which}.memory`, value: (s) => bytes(s[which].memoryBytes) },
    { field: `${which}.cpu`, kind: 'resources', path: (s) => `${CONTAINER(s)}.resources.${which}.cpu`, value: (s) => num(s[which].cpus) },
    { field: `${which}.nvidia.com/gpu`, kind: 'resources', path: (s) => `${CONTAINER(s)}.resources.${which}.nvidia.com/gpu`, value: (s) => num(s[which].gpus) },
  ]),
  { field: 'env.MAX_BATCH_SIZE', kind: 'batching', path: (s) => envPath(s, 'MAX_BATCH_SIZE'), value: (s) => num(s.maxBatch) },
  { field: 'env.MODEL_TIMEOUT_MS', kind: 'batching', path: (s) => envPath(s, 'MODEL_TIMEOUT_MS'), value: (s) => num(s.timeoutMs) },
  { field: 'env.MAX_QUEUE_DELAY_MS', kind: 'batching', path: (s) => envPath(s, 'MAX_QUEUE_DELAY_MS'), value: (s) => num(s.queueDelayMs) },
  { field: 'nodeSelector.gpu-type', kind: 'placement', path: () => 'spec.template.spec.nodeSelector.gpu-type', value: (s) => s.gpuType },
];

/** Every difference between two Deployment files: the known fields, then every other value. */
export function diffDeployments(staging: DeploymentSpec, production: DeploymentSpec): ProfileDifference[] {
  const differences: ProfileDifference[] = [];
  for (const known of KNOWN) {
    const [a, b] = [known.value(staging), known.value(production)];
    if (a !== b) {
      differences.push({
        field: known.field,
        kind: known.kind,
        staging: a,
        production: b,
        lines: { staging: lineOf(staging, known.path(staging)), production: lineOf(production, known.path(production)) },
      });
    }
  }
  const [leavesA, leavesB] = [leaves(staging), leaves(production)];
  const others: ProfileDifference[] = [];
  for (const path of [...new Set([...leavesA.keys(), ...leavesB.keys()])].sort()) {
    const [a, b] = [leavesA.get(path) ?? null, leavesB.get(path) ?? null];
    if (a !== b) {
      others.push({ field: path, kind: isPrivilegeField(path) ? 'privileges' : 'other', staging: a, production: b });
    }
  }
  // What one side asks of its host and the other does not comes before the rest of the file.
  return [...differences, ...others.filter((d) => d.kind === 'privileges'), ...others.filter((d) => d.kind !== 'privileges')];
}

/** The differences between two resolved profiles (profiles written out in a scenario). */
export function diffProfiles(staging: ResourceProfile, production: ResourceProfile): ProfileDifference[] {
  const fields: [string, ProfileDifference['kind'], (p: ResourceProfile) => string | null][] = [
    ['memory', 'resources', (p) => bytes(p.memoryBytes)],
    ['cpus', 'resources', (p) => num(p.cpus)],
    ['gpus', 'resources', (p) => (p.gpus === null ? null : String(p.gpus))],
    ['gpuType', 'placement', (p) => p.gpuType],
    ['maxBatch', 'batching', (p) => num(p.maxBatch)],
    ['queueDelay', 'batching', (p) => `${p.maxQueueDelayMs} ms`],
    ['timeout', 'batching', (p) => `${p.timeoutMs} ms`],
    ['backend', 'runtime', (p) => p.backend],
    ['executionProvider', 'runtime', (p) => p.executionProvider],
  ];
  return fields.flatMap(([field, kind, value]) => {
    const [a, b] = [value(staging), value(production)];
    return a === b ? [] : [{ field, kind, staging: a, production: b }];
  });
}

/** One line per difference, for people. */
export function describeDifference(difference: ProfileDifference): string {
  return `${difference.field}: staging ${difference.staging ?? '(not set)'}, production ${difference.production ?? '(not set)'}`;
}

function bytes(value: number | null): string | null {
  return value === null ? null : formatBytes(value);
}

function num(value: number | null): string | null {
  return value === null ? null : String(value);
}

function containerIndex(spec: DeploymentSpec): number {
  const containers = containersOf(spec.document);
  return Math.max(
    0,
    containers.findIndex((c) => (c as { name?: unknown }).name === spec.container),
  );
}

function envPath(spec: DeploymentSpec, name: string): string | null {
  const env = ((containersOf(spec.document)[containerIndex(spec)] as { env?: unknown }).env ?? []) as { name?: unknown }[];
  const i = Array.isArray(env) ? env.findIndex((e) => e.name === name) : -1;
  return i < 0 ? null : `${CONTAINER(spec)}.env[${i}].value`;
}

function lineOf(spec: DeploymentSpec, path: string | null): number | null {
  return path === null ? null : (spec.lines[path] ?? null);
}

function containersOf(document: unknown): unknown[] {
  const containers = (document as { spec?: { template?: { spec?: { containers?: unknown } } } }).spec?.template?.spec?.containers;
  return Array.isArray(containers) ? containers : [];
}

/**
 * Every scalar of the document by a path that survives reordering: containers and env entries
 * are keyed by name (`containers[model-server].image`), so moving a list entry is no difference.
 * The known fields of the served container are left out (they are listed above).
 */
function leaves(spec: DeploymentSpec): Map<string, string> {
  const out = new Map<string, string>();
  const skip = (path: string): boolean =>
    path === 'spec.template.spec.nodeSelector.gpu-type' ||
    path.startsWith(`spec.template.spec.containers[${spec.container}].resources.`) ||
    ['MAX_BATCH_SIZE', 'MODEL_TIMEOUT_MS', 'MAX_QUEUE_DELAY_MS'].some((name) =>
      path.startsWith(`spec.template.spec.containers[${spec.container}].env[${name}]`),
    );
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const name = item !== null && typeof item === 'object' ? (item as { name?: unknown }).name : undefined;
        walk(item, `${path}[${typeof name === 'string' ? name : i}]`);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        walk(item, path === '' ? key : `${path}.${key}`);
      }
    } else if (!skip(path)) {
      out.set(path, value === null ? 'null' : String(value));
    }
  };
  walk(spec.document, '');
  return out;
}
