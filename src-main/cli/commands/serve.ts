/**
 * `rehearse serve --model <dir|onnx>`: the model server on 127.0.0.1, as a child process (the
 * embedded backend) or in a container (`--backend docker`, with `--memory`, `--cpus` and `--gpus`
 * as cgroup limits). Prints its URL on stdout once it answers (with --json, every server
 * event as a JSON line instead); stops cleanly on SIGINT or SIGTERM. Exit 0 when stopped, 1 when
 * the server ended by itself (a crash, an OOM kill), 2 bad input (flags, faults, digests, a model
 * ORT cannot load) or no Docker engine for `--backend docker`.
 */
import { dockerMemory } from '../../engine/common/profiles/quantities';
import { isInputError } from '../../engine/common/run/inputError';
import { describeLimits, NO_LIMITS, type ContainerLimits } from '../../engine/node/docker/containerOptions';
import { isDockerUnavailable } from '../../engine/node/docker/dockerEngine';
import { startDockerServer } from '../../engine/node/docker/dockerServer';
import { ImageBuildFailed } from '../../engine/node/docker/imageBuild';
import { startEmbeddedServer, type EmbeddedServer } from '../../engine/node/serving/embeddedServer';
import { SERVER_FLAGS, SERVER_USAGE, serverOptionsFromFlags, type ServerOptions } from '../../engine/node/serving/serverOptions';
import type { ServerHooks } from '../../engine/node/serving/serverOutput';
import { oneOf, parseFlags, UsageError } from '../args';
import type { CliIo, Command } from '../command';
import { requireNamedPaths, WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

export const serveCommand: Command = {
  name: 'serve',
  usage: `rehearse serve ${SERVER_USAGE} [--backend embedded|docker] [--memory 512m] [--cpus 1] [--gpus all|N] ${WORKSPACE_USAGE} [--json]`,
  description: [
    'Serves a model on 127.0.0.1: raw records or numbers on POST /predict, the Open Inference',
    'Protocol (KServe v2) under /v2, Prometheus metrics on GET /metrics, and injected faults on',
    '/admin/faults (loopback only). Prints the URL on standard output once the server answers;',
    "stops cleanly on Ctrl-C or SIGTERM. The model's digests are checked before it loads.",
    '',
    '  --model <dir|onnx>       a model folder, or an .onnx file with model.sha256 beside it',
    '  --port N                 0 takes any free port',
    '  --max-batch N            rows a batch holds at most; a request with more is refused (400)',
    '  --max-queue-delay-ms N   how long the oldest queued request waits for a batch to fill',
    '  --timeout-ms N           queue and inference time before a request is answered 504',
    "  --heap-mb N              the server process's V8 heap limit (onnxruntime's memory is native)",
    '  --allowed-host H         also answer requests whose Host is H (a name, any port, or name:port),',
    '                           for a server reached by another name or address; repeatable',
    '  --faults <file|json>     faults at start: latency, errorRate, crash, memoryGrowth, stuckBatch',
    '  --backend docker         run it in a container built here, with --memory, --cpus and --gpus',
    '                           as cgroup limits (an OOM kill is reported as one)',
    '  --json                   every server event as a JSON line on standard output',
    '',
    'exit: 0 stopped, 1 the server ended by itself (a crash, an OOM kill), 2 bad input (flags, faults,',
    'digests, a model onnxruntime cannot load) or no Docker engine for --backend docker',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      ...SERVER_FLAGS,
      json: { type: 'boolean' },
      backend: { type: 'string' },
      memory: { type: 'string' },
      cpus: { type: 'string' },
      gpus: { type: 'string' },
      ...WORKSPACE_FLAG,
    });
    if (positionals.length > 0) {
      throw new UsageError(`unexpected argument "${positionals[0]}"; the model is given with --model`);
    }
    const options = serverOptionsFromFlags(values);
    requireNamedPaths(values.workspace, [{ path: options.model, kind: 'model', flag: '--model' }]);
    const backend = oneOf(values.backend, ['embedded', 'docker'] as const, 'backend', 'embedded');
    const limits = containerLimits(values);
    if (backend === 'embedded' && limits !== NO_LIMITS) {
      throw new UsageError("--memory, --cpus and --gpus are container limits; they need --backend docker (nothing caps an embedded server's memory)");
    }
    const json = values.json ?? false;
    const hooks: ServerHooks = {
      onLog: (line) => io.err(line),
      onEvent: (event) => {
        if (json) {
          io.out(JSON.stringify(event));
        }
      },
    };
    let server: EmbeddedServer;
    try {
      server = backend === 'docker' ? await startInDocker(options, limits, hooks, io) : await startEmbeddedServer(options, hooks);
    } catch (error) {
      if (isDockerUnavailable(error) || error instanceof ImageBuildFailed) {
        io.err(`rehearse serve: ${error.message}`);
        return 2;
      }
      if (isInputError(error)) {
        // An embedded server has already said why on stderr (passed through above); the engine's refusals have not.
        if (backend === 'docker') {
          io.err(`rehearse serve: ${error.message}`);
        }
        return 2;
      }
      throw error;
    }
    if (!json) {
      io.out(server.url);
    }
    const stop = (): void => {
      void server.stop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const stopped = await server.exited;
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    if (stopped.requested) {
      return 0;
    }
    io.err(`rehearse serve: the server ${stopped.message}`);
    return 1;
  },
};

async function startInDocker(options: ServerOptions, limits: ContainerLimits, hooks: ServerHooks, io: CliIo): Promise<EmbeddedServer> {
  const server = await startDockerServer(options, limits, {
    ...hooks,
    onProgress: (progress) => {
      if (progress.total !== null && (progress.done === 0 || progress.done === progress.total)) {
        io.err(`image: ${progress.label} (${progress.done}/${progress.total} ${progress.unit})`);
      }
    },
  });
  const { image } = server;
  io.err(
    `image: ${image.tag} ${image.built ? `built in ${(image.durationMs / 1000).toFixed(1)} s` : 'found (built before)'}, ${(image.sizeBytes / 1e6).toFixed(0)} MB; container ${server.containerId.slice(0, 12)}: ${describeLimits(limits)}, read-only root, no capabilities, host network on 127.0.0.1`,
  );
  return server;
}

function containerLimits(values: { memory?: string; cpus?: string; gpus?: string }): ContainerLimits {
  if (values.memory === undefined && values.cpus === undefined && values.gpus === undefined) {
    return NO_LIMITS;
  }
  let memoryBytes: number | null = null;
  if (values.memory !== undefined) {
    const parsed = dockerMemory(values.memory);
    if (!parsed.ok) {
      throw new UsageError(`--memory: expected ${parsed.expected}`);
    }
    memoryBytes = parsed.value;
  }
  const cpus = values.cpus === undefined ? null : Number(values.cpus);
  if (cpus !== null && (!Number.isFinite(cpus) || cpus <= 0 || values.cpus!.trim() === '')) {
    throw new UsageError(`--cpus: expected a number of CPUs above 0 such as 1 or 1.5, got "${values.cpus}"`);
  }
  let gpus: ContainerLimits['gpus'] = null;
  if (values.gpus !== undefined) {
    gpus = values.gpus === 'all' ? 'all' : Number(values.gpus);
    if (gpus !== 'all' && (!Number.isInteger(gpus) || gpus < 1)) {
      throw new UsageError(`--gpus: expected all or a whole number of GPUs, got "${values.gpus}"`);
    }
  }
  return { memoryBytes, cpus, gpus };
}
