/**
 * One replay of the demo (March-June, hourly windows, blue and green) in a fresh process, for
 * `npm run bench:replay`: prints one JSON line with the production rows, the replay phase's wall
 * time, how much of it was reading the two references, and the process's peak RSS.
 */
import { join } from 'node:path';
import { projectRoot } from '../../src-main/engine/node/run/projectRoot';
import { engineRun } from './engineRun';

const cpu = process.cpuUsage();
const events = await engineRun(join(projectRoot(), 'scenarios/demo.yaml'));
const used = process.cpuUsage(cpu);
const wall = (kind: string, predicate: (e: (typeof events)[number]) => boolean = () => true): number => {
  const event = events.find((e) => e.kind === kind && predicate(e));
  if (event === undefined) {
    throw new Error(`the replay appended no ${kind}`);
  }
  return Date.parse(event.wallTime);
};
const started = wall('phase.started', (e) => e.kind === 'phase.started' && e.phase === 'replay');
const streaming = wall('replay.started');
const finished = wall('phase.finished', (e) => e.kind === 'phase.finished' && e.phase === 'replay');
const summary = events.find((e) => e.kind === 'score.summary');
console.log(
  JSON.stringify({
    rows: summary?.kind === 'score.summary' ? summary.n : 0,
    windows: events.filter((e) => e.kind === 'drift.window').length,
    replayMs: finished - started,
    referenceMs: streaming - started,
    streamMs: finished - streaming,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    // CPU of every thread of the process (DuckDB's, onnxruntime's and ours), whatever else the machine runs.
    cpuMs: (used.user + used.system) / 1000,
  }),
);
