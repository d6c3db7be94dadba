/**
 * The router's options and their flags, defined once: the embedded router turns them into the
 * router process's argv, and the process parses that argv back.
 */
import { parseArgs } from 'node:util';
import { InputError } from '../../common/run/inputError';
import { allowedHosts } from '../serving/http/allowedHosts';

/** Everything a router is started with. */
export interface RouterOptions {
  /** 0 picks a free port; a restart passes the port it had. */
  readonly port: number;
  readonly blue: string;
  readonly green: string;
  /** Blue's twin for the noise floor, or null. */
  readonly twin: string | null;
  /** Green's percent of weighted traffic. */
  readonly greenWeight: number;
  readonly headerName: string;
  readonly headerValue: string;
  /** The request header that carries the sticky key, or null. */
  readonly stickyHeader: string | null;
  readonly shadow: boolean;
  readonly compare: boolean;
  /** How long an upstream may take before the router answers 504 itself. */
  readonly timeoutMs: number;
  readonly seed: number;
  /** 0 for the first start, then 1, 2, ... */
  readonly restart: number;
  /** Hosts it answers beside 127.0.0.1 and localhost (`--allowed-host`, repeatable). */
  readonly allowedHosts: readonly string[];
}

const FLAGS = {
  port: { type: 'string' },
  blue: { type: 'string' },
  green: { type: 'string' },
  twin: { type: 'string' },
  'green-weight': { type: 'string' },
  'header-name': { type: 'string' },
  'header-value': { type: 'string' },
  'sticky-header': { type: 'string' },
  shadow: { type: 'boolean' },
  compare: { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  seed: { type: 'string' },
  restart: { type: 'string' },
  'allowed-host': { type: 'string', multiple: true },
} as const;

/** The argv that gives back `options`. */
export function routerArgv(options: RouterOptions): string[] {
  const args = [
    '--port',
    String(options.port),
    '--blue',
    options.blue,
    '--green',
    options.green,
    '--green-weight',
    String(options.greenWeight),
    '--header-name',
    options.headerName,
    '--header-value',
    options.headerValue,
    '--timeout-ms',
    String(options.timeoutMs),
    '--seed',
    String(options.seed),
    '--restart',
    String(options.restart),
  ];
  if (options.twin !== null) {
    args.push('--twin', options.twin);
  }
  if (options.stickyHeader !== null) {
    args.push('--sticky-header', options.stickyHeader);
  }
  if (options.shadow) {
    args.push('--shadow');
  }
  if (options.compare) {
    args.push('--compare');
  }
  for (const host of options.allowedHosts) {
    args.push('--allowed-host', host);
  }
  return args;
}

/** Options from the router process's argv; a bad value is an InputError naming the flag. */
export function parseRouterArgv(argv: readonly string[]): RouterOptions {
  let values: {
    [K in keyof typeof FLAGS]?: (typeof FLAGS)[K]['type'] extends 'boolean' ? boolean : (typeof FLAGS)[K] extends { multiple: true } ? string[] : string;
  };
  try {
    values = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new InputError('arguments', error instanceof Error ? error.message : String(error));
  }
  const url = (flag: 'blue' | 'green' | 'twin', required: boolean): string | null => {
    const value = values[flag];
    if (value === undefined) {
      if (required) {
        throw new InputError(`--${flag}`, 'missing; expected the model server URL, e.g. http://127.0.0.1:8001');
      }
      return null;
    }
    const parsed = URL.canParse(value) ? new URL(value) : null;
    if (parsed === null || parsed.protocol !== 'http:') {
      throw new InputError(`--${flag}`, `expected an http:// URL, got "${value}"`);
    }
    return value.replace(/\/$/, '');
  };
  return {
    port: whole(values.port, 'port', 0, 0, 65535),
    blue: url('blue', true)!,
    green: url('green', true)!,
    twin: url('twin', false),
    greenWeight: whole(values['green-weight'], 'green-weight', 0, 0, 100),
    headerName: (values['header-name'] ?? 'x-model-version').toLowerCase(),
    headerValue: values['header-value'] ?? 'v2',
    stickyHeader: values['sticky-header']?.toLowerCase() ?? null,
    shadow: values.shadow ?? false,
    compare: values.compare ?? false,
    timeoutMs: whole(values['timeout-ms'], 'timeout-ms', 2000, 1, 3_600_000),
    seed: whole(values.seed, 'seed', 1, 0, 0xffffffff),
    restart: whole(values.restart, 'restart', 0, 0, 1_000_000),
    allowedHosts: allowedHosts(values['allowed-host']),
  };
}

function whole(text: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (text === undefined) {
    return fallback;
  }
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`--${flag}`, `expected a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
