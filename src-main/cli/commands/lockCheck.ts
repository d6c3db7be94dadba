/**
 * `rehearse lock-check <training-lock> <serving-lock> [--json]`: every package's pin in the
 * training environment against the serving one. Exit 1 when a package is unpinned, a range, or
 * pinned to another version; a package on one side only is listed as missing and does not fail.
 */
import { compareLocks, type LockComparison, type LockProblem } from '../../engine/common/locks/compareLocks';
import { LOCK_FORMATS, type LockFormat } from '../../engine/common/locks/lockFile';
import { readLockFile } from '../../engine/node/locks/readLockFile';
import { parseFlags, requirePositional, UsageError } from '../args';
import type { Command } from '../command';
import { requireNamedPaths, WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

export const lockCheckCommand: Command = {
  name: 'lock-check',
  usage: `rehearse lock-check <training-lock> <serving-lock> [--training-format ${LOCK_FORMATS.join('|')}] [--serving-format ...] ${WORKSPACE_USAGE} [--json]`,
  description: [
    'Compares the lock of the environment a model was trained in with the one that serves it,',
    'package by package. Reads pip freeze and requirements files (with --hash lines, -r and -c',
    'includes), package-lock.json (v1-3) and conda environment.yml (with its pip: list). Python',
    'names and versions are compared after PEP 503 and PEP 440; onnxruntime-node is compared with',
    'onnxruntime. Each problem is unpinned, range, mismatch, or missing (on one side only).',
    '',
    '  --training-format F  how to read the training lock (default: from its name, then its content)',
    '  --serving-format F   the same for the serving lock',
    '  --json               the comparison as JSON on standard output',
    '',
    'exit: 0 pinned and the same on both sides (missing packages do not fail), 1 not,',
    '2 a file cannot be read (the message names the file and line)',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      json: { type: 'boolean' },
      'training-format': { type: 'string' },
      'serving-format': { type: 'string' },
      ...WORKSPACE_FLAG,
    });
    const trainingPath = requirePositional(positionals, 0, 'the training lock file');
    const servingPath = requirePositional(positionals, 1, 'the serving lock file');
    if (positionals.length > 2) {
      throw new UsageError(`expected two lock files, found ${positionals.length}`);
    }
    requireNamedPaths(values.workspace, [
      { path: trainingPath, kind: 'file' },
      { path: servingPath, kind: 'file' },
    ]);
    const training = readLockFile(trainingPath, formatFlag(values['training-format'], 'training-format'));
    const serving = readLockFile(servingPath, formatFlag(values['serving-format'], 'serving-format'));
    const comparison = compareLocks(training, serving);
    for (const note of [...comparison.training.notes, ...comparison.serving.notes]) {
      io.err(`note: ${note}`);
    }
    if (values.json) {
      io.out(JSON.stringify({ passed: !comparison.failed, ...comparison }, null, 2));
    } else {
      io.out(formatComparison(comparison));
    }
    return comparison.failed ? 1 : 0;
  },
};

function formatFlag(value: string | undefined, flag: string): LockFormat | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!(LOCK_FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`--${flag}: expected one of ${LOCK_FORMATS.join(', ')}, got "${value}"`);
  }
  return value as LockFormat;
}

/** The terminal form: each failing package on two lines, the missing ones by side, then the outcome. */
function formatComparison(c: LockComparison): string {
  const lines = [
    `training  ${c.training.file} (${c.training.format}, ${c.training.packages} packages)`,
    `serving   ${c.serving.file} (${c.serving.format}, ${c.serving.packages} packages)`,
    `compared  ${c.compared} ${c.compared === 1 ? 'package' : 'packages'} on both sides`,
  ];
  const failing = c.problems.filter((p) => p.kind !== 'missing');
  if (failing.length > 0) {
    lines.push('');
  }
  for (const p of failing) {
    lines.push(`  ${p.kind.padEnd(8)}  ${p.package}: ${p.detail}`, `            ${side('training', p)}; ${side('serving', p)}`);
  }
  const other = { training: 'serving', serving: 'training' } as const;
  const onlyIn = (which: 'training' | 'serving'): string[] =>
    c.problems.filter((p) => p.kind === 'missing' && p[which] !== null && p[other[which]] === null).map((p) => p.package);
  for (const which of ['training', 'serving'] as const) {
    const names = onlyIn(which);
    if (names.length > 0) {
      lines.push('', `  only in ${which} (${names.length}, not failing): ${names.join(', ')}`);
    }
  }
  // On both sides, training's versions all still installed beside other copies (npm's nested installs).
  const extra = c.problems.filter((p) => p.kind === 'missing' && p.training !== null && p.serving !== null);
  if (extra.length > 0) {
    lines.push('', `  more copies in serving (${extra.length}, not failing):`, ...extra.map((p) => `    ${p.package}: ${p.detail}`));
  }
  const counts = `${c.counts.unpinned} unpinned, ${c.counts.range} range, ${c.counts.mismatch} mismatch, ${c.counts.missing} missing`;
  lines.push('', `lock-check: ${c.failed ? 'FAIL' : 'PASS'} (${counts})`);
  return lines.join('\n');
}

function side(which: 'training' | 'serving', p: LockProblem): string {
  const view = p[which];
  return view === null ? `${which}: absent` : `${which}: ${view.spec} (${view.at})`;
}
