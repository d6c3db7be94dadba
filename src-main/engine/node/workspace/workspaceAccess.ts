/**
 * The workspace on disk: folders and paths with their symlinks resolved (realpath), so a link
 * that points outside counts as outside. Every file a path leads to is checked before a byte of
 * it is read: the file itself, each file a snapshot glob matches, each file of a model folder.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../../common/run/inputError';
import { folderHolding, isGlobPath, outsideMessage, segmentPattern, splitGlob, type Workspace, type WorkspaceFolder } from '../../common/workspace/workspace';

/** What a path names, which decides which files it leads to. */
export type PathKind = 'file' | 'snapshot' | 'model';

/** The most entries a model folder or a glob is walked through; a tree larger than this is refused, not half checked. */
const MAX_ENTRIES = 100_000;

/** A workspace whose folders are absolute and have their symlinks resolved. */
export function openWorkspace(folders: readonly WorkspaceFolder[], widen: string): Workspace {
  const opened: WorkspaceFolder[] = [];
  for (const folder of folders) {
    const path = realPathOf(resolve(folder.path));
    if (!opened.some((f) => f.path === path)) {
      opened.push({ path, why: folder.why });
    }
  }
  return { folders: opened, widen };
}

/** The path with every symlink resolved; for a path that does not exist (yet), its deepest existing folder's real path and the rest. */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPathOf(parent), basename(absolute));
  }
}

/** Null when every file the path leads to is inside the workspace; otherwise why not, in words. */
export function refusalOf(workspace: Workspace, path: string, kind: PathKind): string | null {
  const absolute = resolve(path);
  if (kind === 'snapshot' && isGlobPath(absolute)) {
    return globRefusal(workspace, absolute);
  }
  const real = realPathOf(absolute);
  if (folderHolding(workspace, real) === null) {
    return outsideMessage(workspace, absolute, real);
  }
  if (kind === 'model') {
    return isFolder(real) ? treeRefusal(workspace, absolute) : siblingRefusal(workspace, dirname(absolute));
  }
  return null;
}

/** What a model read from a bare .onnx file reads beside it (DESIGN.md, "A model folder"): not the whole folder, which may be anyone's. */
const MODEL_SIBLINGS = ['model.sha256', 'model-card.json', 'reference.json', 'training.lock', 'serving', 'tfjs'];

function siblingRefusal(workspace: Workspace, folder: string): string | null {
  for (const name of MODEL_SIBLINGS) {
    const entry = join(folder, name);
    const refusal = entryRefusal(workspace, entry) ?? (isFolder(entry) ? treeRefusal(workspace, entry) : null);
    if (refusal !== null) {
      return refusal;
    }
  }
  return null;
}

/** Throws an InputError naming the path (and the flag or field it came from) when it leads outside. */
export function requireInWorkspace(workspace: Workspace, path: string, kind: PathKind, from?: string): void {
  const refusal = refusalOf(workspace, path, kind);
  if (refusal !== null) {
    throw new InputError(from === undefined ? path : `${from} ${path}`, refusal);
  }
}

/** Checks the folder a glob starts from, then every entry it can match. */
function globRefusal(workspace: Workspace, pattern: string): string | null {
  const { base, segments } = splitGlob(pattern);
  const realBase = realPathOf(base);
  if (folderHolding(workspace, realBase) === null) {
    return outsideMessage(workspace, base, realBase);
  }
  const budget = { left: MAX_ENTRIES };
  return matchRefusal(workspace, base, segments, budget, new Set());
}

function matchRefusal(workspace: Workspace, folder: string, segments: readonly string[], budget: { left: number }, seen: Set<string>): string | null {
  const [segment, ...rest] = segments;
  if (segment === undefined) {
    return null;
  }
  const real = realPathOf(folder);
  if (seen.has(`${real}\0${segments.join('/')}`) || !isFolder(real)) {
    return null;
  }
  seen.add(`${real}\0${segments.join('/')}`);
  const pattern = segment === '**' ? null : segmentPattern(segment);
  for (const name of listFolder(folder)) {
    if (--budget.left < 0) {
      return `a glob that reaches more than ${MAX_ENTRIES} entries: expected a narrower pattern`;
    }
    const entry = join(folder, name);
    const matched = pattern === null || pattern.test(name);
    const refusal =
      (matched && rest.length === 0 ? entryRefusal(workspace, entry) : null) ??
      (matched && rest.length > 0 ? descend(workspace, entry, rest, budget, seen) : null) ??
      (segment === '**' ? descend(workspace, entry, segments, budget, seen) : null);
    if (refusal !== null) {
      return refusal;
    }
  }
  // `**` also matches no folder at all.
  return segment === '**' ? matchRefusal(workspace, folder, rest, budget, seen) : null;
}

function descend(workspace: Workspace, entry: string, segments: readonly string[], budget: { left: number }, seen: Set<string>): string | null {
  const real = realPathOf(entry);
  if (!isFolder(real)) {
    return null;
  }
  // A linked folder is walked only when it is inside: what lies below an outside folder is outside too.
  return folderHolding(workspace, real) === null ? outsideMessage(workspace, entry, real, entry) : matchRefusal(workspace, entry, segments, budget, seen);
}

/** Checks every entry below a folder (a model folder: model.onnx, its card, serving tables, locks). */
function treeRefusal(workspace: Workspace, folder: string): string | null {
  const budget = { left: MAX_ENTRIES };
  const seen = new Set<string>();
  const walk = (dir: string): string | null => {
    const real = realPathOf(dir);
    if (seen.has(real)) {
      return null;
    }
    seen.add(real);
    for (const name of listFolder(dir)) {
      if (--budget.left < 0) {
        return `a model folder of more than ${MAX_ENTRIES} entries: expected a model folder (DESIGN.md, "A model folder")`;
      }
      const entry = join(dir, name);
      const refusal = entryRefusal(workspace, entry) ?? (isFolder(entry) ? walk(entry) : null);
      if (refusal !== null) {
        return refusal;
      }
    }
    return null;
  };
  return walk(folder);
}

function entryRefusal(workspace: Workspace, entry: string): string | null {
  if (!isLink(entry)) {
    return null;
  }
  const real = realPathOf(entry);
  return folderHolding(workspace, real) === null ? outsideMessage(workspace, entry, real, entry) : null;
}

function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
