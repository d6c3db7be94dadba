/**
 * Turns the text of a scenario file (YAML, or JSON, which YAML 1.2 reads too) into a validated
 * scenario, or into every problem found, each with its file, line, field path and what was
 * expected. Pure: the caller reads the file.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { ValidationIssue } from '../../../contract/scenarioSummary';
import { yamlProblem } from '../validation/contentFree';
import { describeIssue, formatPath } from '../validation/zodIssue';
import { scenarioSchema, type Scenario } from './schema';

export type ScenarioParse =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      /** Where a field is written in the file (its value's first character), for problems found after parsing. */
      readonly positionOf: (path: readonly (string | number)[]) => { line: number | null; column: number | null };
    }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Parses and validates; never throws on bad input. */
export function parseScenarioText(text: string, file: string): ScenarioParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return { file, line: pos.line, column: pos.col, path: '', message: `not valid YAML or JSON: ${yamlProblem(error.code)}` };
      }),
    };
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, issues: [{ file, line: 1, column: 1, path: '', message: 'expected a mapping of scenario keys (name, models, snapshots, ...)' }] };
  }
  const result = scenarioSchema.safeParse(data);
  if (result.success) {
    return { ok: true, scenario: result.data, positionOf: (path) => position(doc.getIn(path, true) as YamlNode | undefined, lineCounter) };
  }
  return { ok: false, issues: result.error.issues.flatMap((issue) => locate(issue, doc, lineCounter, file)) };
}

function locate(issue: z.core.$ZodIssue, doc: Document, lines: LineCounter, file: string): ValidationIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const parent = doc.getIn(path, true);
    return issue.keys.map((key) => {
      const keyNode = isMap(parent) ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key : undefined;
      const at = position(keyNode as YamlNode | undefined, lines);
      const known = Object.keys(allowedKeysAt(path));
      const hint = known.length > 0 ? `; expected one of: ${known.join(', ')}` : '';
      return { file, ...at, path: formatPath([...path, key]), message: `unknown key "${key}"${hint}` };
    });
  }
  // Point at the deepest node that exists: a missing key points at its parent mapping.
  let node: unknown;
  for (let depth = path.length; depth >= 0; depth--) {
    node = doc.getIn(path.slice(0, depth), true);
    if (node !== undefined) {
      break;
    }
  }
  return [{ file, ...position(node as YamlNode | undefined, lines), path: formatPath(path), message: describeIssue(issue) }];
}

function position(node: YamlNode | undefined, lines: LineCounter): { line: number | null; column: number | null } {
  const offset = node?.range?.[0];
  if (offset === undefined) {
    return { line: null, column: null };
  }
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function allowedKeysAt(path: readonly (string | number)[]): Record<string, unknown> {
  let schema: unknown = scenarioSchema;
  for (const part of path) {
    schema = unwrap(schema);
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    if (typeof part === 'string' && shape) {
      schema = shape[part];
    } else {
      schema = (schema as { element?: unknown }).element;
    }
  }
  return (unwrap(schema) as { shape?: Record<string, unknown> }).shape ?? {};
}

function unwrap(schema: unknown): unknown {
  let current = schema as { unwrap?: () => unknown; def?: { innerType?: unknown; in?: unknown } } | undefined;
  // Optional and default wrap an inner type; a transform is a pipe whose input holds the keys.
  while ((current?.def?.innerType ?? current?.def?.in) !== undefined) {
    current = (current!.def!.innerType ?? current!.def!.in) as typeof current;
  }
  return current;
}
