/**
 * `npm run bench:events [events.jsonl]`: what checking every line of a log against its schema
 * costs, on the demo's log by default (`npm run demo` writes runs/demo/events.jsonl). The
 * reference, measured in the same run, is the reader without the body check: the file read, each
 * line JSON-parsed and its envelope tested. The first read of each is what one `rehearse report`
 * or `rehearse drill` pays (zod's schemas are compiled on first use); the warm reads are the
 * median of five after it. The machine is shared; figures move by tens of percent between runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readEventFile } from '../src-main/engine/node/files/eventFile';
import { ROOT } from '../test/support/paths';

const path = process.argv[2] ?? join(ROOT, 'runs/demo/events.jsonl');

/** The reader as it was before bodies were checked: JSON per line and the envelope's four fields. */
function readEnvelopesOnly(file: string): number {
  let count = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') {
      continue;
    }
    const v = JSON.parse(line) as Record<string, unknown>;
    if (typeof v['seq'] !== 'number' || typeof v['kind'] !== 'string' || typeof v['wallTime'] !== 'string') {
      throw new Error(`not an event: ${file}`);
    }
    count += 1;
  }
  return count;
}

function timed(read: () => unknown): number {
  const start = performance.now();
  read();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

if (!existsSync(path)) {
  console.error(`${path}: not found; run \`npm run demo\` first or pass an events.jsonl`);
  process.exit(2);
}
const lines = readEnvelopesOnly(path);
const size = readFileSync(path).length;
const firstReference = timed(() => readEnvelopesOnly(path));
const firstChecked = timed(() => readEventFile(path));
const reference: number[] = [];
const checked: number[] = [];
for (let round = 0; round < 5; round++) {
  reference.push(timed(() => readEnvelopesOnly(path)));
  checked.push(timed(() => readEventFile(path)));
}
const ms = (value: number) => `${value.toFixed(0)} ms`;
const shown = relative(ROOT, path).startsWith('..') ? path : relative(ROOT, path);
console.log(`${shown}: ${lines} events, ${(size / 1e6).toFixed(1)} MB`);
console.log(`first read   envelope only ${ms(firstReference)}   every body checked ${ms(firstChecked)}   ratio ${(firstChecked / firstReference).toFixed(2)}x`);
console.log(
  `warm (median) envelope only ${ms(median(reference))}   every body checked ${ms(median(checked))}   ratio ${(median(checked) / median(reference)).toFixed(2)}x`,
);
