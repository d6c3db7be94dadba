/**
 * The model server's options and their flags, defined once: `rehearse serve` parses them, the
 * embedded backend turns them back into the server process's argv, and the server bundle parses
 * that argv (the Docker backend starts the same bundle with the same flags).
 */
import { parseArgs } from 'node:util';
import { SERVING_DEFAULTS } from '../../common/profiles/resourceProfile';
import { InputError } from '../../common/run/inputError';
import { allowedHosts } from './http/allowedHosts';

/** Everything a server is started with. */
export interface ServerOptions {
  /** A model folder or an .onnx file (with model.sha256 beside it). */
  readonly model: string;
  readonly port: number;
  readonly maxBatch: number;
  readonly maxQueueDelayMs: number;
  readonly timeoutMs: number;
  readonly ep: 'cpu' | 'cuda';
  /** The V8 heap limit of the server process in MiB (`--max-old-space-size`), or null. */
  readonly heapMb: number | null;
  readonly allowUnverified: boolean;
  /** Faults at start: a JSON file, or the JSON itself when it starts with `{`. */
  readonly faults: string | null;
  /** The OIP model name; the card's name, else the folder or file name. */
  readonly name: string | null;
  /** `model_version` in answers; the card's `version`, else the name. */
  readonly modelVersion: string | null;
  /** Names the server in events and logs (blue, green); the model name by default. */
  readonly label: string | null;
  /** onnxruntime intra-op threads; onnxruntime's default (one per core) when null. */
  readonly threads: number | null;
  /**
   * Digests a Docker image was built for: the server refuses to start unless the model's
   * .onnx file and the lockfile at `lock` have exactly these sha256 digests, whatever
   * --allow-unverified says. Null outside an image.
   */
  readonly expectModelSha256: string | null;
  readonly lock: string | null;
  readonly expectLockSha256: string | null;
  /** Host names or host:port pairs the server answers beside 127.0.0.1 and localhost (`--allowed-host`, repeatable). */
  readonly allowedHosts: readonly string[];
}

/** The model server's defaults. */
export const SERVER_DEFAULTS = { port: 0, ...SERVING_DEFAULTS, ep: 'cpu' } as const;

/** The flags, for node:util parseArgs (the CLI adds its own to these). */
export const SERVER_FLAGS = {
  model: { type: 'string' },
  port: { type: 'string' },
  'max-batch': { type: 'string' },
  'max-queue-delay-ms': { type: 'string' },
  'timeout-ms': { type: 'string' },
  ep: { type: 'string' },
  'heap-mb': { type: 'string' },
  'allow-unverified': { type: 'boolean' },
  faults: { type: 'string' },
  name: { type: 'string' },
  'model-version': { type: 'string' },
  label: { type: 'string' },
  threads: { type: 'string' },
  'expect-model-sha256': { type: 'string' },
  lock: { type: 'string' },
  'expect-lock-sha256': { type: 'string' },
  'allowed-host': { type: 'string', multiple: true },
} as const;

/** The usage line shared by `rehearse serve` and the server bundle. */
export const SERVER_USAGE =
  '--model <dir|model.onnx> [--port 0] [--max-batch 32] [--max-queue-delay-ms 2] [--timeout-ms 100] [--ep cpu|cuda] [--heap-mb N] [--allow-unverified] [--faults <file.json|json>] [--name NAME] [--model-version V] [--label L] [--threads N] [--allowed-host H]...';

type FlagValues = {
  [K in keyof typeof SERVER_FLAGS]?: (typeof SERVER_FLAGS)[K]['type'] extends 'boolean'
    ? boolean
    : (typeof SERVER_FLAGS)[K] extends { multiple: true }
      ? string[]
      : string;
};

