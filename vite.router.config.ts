/**
 * Builds the blue/green router into one standalone ES module, `out/router/router.mjs` (issue 8):
 * the rollout rig runs it as a child process. Everything is bundled (zod, the routing decision);
 * it needs no native module.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  ssr: { noExternal: true },
  build: {
    ssr: 'src-main/engine/node/router/routerMain.ts',
    outDir: 'out/router',
    target: 'node20',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'router.mjs', format: 'es' } },
  },
});
