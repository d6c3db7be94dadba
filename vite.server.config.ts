/**
 * Builds the model server into one standalone ES module, `out/server/server.mjs` (issue 5): the
 * embedded backend runs it as a child process and the Docker backend copies it into an image.
 * Everything is bundled but onnxruntime-node, whose native binaries come from node_modules (or
 * from the image's copy of only the linux-x64 ones).
 */
import { defineConfig } from 'vite';

export default defineConfig({
  ssr: { noExternal: true, external: ['onnxruntime-node'] },
  build: {
    ssr: 'src-main/engine/node/serving/serverMain.ts',
    outDir: 'out/server',
    target: 'node20',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'server.mjs', format: 'es' } },
  },
});
