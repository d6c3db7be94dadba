/**
 * Builds the `rehearse` CLI into one ES module that runs under plain Node 20 (no Electron).
 * Dependencies stay external: they come from node_modules at run time.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'src-main/cli/rehearse.ts',
    outDir: 'out/cli',
    target: 'node20',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'rehearse.mjs', format: 'es' } },
  },
});
