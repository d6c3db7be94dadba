/**
 * Which format a lock file is in, by its name first and its content next (a model folder's
 * `training.lock` says nothing by its name), and the parser for it.
 */
import { parseCondaEnvironmentText } from './condaEnvironment';
import type { LockFile, LockFormat } from './lockFile';
import { parsePackageLockText } from './packageLock';
import { parseRequirementsText } from './requirements';

/** The format of a lock file, from its base name and text. */
export function detectLockFormat(baseName: string, text: string): LockFormat {
  const name = baseName.toLowerCase();
  if (name === 'package-lock.json' || name === 'npm-shrinkwrap.json' || text.trimStart().startsWith('{')) {
    return 'package-lock';
  }
  // No requirements line can be a YAML key, so a top-level `dependencies:` means a conda file.
  if (/\.ya?ml$/.test(name) || /^dependencies\s*:/m.test(text)) {
    return 'conda';
  }
  return 'requirements';
}

/** Parses a lock file's text in the given (or detected) format. Throws an InputError naming `file:line`. */
export function parseLockText(text: string, file: string, format: LockFormat): LockFile {
  switch (format) {
    case 'package-lock':
      return parsePackageLockText(text, file);
    case 'conda':
      return parseCondaEnvironmentText(text, file);
    case 'requirements':
      return parseRequirementsText(text, file);
  }
}
