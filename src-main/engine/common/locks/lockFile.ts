/**
 * A lock file read into plain data: one entry per package requirement, whatever the format
 * (pip freeze or requirements file, package-lock.json, conda environment.yml). Parsers are pure;
 * engine/node reads the files and follows `-r`/`-c` includes.
 */
import type { LockFormat } from '../../../contract/events/dependencies';

export type { LockFormat } from '../../../contract/events/dependencies';

/** The package index a name belongs to; names are normalised as that ecosystem does. */
export type Ecosystem = 'pypi' | 'npm' | 'conda';

/** The file formats `rehearse lock-check` reads. */
export const LOCK_FORMATS: readonly LockFormat[] = ['requirements', 'package-lock', 'conda'];

/** How tightly an entry fixes what gets installed. */
export type Pin =
  /** One version (and for conda, optionally one build). */
  | { readonly kind: 'exact'; readonly version: string; readonly build?: string }
  /** A specifier that admits more than one version (`>=`, `~=`, `==1.2.*`, conda's `=1.2`). */
  | { readonly kind: 'range'; readonly reason: string }
  /** No version at all (a bare name, an editable folder, a VCS branch). */
  | { readonly kind: 'unpinned'; readonly reason: string };

/** One package requirement of a lock file. */
export interface LockEntry {
  /** The name as written. */
  readonly name: string;
  /** The normalised name the comparison matches on (PEP 503 for Python). */
  readonly key: string;
  readonly ecosystem: Ecosystem;
  /** The requirement as written, without hashes or comments, for messages. */
  readonly spec: string;
  readonly pin: Pin;
  /** The file it came from (an included file's own path) and its 1-based line. */
  readonly file: string;
  readonly line: number;
  /** A PEP 508 environment marker, kept verbatim; markers are not evaluated. */
  readonly marker?: string;
  /** How many `--hash` options the line carries. */
  readonly hashes?: number;
}

/** A `-r`/`-c` line (or its long form): another requirements file. */
export interface LockInclude {
  readonly kind: 'requirements' | 'constraints';
  readonly target: string;
  readonly file: string;
  readonly line: number;
}

/** A parsed lock file. */
export interface LockFile {
  readonly file: string;
  readonly format: LockFormat;
  readonly entries: readonly LockEntry[];
  readonly includes: readonly LockInclude[];
  /** Things a reader should know that are not packages (index URLs, includes not followed). */
  readonly notes: readonly string[];
}
