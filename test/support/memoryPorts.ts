/** In-memory ports for engine tests (STYLE.md 2): known scores and rows, no onnxruntime, no DuckDB. */
import type { RunEvent } from '../../src-main/contract/events';
import type { Clock } from '../../src-main/engine/common/ports/clock';
import type { FeatureBatch, Inference } from '../../src-main/engine/common/ports/inference';
import type { ChunkColumn, ColumnChunk, SnapshotSource } from '../../src-main/engine/common/ports/snapshot';
import { detectLockFormat, parseLockText } from '../../src-main/engine/common/locks/parseLock';
import type { FeaturePipelines } from '../../src-main/engine/common/ports/featurePipelines';
import type { LockStore } from '../../src-main/engine/common/ports/locks';
import type { ModelArtifact, ModelStore } from '../../src-main/engine/common/ports/models';
import type { RuntimeStore } from '../../src-main/engine/common/ports/runtimes';
import type { SnapshotStore } from '../../src-main/engine/common/ports/snapshot';
import type { RunOptions, RunPorts } from '../../src-main/engine/common/run/environment';
import { measureRuntimeParity } from '../../src-main/engine/common/runtime/runtimeParity';

/** A clock that starts at a fixed instant and moves 1 ms per reading. */
export function steppingClock(start = Date.UTC(2026, 0, 1)): Clock {
  let t = start;
  let m = 0;
  return { now: () => (t += 1), monotonic: () => (m += 1) };
}

/** An in-memory model: sigmoid(sum of weight * column) over a [N, F] float input named `x`. */
export function memoryInference(weights: readonly number[]): Inference {
  return {
    inputs: [{ name: 'x', type: 'float32', dims: ['N', weights.length] }],
    outputs: [{ name: 'p', type: 'float32', dims: ['N', 1] }],
    executionProvider: 'cpu',
    async run(batch: FeatureBatch) {
      const x = batch['x']!;
      const n = x.dims[0]!;
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        let z = 0;
        weights.forEach((w, j) => (z += w * Number(x.data[i * weights.length + j])));
        out[i] = 1 / (1 + Math.exp(-z));
      }
      return out;
    },
    async close() {},
  };
}

/** Models by path: each has a digest state and weights. */
export function memoryModelStore(models: Record<string, { verified: boolean; weights: number[]; featureOrder?: string[] }>, loads: string[] = []): ModelStore {
  return {
    async verify(section): Promise<ModelArtifact> {
      const m = models[section.path];
      if (!m) {
        throw new Error(`no model ${section.path}`);
      }
      return {
        name: section.name ?? section.path,
        path: section.path,
        onnxPath: `${section.path}/model.onnx`,
        sha256: 'a'.repeat(64),
        verified: m.verified,
        files: [{ file: 'model.onnx', expected: m.verified ? 'a'.repeat(64) : 'b'.repeat(64), actual: 'a'.repeat(64) }],
        message: m.verified ? 'all 1 file digests match' : 'digest mismatch: model.onnx',
        ...(m.featureOrder ? { featureOrder: m.featureOrder } : {}),
      };
    },
    async load(artifact, provider) {
      loads.push(artifact.path);
      return { inference: memoryInference(models[artifact.path]!.weights), fallbackReason: provider === 'cuda' ? 'no CUDA here' : null };
    },
  };
}

/** A snapshot of numeric columns and labels, one row per hour from `start`. */
export function memorySnapshotStore(columns: Record<string, number[]>, labels: number[], start = Date.UTC(2001, 2, 1)): SnapshotStore {
  const n = labels.length;
  return {
    async open(): Promise<SnapshotSource> {
      return {
        description: 'memory',
        columns: Object.keys(columns).map((name) => ({ name, type: 'DOUBLE' })),
        async *read(query) {
          // A sample is the first rows here; the real reader's seeded choice is tested on DuckDB.
          const rows = query.sample ? Math.min(n, query.sample.rows) : n;
          const chunk: ColumnChunk = {
            rowCount: rows,
            eventTime: Float64Array.from({ length: rows }, (_, i) => start + i * 3_600_000),
            label: Float64Array.from(labels.slice(0, rows)),
            columns: Object.fromEntries(
              query.columns.map((c) => [
                c,
                { kind: 'number' as const, values: Float64Array.from(columns[c]!.slice(0, rows)), valid: new Uint8Array(rows).fill(1) },
              ]),
            ),
            ...(query.sample ? { rowIds: Array.from({ length: rows }, (_, i) => `0:${i}`) } : {}),
          };
          yield chunk;
        },
        rejects: () => ({ rejected: 0, examples: [] }),
        async close() {},
      };
    },
  };
}

/** Locks from text: each model path's training lock (absent: unavailable) and one serving lock. */
export function memoryLockStore(
  training: Record<string, string> = {},
  serving = '{"lockfileVersion": 3, "packages": {"": {}, "node_modules/onnxruntime-node": {"version": "1.30.0"}}}',
): LockStore {
  return {
    async training(artifact) {
      const text = training[artifact.path];
      return text === undefined
        ? { unavailable: `no training.lock in ${artifact.path}` }
        : parseLockText(text, `${artifact.path}/training.lock`, detectLockFormat('training.lock', text));
    },
    async serving(backend) {
      return { backend, lock: parseLockText(serving, 'package-lock.json', 'package-lock') };
    },
  };
}

