/**
 * `--workspace <folder>` (repeatable), on every command that reads a scenario, a model or a
 * snapshot. A command reads inside its workspace: the current folder, the folders named with
 * `--workspace`, and the folder of each path named on its command line; a scenario adds its own
 * folder and nothing else. A symlink counts where it leads.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isGlobPath, splitGlob, type Workspace, type WorkspaceFolder } from '../engine/common/workspace/workspace';
import { openWorkspace, requireInWorkspace, type PathKind } from '../engine/node/workspace/workspaceAccess';
import { UsageError } from './args';

/** The flag, for a command's parseFlags options. */
export const WORKSPACE_FLAG = { workspace: { type: 'string', multiple: true } } as const;

/** The flag as the usage lines write it. */
export const WORKSPACE_USAGE = '[--workspace <folder>]...';

/** What `--workspace` answers when a path leads outside. */
const WIDEN = 'pass --workspace <folder> to read from another folder';

/** A path named on the command line, with the flag it came with. */
export interface NamedPath {
  readonly path: string;
  readonly kind: PathKind;
  /** `--snapshot`, or undefined for a positional argument. */
  readonly flag?: string;
}

/** The `--workspace` folders, absolute; each must be a folder. */
export function workspaceFlagFolders(flags: readonly string[] | undefined): string[] {
  return (flags ?? []).map((folder) => {
    if (!isFolder(folder)) {
      throw new UsageError(`--workspace: expected a folder, "${folder}" is not one`);
    }
    return resolve(folder);
  });
}

/** The current folder and each `--workspace` folder, plus the folders of the paths named. */
export function commandWorkspace(flags: readonly string[] | undefined, named: readonly NamedPath[] = []): Workspace {
  const folders: WorkspaceFolder[] = [
    { path: process.cwd(), why: 'the current folder' },
    ...workspaceFlagFolders(flags).map((path) => ({ path, why: '--workspace' })),
  ];
  for (const path of named) {
    folders.push({ path: namedFolder(path), why: `named by ${path.flag ?? 'the command line'}` });
  }
  return openWorkspace(folders, WIDEN);
}

/** Checks that each path named leads inside the command's workspace; an InputError (exit 2) names the first that does not. */
export function requireNamedPaths(flags: readonly string[] | undefined, named: readonly NamedPath[]): Workspace {
  const workspace = commandWorkspace(flags, named);
  for (const path of named) {
    requireInWorkspace(workspace, path.path, path.kind, path.flag);
  }
  return workspace;
}

/** The folder a named path brings into the workspace: a model folder itself, a glob's fixed part, else the file's folder. */
function namedFolder(named: NamedPath): string {
  const absolute = resolve(named.path);
  if (named.kind === 'snapshot' && isGlobPath(absolute)) {
    return splitGlob(absolute).base;
  }
  return named.kind === 'model' && isFolder(absolute) ? absolute : dirname(absolute);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
