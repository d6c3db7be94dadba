#!/usr/bin/env node
// `npm run setup:gpu`: the opt-in install of onnxruntime-node's CUDA execution provider, for
// machines with an NVIDIA GPU and network access to NuGet (the provider is too large for the npm
// registry, so `npm ci` skips it through .npmrc). Says what it did.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const ortRoot = dirname(require.resolve('onnxruntime-node/package.json'));
const binFolder = join(ortRoot, 'bin/napi-v6', process.platform, process.arch);
const providerFiles = ['libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_shared.so', 'libonnxruntime_providers_tensorrt.so'];

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(`setup:gpu: onnxruntime-node ships CUDA providers for linux/x64 only; this is ${process.platform}/${process.arch}. Nothing done.`);
  process.exit(0);
}
const before = providerFiles.filter((f) => existsSync(join(binFolder, f)));
console.log(`setup:gpu: installing the CUDA 12 execution provider into ${binFolder} (downloads Microsoft.ML.OnnxRuntime.Gpu.Linux from NuGet)`);
const result = spawnSync(process.execPath, [join(ortRoot, 'script/install.js')], {
  stdio: 'inherit',
  env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'cuda12', ORT_DISABLE_TELEMETRY: '1' },
});
const after = providerFiles.filter((f) => existsSync(join(binFolder, f)));
for (const file of providerFiles) {
  const path = join(binFolder, file);
  console.log(
    `  ${existsSync(path) ? `present (${(statSync(path).size / 1e6).toFixed(1)} MB)` : 'missing'}  ${file}${before.includes(file) ? ' (was already there)' : ''}`,
  );
}
if (result.status !== 0 || !after.includes('libonnxruntime_providers_cuda.so')) {
  console.log(
    'setup:gpu: the CUDA provider was not installed (see the error above; it needs network access to api.nuget.org). Rehearsal keeps running on CPU and records why in every run.',
  );
  process.exit(1);
}
console.log('setup:gpu: done. Run scenarios with `--ep cuda` (or a profile asking for cuda); CUDA 12 and cuDNN 9 must be installed on the machine.');