/** Options from parsed flag values; a bad value is an InputError naming the flag and what was expected. */
export function serverOptionsFromFlags(values: FlagValues): ServerOptions {
  if (values.model === undefined) {
    throw new InputError('--model', 'missing; expected a model folder or an .onnx file');
  }
  const ep = values.ep ?? SERVER_DEFAULTS.ep;
  if (ep !== 'cpu' && ep !== 'cuda') {
    throw new InputError('--ep', `expected cpu or cuda, got "${ep}"`);
  }
  return {
    model: values.model,
    port: whole(values.port, 'port', SERVER_DEFAULTS.port, 0, 65535),
    maxBatch: whole(values['max-batch'], 'max-batch', SERVER_DEFAULTS.maxBatch, 1, 4096),
    maxQueueDelayMs: number(values['max-queue-delay-ms'], 'max-queue-delay-ms', SERVER_DEFAULTS.maxQueueDelayMs, 0, 60_000),
    timeoutMs: number(values['timeout-ms'], 'timeout-ms', SERVER_DEFAULTS.timeoutMs, 1, 3_600_000),
    ep,
    heapMb: values['heap-mb'] === undefined ? null : whole(values['heap-mb'], 'heap-mb', 0, 16, 1 << 20),
    allowUnverified: values['allow-unverified'] ?? false,
    faults: values.faults ?? null,
    name: values.name ?? null,
    modelVersion: values['model-version'] ?? null,
    label: values.label ?? null,
    threads: values.threads === undefined ? null : whole(values.threads, 'threads', 0, 1, 256),
    expectModelSha256: digest(values['expect-model-sha256'], 'expect-model-sha256'),
    lock: values.lock ?? null,
    expectLockSha256: digest(values['expect-lock-sha256'], 'expect-lock-sha256'),
    allowedHosts: allowedHosts(values['allowed-host']),
  };
}

/** Options from a server process's argv. */
export function parseServerArgv(argv: readonly string[]): ServerOptions {
  let values: FlagValues;
  try {
    values = parseArgs({ args: [...argv], options: SERVER_FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new InputError('arguments', `${error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error)}; usage: ${SERVER_USAGE}`);
  }
  return serverOptionsFromFlags(values);
}

/** The argv that gives back `options`. */
export function serverArgv(options: ServerOptions): string[] {
  const args = [
    '--model',
    options.model,
    '--port',
    String(options.port),
    '--max-batch',
    String(options.maxBatch),
    '--max-queue-delay-ms',
    String(options.maxQueueDelayMs),
    '--timeout-ms',
    String(options.timeoutMs),
    '--ep',
    options.ep,
  ];
  const optional: [string, string | number | null][] = [
    ['--heap-mb', options.heapMb],
    ['--faults', options.faults],
    ['--name', options.name],
    ['--model-version', options.modelVersion],
    ['--label', options.label],
    ['--threads', options.threads],
    ['--expect-model-sha256', options.expectModelSha256],
    ['--lock', options.lock],
    ['--expect-lock-sha256', options.expectLockSha256],
  ];
  for (const [flag, value] of optional) {
    if (value !== null) {
      args.push(flag, String(value));
    }
  }
  if (options.allowUnverified) {
    args.push('--allow-unverified');
  }
  for (const host of options.allowedHosts) {
    args.push('--allowed-host', host);
  }
  return args;
}

/** Options with the defaults filled in, for programmatic callers. */
export function serverOptions(model: string, overrides: Partial<Omit<ServerOptions, 'model'>> = {}): ServerOptions {
  return { ...serverOptionsFromFlags({ model }), ...overrides };
}

function digest(text: string | undefined, flag: string): string | null {
  if (text === undefined) {
    return null;
  }
  if (!/^[0-9a-f]{64}$/.test(text)) {
    throw new InputError(`--${flag}`, `expected a sha256 digest (64 lowercase hex digits), got "${text}"`);
  }
  return text;
}

function number(text: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (text === undefined) {
    return fallback;
  }
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new InputError(`--${flag}`, `expected a number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function whole(text: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  const value = number(text, flag, fallback, min, max);
  if (!Number.isInteger(value)) {
    throw new InputError(`--${flag}`, `expected a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
