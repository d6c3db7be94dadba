/**
 * `rehearse load`: open-loop load against a model server at the target rate, latency
 * corrected for coordinated omission. Exit 0 when the SLA holds (with `--find-knee`, when the
 * knee is at or above the target), 1 when it does not, 2 on bad flags or an unreachable server.
 */
import type { LoadProtocol, LoadResult, LoadShape } from '../../contract/load';
import { LOAD_SHAPES } from '../../engine/common/load/rateShape';
import { defaultKneeSearch } from '../../engine/common/load/knee';
import { defaultTimeoutMs, type LoadPlan } from '../../engine/common/load/loadPlan';
import { SEED_HEADROOM, SEED_MULTIPLIER, targetRps } from '../../engine/common/load/targetRate';
import { parseDuration } from '../../engine/common/scenario/values';
import { findLoadKnee, runLoad, runMeasuredLoad } from '../../engine/node/load/runLoad';
import { mergeLoadRecordFiles, writeLoadRecord } from '../../engine/node/load/loadRecordFile';
import { oneOf, parseFlags, UsageError } from '../args';
import type { CliIo, Command } from '../command';
import { loadSizeProblems } from '../../engine/common/limits/loadLimits';
import { InputError } from '../../engine/common/run/inputError';
import { machineFacts } from '../../engine/node/limits/machineFacts';
import { requireNamedPaths, WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';
import { formatKnee, formatLoadResult, formatMergedLoad } from '../loadReport';

const LOAD_FLAGS = {
  url: { type: 'string' },
  protocol: { type: 'string' },
  rate: { type: 'string' },
  'peak-rps': { type: 'string' },
  multiplier: { type: 'string' },
  headroom: { type: 'string' },
  shape: { type: 'string' },
  duration: { type: 'string' },
  'sla-ms': { type: 'string' },
  'timeout-ms': { type: 'string' },
  'payload-from': { type: 'string' },
  'payload-order': { type: 'string' },
  timestamp: { type: 'string' },
  'model-name': { type: 'string' },
  connections: { type: 'string' },
  seed: { type: 'string' },
  'find-knee': { type: 'boolean' },
  'max-rps': { type: 'string' },
  json: { type: 'boolean' },
  'hdr-out': { type: 'string' },
  merge: { type: 'boolean' },
  ...WORKSPACE_FLAG,
} as const;

export const loadCommand: Command = {
  name: 'load',
  usage: [
    'rehearse load --url <server> [--protocol predict|oip] (--rate <rps> | --peak-rps R [--multiplier 2] [--headroom 0.5])',
    '              [--shape constant|ramp|step|spike] [--duration 30s] [--sla-ms 100] [--timeout-ms N]',
    '              [--payload-from <snapshot> [--payload-order event|sampled] [--timestamp <column>]] [--model-name <name>]',
    `              [--connections N] [--seed 1] [--find-knee [--max-rps N]] [--hdr-out <file>] ${WORKSPACE_USAGE} [--json]`,
    'rehearse load --merge <file> <file>... [--json]',
  ].join('\n'),
  description: [
    'Open-loop load on a model server: requests leave on a seeded Poisson schedule at the planned',
    'rate whatever the server does, and each latency counts from its planned send time (coordinated',
    'omission corrected, HDR histogram); the uncorrected view is printed beside it.',
    '',
    '  --rate R                 the target rate, in requests a second',
    "  --peak-rps R             or production's peak: the target is R x multiplier x (1 + headroom)",
    '  --shape S                constant; ramp (0 to the target over the first half); step (quarters);',
    '                           spike (a quarter of the target, the target for the middle fifth)',
    '  --payload-from <file>    raw records from a snapshot, in event order or --payload-order sampled;',
    "                           otherwise rows of the model's width (GET /v2/models/{name}) drawn from",
    '                           the reference profile the server publishes; without one, zeros for float',
    '                           inputs, and a model with category codes is refused (use --payload-from)',
    '  --timeout-ms N           a request unanswered by then is a timeout (10 x the SLA, at least 1 s)',
    "  --connections N          keep-alive connections (default: sized by Little's law, at most 256)",
    '  --find-knee              step the rate up from a quarter of the target until the SLA breaks',
    '  --hdr-out <file>         also write the run as a load record: the request counts and the',
    "                           corrected latency histogram in hdr-histogram-js's compressed base64",
    '  --merge <file>...        add load records of runs on several processes or machines into one',
    '                           set of percentiles and request counts (exact: the histograms add)',
    '  --json                   the result as JSON on standard output',
    '',
    'exit: 0 the SLA holds (p99 within --sla-ms, no errors, timeouts or drops; with --find-knee, the',
    'knee is at or above the target), 1 it does not, 2 bad flags or a server that cannot be reached',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, LOAD_FLAGS);
    if (values.merge) {
      return mergeRecords(values, positionals, io);
    }
    if (positionals.length > 0) {
      throw new UsageError(`unexpected argument "${positionals[0]}"`);
    }
    if (values.url === undefined) {
      throw new UsageError("missing --url <server>: the model server's base URL, e.g. http://127.0.0.1:8000");
    }
    const rps = rateOf(values);
    const slaMs = positiveNumber(values['sla-ms'], 'sla-ms') ?? 100;
    const durationMs = durationOf(values.duration);
    const payloadOrder = oneOf(values['payload-order'], ['event', 'sampled'] as const, 'payload-order', 'event');
    if (values['payload-from'] === undefined && (values['payload-order'] !== undefined || values.timestamp !== undefined)) {
      throw new UsageError('--payload-order and --timestamp go with --payload-from <snapshot>');
    }
    const protocol = oneOf<LoadProtocol>(values.protocol, ['predict', 'oip'], 'protocol', 'predict');
    if (protocol === 'oip' && values['payload-from'] !== undefined) {
      throw new UsageError('--payload-from sends raw records, which go to /predict; use --protocol predict');
    }
    const connections = positiveNumber(values.connections, 'connections');
    if (connections !== undefined && !Number.isInteger(connections)) {
      throw new UsageError(`--connections: expected a whole number, got "${values.connections}"`);
    }
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0) {
      throw new UsageError(`--seed: expected a whole number >= 0, got "${values.seed}"`);
    }
    const plan: LoadPlan = {
      url: values.url,
      protocol,
      ...(values['model-name'] !== undefined ? { modelName: values['model-name'] } : {}),
      rps: rps.target,
      shape: oneOf<LoadShape>(values.shape, LOAD_SHAPES, 'shape', 'constant'),
      durationMs,
      slaMs,
      timeoutMs: positiveNumber(values['timeout-ms'], 'timeout-ms') ?? defaultTimeoutMs(slaMs),
      ...(connections !== undefined ? { connections } : {}),
      payload: payloadOf(values, payloadOrder),
      seed,
    };
    requireFits(plan, values);
    if (values['find-knee']) {
      const search = { ...defaultKneeSearch(plan.rps), ...(values['max-rps'] !== undefined ? { maxRps: positiveNumber(values['max-rps'], 'max-rps')! } : {}) };
      io.err(
        `knee search: ${search.startRps} rps up by x${search.growth} to at most ${search.maxRps} rps, ${durationMs / 1000} s each, SLA p99 <= ${slaMs} ms`,
      );
      const knee = await findLoadKnee(plan, search);
      const holds = knee.kneeRps !== null && knee.kneeRps >= plan.rps;
      io.out(values.json ? JSON.stringify({ ...knee, targetRps: plan.rps }, null, 2) : formatKnee(knee, plan.rps));
      return holds ? 0 : 1;
    } else if (values['max-rps'] !== undefined) {
      throw new UsageError('--max-rps goes with --find-knee');
    }
    io.err(`load: ${rps.describe}, ${plan.shape} for ${durationMs / 1000} s against ${plan.url} (${plan.protocol}), SLA p99 <= ${slaMs} ms`);
    const result = values['hdr-out'] === undefined ? await runLoad(plan) : await runRecordedLoad(plan, values['hdr-out']);
    io.out(values.json ? JSON.stringify(result, null, 2) : formatLoadResult(result));
    return result.slaPass ? 0 : 1;
  },
};

