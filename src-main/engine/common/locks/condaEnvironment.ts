/**
 * A conda environment file (`conda env export` writes one): `dependencies` holds conda match
 * specs (`numpy=1.26.4=py311h64a7726_0`, `numpy==1.26.4`, `numpy>=1.20`, `conda-forge::numpy`)
 * and optionally a nested `pip:` list of requirements, read as a requirements file's lines.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { InputError } from '../run/inputError';
import type { LockEntry, LockFile, Pin } from './lockFile';
import { packageKey } from './packageNames';
import { withoutCredentials } from './distributionFile';
import { addRequirementLine, type RequirementLines } from './requirements';

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*/;
const NOT_ONE_VERSION = /[*|,<>!~]/;

/** Parses an environment.yml. Throws an InputError naming `file:line`. */
export function parseCondaEnvironmentText(text: string, file: string): LockFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: unknown): number => {
    const offset = (node as YamlNode | undefined)?.range?.[0];
    return offset === undefined ? 1 : lines.linePos(offset).line;
  };
  const firstError = doc.errors[0];
  if (firstError) {
    throw new InputError(
      `${file}:${lines.linePos(firstError.pos[0]).line}`,
      `not valid YAML (${firstError.message.split('\n')[0]}); expected a conda environment file`,
    );
  }
  const root = doc.contents;
  if (!isMap(root)) {
    throw new InputError(`${file}:1`, 'expected a conda environment: a mapping with "dependencies" (and "name", "channels")');
  }
  const dependencies = root.get('dependencies', true);
  if (!isSeq(dependencies)) {
    const where = dependencies === undefined ? 1 : lineOf(dependencies);
    throw new InputError(
      `${file}:${where}`,
      `"dependencies" is ${dependencies === undefined ? 'missing' : 'not a list'}; expected a list of conda specs such as numpy=1.26.4=py311h64a7726_0`,
    );
  }
  const read: RequirementLines = { entries: [], includes: [], notes: [] };
  for (const item of dependencies.items) {
    const line = lineOf(item);
    if (isScalar(item) && typeof item.value === 'string') {
      read.entries.push(condaEntry(item.value.trim(), file, line));
      continue;
    }
    const pip = isMap(item) && item.items.length === 1 ? item.get('pip', true) : undefined;
    if (!isSeq(pip)) {
      throw new InputError(`${file}:${line}`, 'expected a conda spec (a string such as numpy=1.26.4=py311h64a7726_0) or a "pip:" list');
    }
    for (const requirement of pip.items) {
      const pipLine = lineOf(requirement);
      if (!isScalar(requirement) || typeof requirement.value !== 'string') {
        throw new InputError(`${file}:${pipLine}`, 'expected a pip requirement string such as scikit-learn==1.4.1.post1');
      }
      addRequirementLine(read, withoutCredentials(requirement.value.trim()), file, pipLine);
    }
  }
  return { file, format: 'conda', ...read };
}

/**
 * One conda match spec. Conda reads `=1.26.4` as `1.26.4.*` (a prefix match) and `==1.26.4` as
 * that version only; `=1.26.4=<build>` fixes the version and the build (`conda env export`).
 */
function condaEntry(raw: string, file: string, line: number): LockEntry {
  const where = `${file}:${line}`;
  const spec = raw.replace(/^[^\s:]+::/, '');
  if (spec.includes('[')) {
    throw new InputError(where, `"${raw}": bracketed match specs are not read; expected name, name=version=build, name==version or name>=version`);
  }
  const spaced = spec.split(/\s+/);
  const named = NAME.exec(spec);
  if (!named) {
    throw new InputError(where, `"${raw}" does not start with a package name; expected name=version=build (as conda env export writes)`);
  }
  const name = named[0];
  // `name version [build]` (conda list's columns): a bare version there is exact, as in conda's MatchSpec.
  const rest = spaced.length > 1 ? spacedRest(spaced.slice(1)) : spec.slice(name.length);
  return { name, key: packageKey('conda', name), ecosystem: 'conda', spec: raw, pin: condaPin(rest, raw, where), file, line };
}

function spacedRest([version, build]: readonly string[]): string {
  if (/^[<>=!~]/.test(version!)) {
    return version!;
  }
  return build === undefined ? `==${version}` : `==${version}=${build}`;
}

function condaPin(rest: string, raw: string, where: string): Pin {
  if (rest === '') {
    return { kind: 'unpinned', reason: 'no version' };
  }
  const exact = /^==([^=]+)(?:=([^=]+))?$/.exec(rest);
  const single = /^=([^=]+)(?:=([^=]+))?$/.exec(rest);
  const match = exact ?? single;
  if (match) {
    const [, version, build] = match as unknown as [string, string, string | undefined];
    if (NOT_ONE_VERSION.test(version)) {
      return { kind: 'range', reason: `${version} admits more than one version` };
    }
    if (build !== undefined && build !== '*') {
      return { kind: 'exact', version, build };
    }
    return exact
      ? { kind: 'exact', version }
      : { kind: 'range', reason: `conda reads =${version} as ${version}.* (a prefix match); pin with ==${version} or =${version}=<build>` };
  }
  if (/^(>=|<=|>|<|!=|~=)/.test(rest)) {
    return { kind: 'range', reason: `${rest} admits more than one version` };
  }
  throw new InputError(where, `"${raw}" is not a conda spec; expected name, name=version=build, name==version or name>=version`);
}
