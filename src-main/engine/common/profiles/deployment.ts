/**
 * A Kubernetes Deployment as a resource profile (issue 6; the seed's model-deployment.yaml): the
 * serving container's requests and limits (memory, cpu, nvidia.com/gpu), its MAX_BATCH_SIZE,
 * MODEL_TIMEOUT_MS and MAX_QUEUE_DELAY_MS, and the `gpu-type` node selector. Everything else in
 * the file is kept as it is, for the diff. Pure: the caller reads the file. Every problem names
 * the file, the line and the field, and what was expected.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { ValidationIssue } from '../../../contract/scenarioSummary';
import { yamlProblem } from '../validation/contentFree';
import { describeIssue, formatPath } from '../validation/zodIssue';
import { kubernetesCpu, kubernetesMemory } from './quantities';

/** Requests or limits of one container. */
export interface ResourceAmounts {
  readonly memoryBytes: number | null;
  readonly cpus: number | null;
  readonly gpus: number | null;
}

/** What a Deployment says about how its model server runs. */
export interface DeploymentSpec {
  readonly file: string;
  readonly name: string | null;
  /** The container read: the one named, else the only or first one. */
  readonly container: string;
  readonly image: string | null;
  readonly replicas: number | null;
  readonly requests: ResourceAmounts;
  readonly limits: ResourceAmounts;
  readonly maxBatch: number | null;
  readonly timeoutMs: number | null;
  readonly queueDelayMs: number | null;
  readonly gpuType: string | null;
  /** The whole document as parsed, for listing every other difference. */
  readonly document: unknown;
  /** Line of each field read, by its path in the document (`spec.template.spec.containers[0].resources.limits.memory`). */
  readonly lines: Readonly<Record<string, number>>;
}

export type DeploymentParse = { readonly ok: true; readonly deployment: DeploymentSpec } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

const amount = z.union([z.string(), z.number()]);
const resources = z.looseObject({ memory: amount.optional(), cpu: amount.optional(), 'nvidia.com/gpu': amount.optional() });
const envVar = z.looseObject({ name: z.string().min(1), value: z.string().optional(), valueFrom: z.unknown().optional() });
const container = z.looseObject({
  name: z.string().min(1),
  image: z.string().optional(),
  resources: z.looseObject({ requests: resources.optional(), limits: resources.optional() }).optional(),
  env: z.array(envVar).optional(),
});
const deploymentSchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.literal('Deployment'),
  metadata: z.looseObject({ name: z.string().optional() }).optional(),
  spec: z.looseObject({
    replicas: z.number().int().min(0).optional(),
    template: z.looseObject({
      spec: z.looseObject({
        containers: z.array(container).min(1),
        nodeSelector: z.record(z.string(), z.string()).optional(),
      }),
    }),
  }),
});

/** The env variables read, with what each must be. */
const ENV = {
  MAX_BATCH_SIZE: { key: 'maxBatch', min: 1, whole: true, expected: 'a whole number of rows, at least 1' },
  MODEL_TIMEOUT_MS: { key: 'timeoutMs', min: 1, whole: false, expected: 'a number of milliseconds, at least 1' },
  MAX_QUEUE_DELAY_MS: { key: 'queueDelayMs', min: 0, whole: false, expected: 'a number of milliseconds, at least 0' },
} as const;

