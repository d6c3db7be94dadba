/**
 * Builds the `rehearse` CLI (and the engine process `rehearse ui` starts) into ES modules that run
 * under plain Node 20 (no Electron).
 * Dependencies stay external: they come from node_modules at run time.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/cli',
    target: 'node20',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      // serviceHost: the engine's own process behind `rehearse ui` (issue 12).
      input: { rehearse: 'src-main/cli/rehearse.ts', serviceHost: 'src-main/engine/node/service/hostMain.ts' },
      output: { entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', format: 'es' },
    },
  },
});
