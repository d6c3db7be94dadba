/** The history and a comparison as the terminal shows them. */
import type { RunComparison, RunSummary } from '../contract/history';

/** One line per run: when, scenario, verdict, duration, folder; a damaged run with its reason. */
export function formatHistory(runs: readonly RunSummary[]): string {
  if (runs.length === 0) {
    return 'no runs yet';
  }
  return runs
    .map((run) => {
      if (run.damaged !== null) {
        return `${'DAMAGED'.padEnd(24)} ${run.folder}: ${run.damaged}`;
      }
      const verdict = run.verdict ?? (run.complete ? '' : 'UNFINISHED');
      const whatIf = run.whatIf === null ? '' : `  what-if of ${run.whatIf.from} (${changesText(run.whatIf.changes)})`;
      return `${run.startedAt!.slice(0, 19).replace('T', ' ')}  ${run.scenario.padEnd(24)} ${verdict.padEnd(10)} ${durationText(run.durationMs).padStart(8)}  ${run.folder}${whatIf}`;
    })
    .join('\n');
}

/** Both runs named, each check before → after (changed ones marked), the figures that moved, and each lane's series. */
export function formatComparison(c: RunComparison): string {
  const name = (run: RunSummary): string => `${run.scenario} ${run.runId} (${run.verdict ?? 'unfinished'}, ${run.startedAt ?? 'unknown start'})`;
  const lines = [`before: ${name(c.before)}`, `after:  ${name(c.after)}`, '', 'checks:'];
  for (const check of c.checks) {
    lines.push(`  ${check.changed ? '*' : ' '} ${check.id.padEnd(22)} ${check.before === check.after ? check.before : `${check.before} -> ${check.after}`}`);
  }
  lines.push('', c.figures.length === 0 ? 'figures: none moved' : 'figures that moved:');
  for (const f of c.figures) {
    lines.push(`  ${f.check} / ${f.label}: ${valueText(f.before)} -> ${valueText(f.after)}${f.unit === undefined ? '' : ` ${f.unit}`}`);
  }
  lines.push('', 'lanes:');
  for (const lane of c.lanes) {
    if (lane.notMeasured !== null) {
      lines.push(`  ${lane.title}: not measured (${lane.notMeasured})`);
      continue;
    }
    lines.push(`  ${lane.title} (${lane.unit} against ${lane.axis === 'rps' ? 'requests per second' : 'event time'}):`);
    for (const s of lane.series) {
      lines.push(`    ${s.run.padEnd(6)} ${s.name}: ${s.points.length} points${s.points.length > 0 ? `, ${seriesRange(s.points.map((p) => p.y))}` : ''}`);
    }
  }
  return lines.join('\n');
}

function changesText(changes: Readonly<Record<string, string>>): string {
  return Object.entries(changes)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

function durationText(ms: number | null): string {
  return ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`;
}

function valueText(value: string | number | boolean | null): string {
  return value === null ? '(none)' : typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : String(value);
}

function seriesRange(values: readonly number[]): string {
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  return `${round(Math.min(...values))} to ${round(Math.max(...values))}`;
}
