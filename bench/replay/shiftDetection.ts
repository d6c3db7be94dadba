/**
 * `npm run bench:shifts`: every shift scenario of `scenarios/` (one per family, on the
 * demo data) replayed for real, and for each shift whether and when each monitoring layer caught
 * it, with the false-alarm rate of the same run's windows without a shift. With `--demo`, also
 * the unshifted demo (March-June against January, blue and green): its false-alarm rate. Each
 * shift's line ends with its scenario's monitoring-coverage status.
 * Not a test: it takes about a minute, and the figures are what README.md quotes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src-main/engine/node/run/projectRoot';
import { engineRun } from './engineRun';

const root = projectRoot();
const files = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.startsWith('shift-') && f.endsWith('.yaml'))
  .sort()
  .map((f) => join(root, 'scenarios', f));
if (process.argv.includes('--demo')) {
  files.push(join(root, 'scenarios/demo.yaml'));
}

console.log(
  'scenario                   | shift                                         | caught by (layer, rule, subject, delay)                  | false alarms',
);
for (const path of files) {
  const started = performance.now();
  const events = await engineRun(path);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const check = events.find((e) => e.kind === 'check.resolved' && e.check.id === 'distribution-shift');
  const falseAlarms =
    check?.kind === 'check.resolved'
      ? check.check.evidence
          .filter((e) => e.label.endsWith('false-alarm rate (windows without a shift)'))
          .map((e) => `${e.label.split(':')[0]} ${percent(e.value)} of ${e.n}`)
      : [];
  const coverage = events.find((e) => e.kind === 'check.resolved' && e.check.id === 'monitoring-coverage');
  const covered = coverage?.kind === 'check.resolved' ? ` monitoring-coverage ${coverage.check.status}` : '';
  const injected = events.filter((e) => e.kind === 'shift.injected');
  const name = path.split('/').pop()!.replace('.yaml', '');
  if (injected.length === 0) {
    console.log(`${name.padEnd(26)} | ${'(none)'.padEnd(45)} | ${''.padEnd(56)} | ${falseAlarms.join(', ')}  [${seconds} s]`);
  }
  for (const shift of injected) {
    if (shift.kind !== 'shift.injected') {
      continue;
    }
    const caught = events.flatMap((e) =>
      e.kind === 'shift.detected' && e.index === shift.index ? [`L${e.layer} ${e.rule} ${e.subject} +${(e.delayMs / 3_600_000).toFixed(0)}h`] : [],
    );
    const missed = events.find((e) => e.kind === 'shift.missed' && e.index === shift.index);
    console.log(
      `${name.padEnd(26)} | ${shift.name.padEnd(45)} | ${(caught.join('; ') || `MISSED: ${missed?.kind === 'shift.missed' ? missed.reason : ''}`).padEnd(56)} | ${falseAlarms.join(', ')}${covered}  [${seconds} s]`,
    );
  }
}

function percent(value: unknown): string {
  return typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : String(value);
}
