/**
 * The LockStore port on the file system: a model's `training.lock` beside its model.onnx, and the
 * serving environment's lock. The embedded backend serves from this project's own install, so its
 * lock is the project's package-lock.json without the packages only development needs (what
 * `npm ci --omit=dev` installs); the Docker backend's is the lock copied into its serving image.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LockFile } from '../../common/locks/lockFile';
import { parsePackageLockText } from '../../common/locks/packageLock';
import type { LockStore } from '../../common/ports/locks';
import type { ModelArtifact } from '../../common/ports/models';
import { InputError } from '../../common/run/inputError';
import { projectRoot } from '../run/projectRoot';
import { imageLockFile } from '../docker/servingLock';
import { readLockFile } from './readLockFile';

/** The training lock's name in a model folder (DESIGN.md, "A model folder"). */
export const TRAINING_LOCK = 'training.lock';

/** Locks read from disk. An unreadable lock is an InputError naming the file (and line). */
export function fileLockStore(): LockStore {
  return {
    async training(artifact: ModelArtifact) {
      if (!existsSync(artifact.path) || !statSync(artifact.path).isDirectory()) {
        return { unavailable: `${artifact.path} is a bare model file; only a model folder carries a ${TRAINING_LOCK}` };
      }
      const path = join(artifact.path, TRAINING_LOCK);
      return existsSync(path) ? readLockFile(path) : { unavailable: `no ${TRAINING_LOCK} in ${artifact.path}` };
    },
    async serving(backend) {
      return { backend, lock: backend === 'docker' ? readLockFile(imageLockFile()) : embeddedServingLock() };
    },
  };
}

/** This project's production install, read from its package-lock.json. */
function embeddedServingLock(): LockFile {
  const path = join(projectRoot(), 'package-lock.json');
  if (!existsSync(path)) {
    throw new InputError(path, 'the embedded backend serves from this project, whose package-lock.json is missing; run npm install');
  }
  return parsePackageLockText(readFileSync(path, 'utf8'), path, { omitDev: true });
}