/** Runs the load and writes its load record to `path`. */
async function runRecordedLoad(plan: LoadPlan, path: string): Promise<LoadResult> {
  const measured = await runMeasuredLoad(plan);
  writeLoadRecord(path, measured);
  return measured.result;
}

/** `--merge`: the load records named, added into one result. Only `--json` goes with it. */
function mergeRecords(values: Record<string, unknown>, files: readonly string[], io: CliIo): number {
  const others = Object.keys(values).filter((k) => k !== 'merge' && k !== 'json' && values[k] !== undefined);
  if (others.length > 0) {
    throw new UsageError(`--merge reads load records only; --${others[0]} does not go with it`);
  }
  if (files.length === 0) {
    throw new UsageError('--merge: name the load records to add, e.g. rehearse load --merge a.hdr b.hdr');
  }
  const merged = mergeLoadRecordFiles(files);
  io.out(values['json'] === true ? JSON.stringify(merged, null, 2) : formatMergedLoad(merged));
  return 0;
}

/** Refuses (exit 2) a rate or a timeout this machine cannot run (the knee search's highest rate too), before the server is asked anything. */
function requireFits(plan: LoadPlan, values: { rate?: string; 'find-knee'?: boolean; 'max-rps'?: string }): void {
  const knee = values['find-knee'] === true && values['max-rps'] !== undefined;
  const size = {
    rps: knee ? Number(values['max-rps']) : plan.rps,
    durationMs: plan.durationMs,
    timeoutMs: plan.timeoutMs,
    rateField: knee ? '--max-rps' : values.rate === undefined ? '--peak-rps (x multiplier x (1 + headroom))' : '--rate',
    timeoutField: '--timeout-ms',
  };
  const [problem] = loadSizeProblems(size, machineFacts());
  if (problem !== undefined) {
    throw new InputError(problem.field, problem.message);
  }
}

