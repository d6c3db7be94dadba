/**
 * `rehearse drift --reference <file> --current <file>`: per-column drift of two files DuckDB
 * reads. Exit 0 whatever the drift (drift is a finding, not an error); 2 when an input
 * cannot be read or a flag is wrong.
 */
import type { DriftReport, FeatureDrift } from '../../contract/drift';
import { DEFAULT_DRIFT_OPTIONS, MAX_BINS } from '../../engine/common/drift/driftOptions';
import { checkPsiBands } from '../../engine/common/stats/psiBands';
import { compareFiles } from '../../engine/node/drift/compareFiles';
import { oneOf, parseFlags, UsageError } from '../args';
import type { Command } from '../command';
import { requireNamedPaths, WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

/** The `drift` command. */
export const driftCommand: Command = {
  name: 'drift',
  usage:
    'rehearse drift --reference <file> --current <file> [--columns a,b] [--bins 10] [--binning equal-width|quantile] ' +
    `[--categorical a,b] [--numeric c] [--bands 0.1,0.25] ${WORKSPACE_USAGE} [--json]`,
  description: [
    'Compares every column of a current file with a reference (Parquet, CSV or JSON lines, read by',
    'DuckDB). Numeric columns: PSI, the two-sample KS statistic and p-value, Wasserstein-1 and the',
    "share out of the reference's range; categorical columns: chi-squared, Jensen-Shannon distance,",
    'PSI over categories and the share of unseen categories; every column: null rates and n.',
    '',
    '  --columns a,b      only these columns (dates and timestamps are compared only when named)',
    '  --bins N           PSI bins (10), equal-width over the joint range of the two files',
    "  --binning quantile bins at the reference's quantiles instead",
    '  --categorical a,b  treat these columns as categorical (and --numeric as numeric); by default',
    '                     strings, booleans and numbers with at most 20 distinct values are categorical',
    '  --bands I,R        the PSI bands: stable < I <= investigate <= R < retrain (0.1,0.25)',
    '  --json             the comparison as JSON on standard output',
    '',
    'exit: 0 whatever the drift (drift is a finding), 2 an input cannot be read or a flag is wrong',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      reference: { type: 'string' },
      current: { type: 'string' },
      columns: { type: 'string' },
      bins: { type: 'string' },
      binning: { type: 'string' },
      categorical: { type: 'string' },
      numeric: { type: 'string' },
      bands: { type: 'string' },
      json: { type: 'boolean' },
      ...WORKSPACE_FLAG,
    });
    if (positionals.length > 0) {
      throw new UsageError(`unexpected argument "${positionals[0]}"; the files are given with --reference and --current`);
    }
    if (values.reference === undefined || values.current === undefined) {
      throw new UsageError(`missing --${values.reference === undefined ? 'reference' : 'current'} <file> (Parquet, CSV or JSON lines)`);
    }
    requireNamedPaths(values.workspace, [
      { path: values.reference, kind: 'snapshot', flag: '--reference' },
      { path: values.current, kind: 'snapshot', flag: '--current' },
    ]);
    const report = await compareFiles({
      reference: values.reference,
      current: values.current,
      columns: values.columns === undefined ? null : nameList(values.columns, 'columns'),
      categorical: values.categorical === undefined ? [] : nameList(values.categorical, 'categorical'),
      numeric: values.numeric === undefined ? [] : nameList(values.numeric, 'numeric'),
      options: {
        ...DEFAULT_DRIFT_OPTIONS,
        bins: binCount(values.bins),
        binning: oneOf(values.binning, ['equal-width', 'quantile'] as const, 'binning', 'equal-width'),
        bands: bands(values.bands),
      },
      onNote: (note) => io.err(note),
    });
    for (const [flag, input] of [
      ['--reference', report.reference],
      ['--current', report.current],
    ] as const) {
      if (input.rejected > 0) {
        const example = input.rejectExamples[0];
        const at = example ? `, e.g. ${example.file}${example.line === null ? '' : `:${example.line}`}: ${example.message}` : '';
        io.err(`${flag} ${input.file}: ${input.rejected} unreadable row${input.rejected === 1 ? '' : 's'} left out${at}`);
      }
    }
    io.out(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  },
};

function nameList(text: string, flag: string): string[] {
  const names = text.split(',').map((s) => s.trim());
  if (names.some((n) => n === '')) {
    throw new UsageError(`--${flag}: expected column names separated by commas, got "${text}"`);
  }
  return [...new Set(names)];
}

function binCount(text: string | undefined): number {
  if (text === undefined) {
    return DEFAULT_DRIFT_OPTIONS.bins;
  }
  const bins = Number(text);
  if (!/^\d+$/.test(text.trim()) || bins < 1 || bins > MAX_BINS) {
    throw new UsageError(`--bins: expected a whole number from 1 to ${MAX_BINS}, got "${text}"`);
  }
  return bins;
}

function bands(text: string | undefined) {
  if (text === undefined) {
    return DEFAULT_DRIFT_OPTIONS.bands;
  }
  const parts = text.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
  const parsed = { investigate: parts[0] ?? Number.NaN, retrain: parts[1] ?? Number.NaN };
  const problem = parts.length === 2 ? checkPsiBands(parsed) : 'expected two numbers';
  if (problem !== null) {
    throw new UsageError(`--bands: ${problem} (investigate,retrain such as 0.1,0.25), got "${text}"`);
  }
  return parsed;
}

/** The terminal table: one line per feature, then what was skipped. */
function formatReport(report: DriftReport): string {
  const lines = [
    `reference ${report.reference.file} (${rowsRead(report.reference)}), current ${report.current.file} (${rowsRead(report.current)})`,
    `PSI on ${report.bins} ${report.binning} bins; stable < ${report.bands.investigate} <= investigate <= ${report.bands.retrain} < retrain`,
    '',
  ];
  const rows = [['feature', 'kind', 'n ref', 'n cur', 'psi', 'test', 'p', 'also', 'status'], ...report.features.map(featureRow)];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  lines.push(
    ...rows.map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    ),
  );
  for (const f of report.features) {
    if (f.reason !== null) {
      lines.push(`${f.name}: ${f.reason}`);
    }
  }
  for (const s of report.skipped) {
    lines.push(`skipped ${s.name} (${s.type}): ${s.reason}`);
  }
  return lines.join('\n');
}

function rowsRead(input: DriftReport['reference']): string {
  return `${input.rows} rows${input.rejected > 0 ? `, ${input.rejected} unreadable` : ''}`;
}

function featureRow(f: FeatureDrift): string[] {
  const nulls = `nulls ${pct(f.nullRate.reference)}/${pct(f.nullRate.current)}`;
  // Numeric features are tested with KS and Wasserstein, categorical ones with chi-squared and JSD.
  const [test, p, extra] =
    f.kind === 'numeric'
      ? [`ks ${num(f.ks)}`, f.ksPValue, `w1 ${num(f.wasserstein)} out-of-range ${pct(f.outOfRangeShare)}`]
      : [`chi2 ${num(f.chi2)}`, f.chi2PValue, `jsd ${num(f.jsd)} unseen ${pct(f.unseenShare)}`];
  return [f.name, f.kind, String(f.n.reference), String(f.n.current), num(f.psi), test, num(p), `${extra} ${nulls}`, f.status];
}

function num(x: number | null): string {
  if (x === null) {
    return '-';
  }
  if (x === 0) {
    return '0';
  }
  return Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6 ? x.toExponential(2) : x.toFixed(4);
}

function pct(x: number | null): string {
  return x === null ? '-' : `${(100 * x).toFixed(1)}%`;
}
