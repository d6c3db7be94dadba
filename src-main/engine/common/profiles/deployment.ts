/**
 * A Kubernetes Deployment as a resource profile (the seed's model-deployment.yaml): the
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

type Deployment = z.infer<typeof deploymentSchema>;
type Container = Deployment['spec']['template']['spec']['containers'][number];
type FieldPath = readonly (string | number)[];
type FieldParse<T> = { ok: true; value: T } | { ok: false; expected: string };

/** The parsed YAML with what locates a field in it. */
interface DeploymentSource {
  readonly doc: Document;
  readonly lines: LineCounter;
  readonly file: string;
}

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
  const source: DeploymentSource = { doc, lines, file };
  const data: unknown = doc.toJS();
  const parsed = deploymentSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => schemaIssue(source, issue)) };
  }
  const deployment = parsed.data;
  const containers = deployment.spec.template.spec.containers;
  const index = containerName === undefined ? 0 : containers.findIndex((c) => c.name === containerName);
  if (index < 0) {
    const message = `no container named "${containerName}"; expected one of: ${containers.map((c) => c.name).join(', ')}`;
    return { ok: false, issues: [at(source, ['spec', 'template', 'spec', 'containers'], message)] };
  }
  const chosen = containers[index]!;
  const reader = fieldReader(source);
  const base = ['spec', 'template', 'spec', 'containers', index] as const;
  const requests = resourceAmounts(reader, chosen, [...base, 'resources', 'requests'], 'requests');
  const limits = resourceAmounts(reader, chosen, [...base, 'resources', 'limits'], 'limits');
  const settings = serverSettings(reader, chosen, base);
  const gpuType = deployment.spec.template.spec.nodeSelector?.['gpu-type'] ?? null;
  if (gpuType !== null) {
    reader.note(['spec', 'template', 'spec', 'nodeSelector', 'gpu-type']);
  }
  if (reader.issues.length > 0) {
    return { ok: false, issues: reader.issues };
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
      lines: reader.lines,
    },
  };
}

/** A schema problem at the line of the field it names. */
function schemaIssue(source: DeploymentSource, issue: z.core.$ZodIssue): ValidationIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  return at(source, path, kindHint(issue, describeIssue(issue)));
}

/** Reads fields of the document, noting each one's line and collecting the problems. */
interface FieldReader {
  read<T>(path: FieldPath, value: string | number | undefined, parse: (v: string | number) => FieldParse<T>): T | null;
  /** Records the line of a field read without parsing. */
  note(path: FieldPath): void;
  report(issue: ValidationIssue): void;
  readonly source: DeploymentSource;
  readonly issues: readonly ValidationIssue[];
  readonly lines: Readonly<Record<string, number>>;
}

function fieldReader(source: DeploymentSource): FieldReader {
  const issues: ValidationIssue[] = [];
  const lines: Record<string, number> = {};
  const note = (path: FieldPath): ValidationIssue => {
    const location = at(source, path, '');
    if (location.line !== null) {
      lines[formatPath(path)] = location.line;
    }
    return location;
  };
  return {
    source,
    issues,
    lines,
    note,
    report: (issue) => issues.push(issue),
    read(path, value, parse) {
      if (value === undefined) {
        return null;
      }
      const location = note(path);
      const result = parse(value);
      if (!result.ok) {
        issues.push({ ...location, message: `expected ${result.expected}` });
        return null;
      }
      return result.value;
    },
  };
}

/** The container's requests or limits. */
function resourceAmounts(reader: FieldReader, chosen: Container, path: FieldPath, which: 'requests' | 'limits'): ResourceAmounts {
  const given = chosen.resources?.[which] ?? {};
  return {
    memoryBytes: reader.read([...path, 'memory'], given.memory, kubernetesMemory),
    cpus: reader.read([...path, 'cpu'], given.cpu, kubernetesCpu),
    gpus: reader.read([...path, 'nvidia.com/gpu'], given['nvidia.com/gpu'], gpuCount),
  };
}

/** The batching and timeout settings the container's env gives the model server. */
function serverSettings(reader: FieldReader, chosen: Container, base: FieldPath): Record<'maxBatch' | 'timeoutMs' | 'queueDelayMs', number | null> {
  const settings: Record<'maxBatch' | 'timeoutMs' | 'queueDelayMs', number | null> = { maxBatch: null, timeoutMs: null, queueDelayMs: null };
  (chosen.env ?? []).forEach((variable, i) => {
    const rule = ENV[variable.name as keyof typeof ENV];
    if (rule === undefined) {
      return;
    }
    if (variable.value === undefined) {
      reader.report({
        ...at(reader.source, [...base, 'env', i], ''),
        message: `${variable.name}: expected a literal value (value: "..."); a value from a ConfigMap or Secret cannot be read here`,
      });
      return;
    }
    settings[rule.key] = reader.read([...base, 'env', i, 'value'], variable.value, (v) => envNumber(String(v), rule));
  });
  return settings;
}

function gpuCount(value: string | number): FieldParse<number> {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n >= 0 && String(value).trim() !== ''
    ? { ok: true, value: n }
    : { ok: false, expected: `a whole number of GPUs (got "${value}")` };
}

function envNumber(text: string, rule: { readonly min: number; readonly whole: boolean; readonly expected: string }): FieldParse<number> {
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
function at({ doc, lines, file }: DeploymentSource, path: FieldPath, message: string): ValidationIssue {
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
