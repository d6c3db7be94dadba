/**
 * Builds a feature module for a model folder: a spec written in TypeScript (a scenario's plugin,
 * such as scenarios/demo/features/flightsV2.ts) bundled with everything it imports into one plain
 * ES module, `serving/features.mjs`, that needs nothing outside the folder. A model server, its
 * Docker image and a rehearsal then load the very same file by path, under model.sha256.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { formatDigestFile, parseDigestFile } from '../src-main/engine/common/model/digestFile';
import { sha256File } from '../src-main/engine/node/model/modelFolder';

/** Where a model folder keeps its feature module (the card's `featureModule`). */
export const FEATURE_MODULE = 'serving/features.mjs';

/** The bundled module of `entry` (its default export the spec), as text. */
export async function bundleFeatureModule(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: {
      ssr: entry,
      write: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rolldownOptions: { output: { format: 'es', codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry);
  if (chunk === undefined) {
    throw new Error(`bundling ${entry} gave no module`);
  }
  return `// Built from ${entry.split('/scenarios/').at(-1)} by scripts/featureModule.ts; edit the source, not this file.\n${chunk.code}`;
}

/**
 * Writes the module into an existing model folder: the file, the card's `featureModule`, and
 * model.sha256 again over every file it lists and the module.
 */
export function installFeatureModule(folder: string, code: string): void {
  mkdirSync(join(folder, dirname(FEATURE_MODULE)), { recursive: true });
  writeFileSync(join(folder, FEATURE_MODULE), code);
  const cardPath = join(folder, 'model-card.json');
  const card = JSON.parse(readFileSync(cardPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(cardPath, `${JSON.stringify({ ...card, featureModule: FEATURE_MODULE }, null, 2)}\n`);
  const listed = parseDigestFile(readFileSync(join(folder, 'model.sha256'), 'utf8')).lines.map((l) => l.file);
  const files = [...new Set([...listed, FEATURE_MODULE])].sort();
  writeFileSync(join(folder, 'model.sha256'), formatDigestFile(files.map((file) => ({ file, sha256: sha256File(join(folder, file)) }))));
}