/** Runtime parity between two in-memory copies of each model (same weights, so identical scores). */
export function memoryRuntimeStore(models: Record<string, { weights: number[] }>): RuntimeStore {
  return {
    async parity(artifact, batches, options) {
      const weights = models[artifact.path]!.weights;
      const runtimes = ['memory, optimizations disabled', 'memory, optimizations all'].map((label) => ({ label, inference: memoryInference(weights) }));
      return measureRuntimeParity(artifact.name, runtimes, batches, options);
    },
  };
}

/** Runtime parity between two loads of the same model from the store (identical scores). */
function loadTwiceRuntimeStore(models: ModelStore): RuntimeStore {
  return {
    async parity(artifact, batches, options) {
      const runtimes = await Promise.all(
        ['first load', 'second load'].map(async (label) => ({ label, inference: (await models.load(artifact, 'cpu')).inference })),
      );
      return measureRuntimeParity(artifact.name, runtimes, batches, options);
    },
  };
}

/** Models that declare no feature pipelines (they are fed snapshot columns as they are). */
export const NO_FEATURES: FeaturePipelines = { forModel: async () => null };

const PORT_KEYS: readonly (keyof RunPorts)[] = ['clock', 'models', 'features', 'snapshots', 'locks', 'runtimes', 'serving', 'load', 'rollout'];

/** A run of in-memory ports and test options; `overrides` may set either (a port by its name, an option by its name). */
export function memoryEnvironment(
  models: ModelStore,
  snapshots: SnapshotStore,
  overrides: Partial<RunPorts> & Partial<RunOptions> = {},
): { ports: RunPorts; options: RunOptions } {
  const ports: Record<string, unknown> = {
    clock: steppingClock(),
    models,
    features: NO_FEATURES,
    snapshots,
    locks: memoryLockStore(),
    runtimes: loadTwiceRuntimeStore(models),
  };
  const options: Record<string, unknown> = {
    runId: '00000000-0000-4000-8000-000000000000',
    machine: { platform: 'test', arch: 'x64', cpus: 2, cpuModel: 'test', memoryBytes: 1, node: 'v20' },
    versions: { rehearsal: 'test' },
    executionProvider: 'cpu',
    allowUnverified: false,
  };
  for (const [key, value] of Object.entries(overrides)) {
    (PORT_KEYS.includes(key as keyof RunPorts) ? ports : options)[key] = value;
  }
  return { ports: ports as unknown as RunPorts, options: options as unknown as RunOptions };
}

/** An EventWriter that keeps events in an array. */
export function memoryWriter(): { events: RunEvent[]; write(event: RunEvent): void } {
  const events: RunEvent[] = [];
  return { events, write: (event) => events.push(event) };
}

/** A table of rows for `tableSnapshotStore`: event times, labels, and columns of numbers or text (null: null). */
export interface MemoryTable {
  readonly eventTime: readonly number[];
  readonly label?: readonly number[];
  readonly columns: Readonly<Record<string, readonly (number | null)[] | readonly (string | null)[]>>;
}

/**
 * Snapshots by role (`production`, `reference.blue`, ...), each a table streamed in event-time
 * order in chunks of `chunkRows`, within the query's [from, to). Plain columns only: a derived
 * column is refused, as a reader without SQL would.
 */
export function tableSnapshotStore(tables: Readonly<Record<string, MemoryTable>>, chunkRows = 7): SnapshotStore {
  return {
    async open(_section, role): Promise<SnapshotSource> {
      const table = tables[role];
      if (!table) {
        throw new Error(`no table for ${role}`);
      }
      const names = Object.keys(table.columns);
      return {
        description: `memory:${role}`,
        columns: names.map((name) => ({ name, type: table.columns[name]!.some((v) => typeof v === 'string') ? 'VARCHAR' : 'DOUBLE' })),
        async *read(query) {
          const inRange = table.eventTime
            .map((t, i) => ({ t, i }))
            .filter(({ t }) => (query.from === undefined || t >= query.from) && (query.to === undefined || t < query.to));
          // A sample is the first rows here, keyed by position; the real reader's seeded choice is tested on DuckDB.
          const rows = query.sample ? inRange.slice(0, query.sample.rows) : inRange;
          for (let start = 0; start < rows.length; start += chunkRows) {
            const part = rows.slice(start, start + chunkRows);
            const columns: Record<string, ChunkColumn> = {};
            for (const name of query.columns) {
              const values = table.columns[name];
              if (values === undefined) {
                throw new Error(`no column ${name}`);
              }
              const picked = part.map(({ i }) => values[i]!);
              columns[name] = picked.some((v) => typeof v === 'string')
                ? { kind: 'text', values: picked.map((v) => (v === null ? null : String(v))) }
                : {
                    kind: 'number',
                    values: Float64Array.from(picked, (v) => (v === null ? Number.NaN : (v as number))),
                    valid: Uint8Array.from(picked, (v) => (v === null ? 0 : 1)),
                  };
            }
            yield {
              rowCount: part.length,
              eventTime: Float64Array.from(part, ({ t }) => t),
              label: table.label ? Float64Array.from(part, ({ i }) => table.label![i]!) : null,
              columns,
              ...(query.sample ? { rowIds: part.map(({ i }) => `0:${i}`) } : {}),
            };
          }
        },
        async extent(query) {
          const times = table.eventTime.filter((t) => (query.from === undefined || t >= query.from) && (query.to === undefined || t < query.to));
          return { rows: times.length, from: times[0] ?? null, to: times.at(-1) ?? null };
        },
        rejects: () => ({ rejected: 0, examples: [] }),
        async close() {},
      };
    },
  };
}
