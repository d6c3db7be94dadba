/**
 * `npm run bench:seasons`: why windows are compared with a seasonal slice of the
 * reference. Blue's hourly windows of March-June 2001 against all of January, then against the
 * January rows of the same weekday and hour (the replay's default), both with the seed's fixed
 * PSI > 0.25: the median PSI of the hour and weekday features, the share of windows of 50 rows or
 * more whose distance PSI passes 0.25, and the false-alarm rate of blue's features.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEvent } from '../../src-main/contract/events';
import { projectRoot } from '../../src-main/engine/node/run/projectRoot';
import { engineRun } from './engineRun';

const root = projectRoot();
const flights = join(root, 'node_modules/vega-datasets/data/flights-3m.parquet');

for (const season of ['none', 'hour-of-week'] as const) {
  const path = join(root, 'runs', `bench-seasons-${season}.yaml`);
  writeFileSync(
    path,
    `name: seasons-${season}
models:
  blue:
    path: ${join(root, 'scenarios/demo/models/blue-v1')}
snapshots:
  production: { path: ${flights}, timestamp: date, label: delay > 15, labelDelay: 1d, from: 2001-03-01, to: 2001-07-01 }
  reference:
    blue: { path: ${flights}, timestamp: date, label: delay > 15, from: 2001-01-01, to: 2001-02-01 }
alerts:
  drift: { season: ${season}, minRows: 50 }
`,
  );
  const events = await engineRun(path);
  const windows = events.filter((e): e is Extract<RunEvent, { kind: 'drift.window' }> => e.kind === 'drift.window');
  const compared = windows.filter((w) => w.features[0]!.psi !== null);
  const psi = (name: string) => compared.map((w) => w.features.find((f) => f.name === name)!.psi!).sort((a, b) => a - b);
  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
  const over = (name: string) => psi(name).filter((p) => p > 0.25).length / compared.length;
  const check = events.find((e) => e.kind === 'check.resolved' && e.check.id === 'distribution-shift');
  const falseAlarms = check?.kind === 'check.resolved' ? check.check.evidence.find((e) => e.label.startsWith('blue: false-alarm'))?.value : null;
  console.log(
    `against ${season === 'none' ? 'all of January      ' : 'the same weekday-hour'}: ${compared.length} windows of 50+ rows; median PSI dep_hour ${median(psi('dep_hour')).toFixed(2)}, dep_weekday ${median(psi('dep_weekday')).toFixed(2)}; ` +
      `PSI > 0.25 in ${pct(over('distance'))} of windows for distance, ${pct(over('origin_index'))} for origin, ${pct(over('destination_index'))} for destination; blue's false-alarm rate ${pct(Number(falseAlarms))}`,
  );
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
