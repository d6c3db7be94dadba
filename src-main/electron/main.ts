/** The desktop shell's entry: one secure window over the renderer, the engine in a utility process. */
// Inherited by the engine's utility process, which loads onnxruntime (no telemetry).
process.env['ORT_DISABLE_TELEMETRY'] = '1';
import { join } from 'node:path';
import { scenarioArgument, startDesktop, workspaceArguments } from './desktop';

void startDesktop(
  {
    ...(process.env['ELECTRON_RENDERER_URL'] ? { rendererUrl: process.env['ELECTRON_RENDERER_URL'] } : {}),
    rendererFile: join(import.meta.dirname, '../renderer/index.html'),
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    serviceHost: join(import.meta.dirname, 'serviceHost.js'),
  },
  scenarioArgument(process.argv),
  workspaceArguments(process.argv),
);