/** What the requests carry: numbers of the model's width, or the records of a snapshot inside the workspace. */
function payloadOf(values: { 'payload-from'?: string; timestamp?: string; workspace?: string[] }, order: 'event' | 'sampled'): LoadPlan['payload'] {
  const path = values['payload-from'];
  if (path === undefined) {
    return { kind: 'numeric' };
  }
  requireNamedPaths(values.workspace, [{ path, kind: 'snapshot', flag: '--payload-from' }]);
  return { kind: 'snapshot', path, order, ...(values.timestamp !== undefined ? { timestamp: values.timestamp } : {}) };
}

/** The target rate from `--rate`, or from `--peak-rps` with the seed's multiplier and headroom. */
function rateOf(values: { rate?: string; 'peak-rps'?: string; multiplier?: string; headroom?: string }): { target: number; describe: string } {
  if (values.rate !== undefined && values['peak-rps'] !== undefined) {
    throw new UsageError('give either --rate or --peak-rps, not both');
  }
  if (values.rate !== undefined) {
    if (values.multiplier !== undefined || values.headroom !== undefined) {
      throw new UsageError('--multiplier and --headroom go with --peak-rps');
    }
    const target = positiveNumber(values.rate, 'rate')!;
    return { target, describe: `${target} rps` };
  }
  if (values['peak-rps'] === undefined) {
    throw new UsageError('missing --rate <rps> or --peak-rps <rps>');
  }
  const peakRps = positiveNumber(values['peak-rps'], 'peak-rps')!;
  const multiplier = positiveNumber(values.multiplier, 'multiplier') ?? SEED_MULTIPLIER;
  const headroom = values.headroom === undefined ? SEED_HEADROOM : Number(values.headroom);
  if (!Number.isFinite(headroom) || headroom < 0) {
    throw new UsageError(`--headroom: expected a number >= 0 (0.5 is 50%), got "${values.headroom}"`);
  }
  const target = targetRps({ peakRps, multiplier, headroom });
  return { target, describe: `${Math.round(target * 1000) / 1000} rps (peak ${peakRps} x ${multiplier} x ${1 + headroom})` };
}

function durationOf(text: string | undefined): number {
  if (text === undefined) {
    return 30_000;
  }
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) {
    throw new UsageError(`--duration: expected a duration such as 500ms, 3s or 1m, got "${text}"`);
  }
  return ms;
}

function positiveNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`--${flag}: expected a positive number, got "${text}"`);
  }
  return value;
}
