/**
 * The workspace: the folders a rehearsal may read from. A scenario names models, snapshots and
 * Deployment files by path, and a scenario may come from anyone; so every path it names must
 * resolve (symlinks followed) inside the workspace, or nothing of it is read. The workspace is
 * the scenario's folder, the current folder and the folders a person names (`--workspace`, or the
 * app's launch options); nothing inside a scenario can widen it. Pure: engine/node resolves the
 * paths on disk (workspaceAccess.ts) and asks this module whether they are inside.
 */

/** One folder of a workspace, and why it is one. */
export interface WorkspaceFolder {
  /** Absolute; symlinks resolved once the workspace is opened on disk. */
  readonly path: string;
  /** How the refusal names it: "the current folder", "--workspace", "the scenario's folder". */
  readonly why: string;
}

/** The folders a command or the app may read from, and how a person widens them. */
export interface Workspace {
  readonly folders: readonly WorkspaceFolder[];
  /** What to do to read a file outside, said to the person: "pass --workspace <folder>". */
  readonly widen: string;
}

/** True when `path` is `folder` or lies below it; both absolute, `/` or `\` separated. */
export function isWithin(path: string, folder: string): boolean {
  const base = trimSeparators(folder);
  const target = trimSeparators(path);
  return target === base || target.startsWith(`${base}/`);
}

/** The folder of the workspace that holds `realPath`, or null when none does. */
export function folderHolding(workspace: Workspace, realPath: string): WorkspaceFolder | null {
  return workspace.folders.find((folder) => isWithin(realPath, folder.path)) ?? null;
}

/**
 * The refusal of a path outside: the words "outside the workspace", where the path leads, and how
 * to widen. `entry` is the file of a glob or a model folder that leads outside, when it is not the path itself.
 */
export function outsideMessage(workspace: Workspace, path: string, realPath: string, entry?: string): string {
  const leads =
    entry !== undefined ? ` (${entry} leads to ${realPath})` : trimSeparators(realPath) === trimSeparators(path) ? '' : ` (it leads to ${realPath})`;
  const folders = workspace.folders.map((f) => `${f.path} (${f.why})`).join(', ');
  return `outside the workspace${leads}: expected a path under ${folders === '' ? 'no folder' : folders}; ${workspace.widen}`;
}

/** Adds folders to a workspace, keeping the first reason given for a folder. */
export function widenWorkspace(workspace: Workspace, folders: readonly WorkspaceFolder[]): Workspace {
  const all = [...workspace.folders];
  for (const folder of folders) {
    if (!all.some((f) => trimSeparators(f.path) === trimSeparators(folder.path))) {
      all.push(folder);
    }
  }
  return { ...workspace, folders: all };
}

/** True when a snapshot path is a glob DuckDB expands (`*`, `?`, `[...]`), as its reader decides. */
export function isGlobPath(path: string): boolean {
  return /[*?[]/.test(path);
}

/** A glob split at its first segment that holds a wildcard: the folder it starts from and the segments to match. */
export function splitGlob(path: string): { readonly base: string; readonly segments: readonly string[] } {
  const parts = path.replace(/\\/g, '/').split('/');
  const first = parts.findIndex((part) => isGlobPath(part));
  if (first < 0) {
    return { base: path, segments: [] };
  }
  const base = parts.slice(0, first).join('/');
  return { base: base === '' ? '/' : base, segments: parts.slice(first) };
}

/**
 * One glob segment as a regular expression over a file name: `*` any run of characters but `/`,
 * `?` one, `[abc]` and `[!abc]` a class; `**` (matching any depth) is handled by the walker.
 */
export function segmentPattern(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '[' && segment.indexOf(']', i + 2) > i) {
      const end = segment.indexOf(']', i + 2);
      const body = segment.slice(i + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      source += `[${negated ? '^' : ''}${(negated ? body.slice(1) : body).replace(/[\\\]]/g, '\\$&')}]`;
      i = end;
    } else {
      source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

function trimSeparators(path: string): string {
  const forward = path.replace(/\\/g, '/');
  return forward.length > 1 ? forward.replace(/\/+$/, '') : forward === '/' ? '' : forward;
}
