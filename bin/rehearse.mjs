#!/usr/bin/env node
// The `rehearse` command. onnxruntime-node 1.30 on Linux carries a telemetry component: turn it
// off before anything can load the native binding, in this process and every child it starts.
process.env.ORT_DISABLE_TELEMETRY = '1';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../out/cli/rehearse.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('rehearse: the CLI is not built; run `npm run build:cli` (npm ci does it)\n');
  process.exit(2);
}
await import(bundle.href);
