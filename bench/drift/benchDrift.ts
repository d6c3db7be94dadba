/**
 * `npm run bench:drift`: `rehearse drift` end to end (process start, Parquet in,
 * every statistic, JSON out) on two 3M-row numeric columns, against numpy + scipy computing the
 * same PSI and KS from .npy files (interpreter start and imports included), in the same run.
 * Prints each side's median wall time over the rounds and the ratio; checks that both found
 * the same PSI and KS. Not a test: the machine is shared, so quote the figures with their noise.
 *
 * Data: the reference is the 3M flights of January-June 2001 (delay, distance as DOUBLE); the
 * current sample is the same rows with delay shifted by 3 minutes plus uniform noise (3M
 * distinct values: the sort-every-row case) and distance in kilometres (few distinct values).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, sqlString } from '../../src-main/engine/node/duckdb/database';
import { projectRoot } from '../../src-main/engine/node/run/projectRoot';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const COLUMNS = ['delay', 'distance'];
const PYTHON = process.env['REHEARSAL_PYTHON'] ?? 'python3';
const root = projectRoot();
const dir = join(root, 'runs/bench-drift');
const reference = join(dir, 'reference.parquet');
const current = join(dir, 'current.parquet');

await prepare();
const ours: number[] = [];
const numpy: number[] = [];
let oursOut = '';
let numpyOut = '';
for (let round = 0; round < ROUNDS; round++) {
  // Alternate the two, so load from other work on the machine falls on both alike.
  [oursOut] = timed(ours, process.execPath, [
    join(root, 'bin/rehearse.mjs'),
    'drift',
    '--reference',
    reference,
    '--current',
    current,
    '--columns',
    COLUMNS.join(','),
    '--json',
  ]);
  [numpyOut] = timed(numpy, PYTHON, [join(root, 'bench/drift/numpy_drift.py'), dir, ...COLUMNS]);
}
const oursReport = JSON.parse(oursOut) as { features: { name: string; psi: number; ks: number; ksPValue: number }[] };
const numpyReport = JSON.parse(numpyOut) as Record<string, { psi: number; ks: number; ksPValue: number }>;
console.log(`rehearse drift vs numpy+scipy, ${COLUMNS.length} numeric columns x 3,000,000 rows a side, ${ROUNDS} rounds (median wall time)`);
for (const f of oursReport.features) {
  const n = numpyReport[f.name]!;
  const agree = Math.abs(f.psi - n.psi) <= 1e-9 && f.ks === n.ks && Math.abs(f.ksPValue - n.ksPValue) <= 1e-12 * Math.max(1, n.ksPValue);
  console.log(
    `  ${f.name.padEnd(9)} psi ${f.psi.toPrecision(12)} (numpy ${n.psi.toPrecision(12)})  ks ${f.ks} (scipy ${n.ks})  p ${f.ksPValue} (scipy ${n.ksPValue})  ${agree ? 'agree' : 'DISAGREE'}`,
  );
  if (!agree) {
    process.exitCode = 1;
  }
}
const oursMedian = median(ours);
const numpyMedian = median(numpy);
console.log(`  rehearse drift   ${ms(oursMedian)}  (rounds: ${ours.map(ms).join(', ')})`);
console.log(`  numpy + scipy    ${ms(numpyMedian)}  (rounds: ${numpy.map(ms).join(', ')})`);
console.log(
  `  ratio numpy/ours ${(numpyMedian / oursMedian).toFixed(2)}x ${numpyMedian > oursMedian ? '(ours faster: target met)' : '(ours slower: target missed)'}`,
);

/** Runs a command to completion and records its wall time. */
function timed(into: number[], command: string, args: string[]): [string] {
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  into.push(performance.now() - start);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return [result.stdout];
}

/** The two Parquet files and the four .npy files, made once. */
async function prepare(): Promise<void> {
  if (existsSync(join(dir, 'current_distance.npy'))) {
    return;
  }
  mkdirSync(dir, { recursive: true });
  const flights = join(root, 'node_modules/vega-datasets/data/flights-3m.parquet');
  const { instance, connection } = await openDatabase();
  await connection.run(
    `COPY (SELECT CAST(delay AS DOUBLE) AS delay, CAST(distance AS DOUBLE) AS distance FROM read_parquet(${sqlString(flights)})) TO ${sqlString(reference)}`,
  );
  // hash(row number) gives noise that is the same on every run and every machine.
  await connection.run(
    `COPY (SELECT delay + 3 + 4 * ((hash(file_row_number) % 1000000) / 1e6 - 0.5) AS delay, distance * 1.609344 AS distance
           FROM read_parquet(${sqlString(flights)}, file_row_number = true)) TO ${sqlString(current)}`,
  );
  for (const [role, file] of [
    ['reference', reference],
    ['current', current],
  ] as const) {
    for (const column of COLUMNS) {
      const rows = await connection.runAndReadAll(`SELECT ${column} FROM read_parquet(${sqlString(file)})`);
      writeNpy(join(dir, `${role}_${column}.npy`), Float64Array.from(rows.getColumns()[0]!, Number));
    }
  }
  connection.closeSync();
  instance.closeSync();
}

/** A float64 vector in numpy's .npy format (version 1.0). */
function writeNpy(path: string, values: Float64Array): void {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${values.length},), }`;
  // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64, ending in \n.
  header += ' '.repeat(64 - ((10 + header.length + 1) % 64)) + '\n';
  const prefix = Buffer.alloc(10);
  prefix.write('\x93NUMPY', 0, 'latin1');
  prefix[6] = 1;
  prefix[7] = 0;
  prefix.writeUInt16LE(header.length, 8);
  writeFileSync(path, Buffer.concat([prefix, Buffer.from(header, 'latin1'), Buffer.from(values.buffer, values.byteOffset, values.byteLength)]));
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function ms(x: number): string {
  return `${(x / 1000).toFixed(2)} s`;
}
