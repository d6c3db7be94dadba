/**
 * The locks preflight compares, read from disk: a model folder's training.lock, and the embedded
 * backend's serving lock (this project's package-lock.json without development-only packages).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareLocks } from '../../src-main/engine/common/locks/compareLocks';
import { parsePackageLockText } from '../../src-main/engine/common/locks/packageLock';
import type { ModelArtifact } from '../../src-main/engine/common/ports/models';
import { fileLockStore } from '../../src-main/engine/node/locks/lockStore';
import { verifyModel } from '../../src-main/engine/node/model/modelFolder';
import { readFileSync } from 'node:fs';
import { ROOT } from '../support/paths';

describe('the lock store on disk', () => {
  it('serves the embedded backend from the project production install, which pins what the demo models were trained with', async () => {
    const store = fileLockStore();
    const serving = await store.serving('embedded');
    expect(serving.backend).toBe('embedded');
    // The Docker backend's is its image's lock: the same production packages.
    const image = await store.serving('docker');
    expect(image.backend).toBe('docker');
    expect(image.lock.entries.length).toBe(serving.lock.entries.length);
    const full = parsePackageLockText(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'), 'package-lock.json');
    expect(serving.lock.entries.length).toBeLessThan(full.entries.length);
    expect(serving.lock.entries.some((e) => e.name === 'vitest')).toBe(false);
    expect(serving.lock.entries.find((e) => e.name === 'onnxruntime-node')?.pin).toEqual({ kind: 'exact', version: '1.30.0' });
    expect(serving.lock.notes[0]).toMatch(/package-lock\.json: \d+ packages needed only for development left out/);
    for (const model of ['blue-v1', 'green-v2']) {
      const training = await store.training(verifyModel(join(ROOT, 'scenarios/demo/models', model)));
      if ('unavailable' in training) {
        throw new Error(training.unavailable);
      }
      expect(compareLocks(training, serving.lock)).toMatchObject({ failed: false, counts: { unpinned: 0, range: 0, mismatch: 0 } });
      // The whole lock holds more copies (electron's own @types/node): listed beside training's, not failed.
      const whole = compareLocks(training, full);
      expect(whole.failed).toBe(false);
      expect(whole.problems.filter((p) => p.kind === 'missing' && p.training !== null && p.serving !== null).map((p) => p.package)).toContain('@types/node');
    }
  });

  it('says why a model has no training lock', async () => {
    const store = fileLockStore();
    const bare = { path: join(ROOT, 'scenarios/smoke/model/model.onnx') } as ModelArtifact;
    expect(await store.training(bare)).toEqual({ unavailable: expect.stringContaining('is a bare model file; only a model folder carries a training.lock') });
    expect(await store.training({ path: join(ROOT, 'scenarios/smoke/model') } as ModelArtifact)).toEqual({
      unavailable: `no training.lock in ${join(ROOT, 'scenarios/smoke/model')}`,
    });
  });
});