/** Parses a Deployment; `containerName` picks a container when the pod has several. Never throws on bad input. */
export function parseDeployment(text: string, file: string, containerName?: string): DeploymentParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const pos = lines.linePos(error.pos[0]);
        return { file, line: pos.line, column: pos.col, path: '', message: `not valid YAML: ${yamlProblem(error.code)}` };
      }),
    };
  }
  const data: unknown = doc.toJS();
  const parsed = deploymentSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) =>
        at(
          doc,
          lines,
          file,
          issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
          kindHint(issue, describeIssue(issue)),
        ),
      ),
    };
  }
  const deployment = parsed.data;
  const containers = deployment.spec.template.spec.containers;
  const index = containerName === undefined ? 0 : containers.findIndex((c) => c.name === containerName);
  if (index < 0) {
    return {
      ok: false,
      issues: [
        at(
          doc,
          lines,
          file,
          ['spec', 'template', 'spec', 'containers'],
          `no container named "${containerName}"; expected one of: ${containers.map((c) => c.name).join(', ')}`,
        ),
      ],
    };
  }
  const chosen = containers[index]!;
  const base = ['spec', 'template', 'spec', 'containers', index] as const;
  const issues: ValidationIssue[] = [];
  const found: Record<string, number> = {};
  const read = <T>(
    path: readonly (string | number)[],
    value: string | number | undefined,
    parse: (v: string | number) => { ok: true; value: T } | { ok: false; expected: string },
  ): T | null => {
    if (value === undefined) {
      return null;
    }
    const location = at(doc, lines, file, path, '');
    if (location.line !== null) {
      found[formatPath(path)] = location.line;
    }
    const result = parse(value);
    if (!result.ok) {
      issues.push({ ...location, message: `expected ${result.expected}` });
      return null;
    }
    return result.value;
  };
  const amounts = (which: 'requests' | 'limits'): ResourceAmounts => {
    const given = chosen.resources?.[which] ?? {};
    const path = [...base, 'resources', which];
    return {
      memoryBytes: read([...path, 'memory'], given.memory, kubernetesMemory),
      cpus: read([...path, 'cpu'], given.cpu, kubernetesCpu),
      gpus: read([...path, 'nvidia.com/gpu'], given['nvidia.com/gpu'], gpuCount),
    };
  };
  const requests = amounts('requests');
  const limits = amounts('limits');
  const settings: Record<'maxBatch' | 'timeoutMs' | 'queueDelayMs', number | null> = { maxBatch: null, timeoutMs: null, queueDelayMs: null };
  (chosen.env ?? []).forEach((variable, i) => {
    const rule = ENV[variable.name as keyof typeof ENV];
    if (rule === undefined) {
      return;
    }
    const path = [...base, 'env', i, 'value'];
    if (variable.value === undefined) {
      issues.push({
        ...at(doc, lines, file, [...base, 'env', i], ''),
        message: `${variable.name}: expected a literal value (value: "..."); a value from a ConfigMap or Secret cannot be read here`,
      });
      return;
    }
    settings[rule.key] = read(path, variable.value, (v) => envNumber(String(v), rule));
  });
  const gpuType = deployment.spec.template.spec.nodeSelector?.['gpu-type'] ?? null;
  if (gpuType !== null) {
    const path = ['spec', 'template', 'spec', 'nodeSelector', 'gpu-type'];
    const line = at(doc, lines, file, path, '').line;
    if (line !== null) {
      found[formatPath(path)] = line;
    }
  }
  if (issues.length > 0) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    deployment: {
      file,
      name: deployment.metadata?.name ?? null,
      container: chosen.name,
      image: chosen.image ?? null,
      replicas: deployment.spec.replicas ?? null,
      requests,
      limits,
      ...settings,
      gpuType,
      document: data,
      lines: found,
    },
  };
}

function gpuCount(value: string | number): { ok: true; value: number } | { ok: false; expected: string } {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n >= 0 && String(value).trim() !== ''
    ? { ok: true, value: n }
    : { ok: false, expected: `a whole number of GPUs (got "${value}")` };
}

function envNumber(
  text: string,
  rule: { readonly min: number; readonly whole: boolean; readonly expected: string },
): { ok: true; value: number } | { ok: false; expected: string } {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < rule.min || (rule.whole && !Number.isInteger(n))) {
    return { ok: false, expected: `${rule.expected} (got "${text}")` };
  }
  return { ok: true, value: n };
}

function kindHint(issue: z.core.$ZodIssue, message: string): string {
  if (issue.path.length === 1 && issue.path[0] === 'kind') {
    return `expected a Deployment (kind: Deployment, apiVersion: apps/v1)${issue.code === 'invalid_value' ? '' : `; ${message}`}`;
  }
  return message;
}

/** The issue at the deepest node of `path` that exists (a missing key points at its parent). */
function at(doc: Document, lines: LineCounter, file: string, path: readonly (string | number)[], message: string): ValidationIssue {
  let node: YamlNode | undefined;
  for (let depth = path.length; depth >= 0 && node === undefined; depth--) {
    const found = doc.getIn(path.slice(0, depth), true) as YamlNode | undefined;
    node = found !== null && typeof found === 'object' && 'range' in found ? found : undefined;
    if (depth === 0 && node === undefined && (isMap(doc.contents) || isSeq(doc.contents))) {
      node = doc.contents;
    }
  }
  const offset = node?.range?.[0];
  const pos = offset === undefined ? null : lines.linePos(offset);
  return { file, line: pos?.line ?? null, column: pos?.col ?? null, path: formatPath(path), message };
}
