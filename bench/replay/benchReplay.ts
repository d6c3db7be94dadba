/**
 * `npm run bench:replay`: the demo replay (March-June 2001, about 2M flights, hourly
 * windows, blue and green on the same rows, every feature and the predictions compared with
 * each model's seasonal reference, labels, alerts) against the floor measured in the same run:
 * the same rows scanned raw by DuckDB plus the two models' batch inference alone. Each side runs
 * in a fresh process, alternating, `BENCH_ROUNDS` rounds (default 3); prints the medians, rows/s,
 * the replay's peak RSS, and the ratio. Targets: >= 1M rows/s, < 1 GB. Not a test: the machine is
 * shared, so quote the figures with their noise.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src-main/engine/node/run/projectRoot';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const root = projectRoot();

interface Ours {
  readonly rows: number;
  readonly windows: number;
  readonly replayMs: number;
  readonly referenceMs: number;
  readonly streamMs: number;
  readonly maxRssBytes: number;
  readonly cpuMs: number;
}
interface Floor {
  readonly rows: number;
  readonly scanMs: number;
  readonly inferenceMs: Record<string, number>;
  readonly floorMs: number;
  readonly cpuMs: number;
}

const ours: Ours[] = [];
const floors: Floor[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Alternate, so load from other work on the machine falls on both alike.
  floors.push(child<Floor>('floorOnce.ts'));
  ours.push(child<Ours>('replayOnce.ts'));
  const o = ours.at(-1)!;
  const f = floors.at(-1)!;
  console.error(
    `round ${round + 1}: replay ${s(o.replayMs)} (references ${s(o.referenceMs)}, stream ${s(o.streamMs)}, CPU ${s(o.cpuMs)}), ${mb(o.maxRssBytes)}; floor ${s(f.floorMs)}`,
  );
}
const rows = ours[0]!.rows;
const replay = median(ours.map((o) => o.replayMs));
const stream = median(ours.map((o) => o.streamMs));
const reference = median(ours.map((o) => o.referenceMs));
const floor = median(floors.map((f) => f.floorMs));
const rss = Math.max(...ours.map((o) => o.maxRssBytes));
console.log(
  `demo replay, March-June 2001, ${rows.toLocaleString('en-US')} rows, ${ours[0]!.windows.toLocaleString('en-US')} window events (hourly, blue and green), ${ROUNDS} rounds (median wall time)`,
);
console.log(
  `  replay phase     ${s(replay)}  ${rate(rows, replay)}  (reading both references ${s(reference)}, then production ${s(stream)}: ${rate(rows, stream)})`,
);
console.log(
  `  floor            ${s(floor)}  ${rate(rows, floor)}  (raw DuckDB scan ${s(median(floors.map((f) => f.scanMs)))}, inference blue ${s(median(floors.map((f) => f.inferenceMs['blue-v1']!)))}, green ${s(median(floors.map((f) => f.inferenceMs['green-v2']!)))})`,
);
console.log(
  `  CPU time         replay process ${s(median(ours.map((o) => o.cpuMs)))} (all threads, the whole run: preflight, references, production, summaries)`,
);
console.log(`  peak RSS         ${mb(rss)} ${rss < 1024 ** 3 ? '(under 1 GB: target met)' : '(1 GB or more: target missed)'}`);
console.log(`  rows/s           ${rate(rows, replay)} ${rows / (replay / 1000) >= 1e6 ? '(target met)' : '(target 1M rows/s missed)'}`);
console.log(`  ratio replay/floor rows/s ${(floor / replay).toFixed(2)} (production stream alone: ${(floor / stream).toFixed(2)})`);

function child<T>(script: string): T {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/replay', script)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`${script} failed (${result.status}): ${result.stderr}`);
  }
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as T;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 ** 2)} MB`;
}

function rate(rows: number, ms: number): string {
  return `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
}
