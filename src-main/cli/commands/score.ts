/**
 * `rehearse score`: one model on one snapshot, outside a scenario: n, AUC, log loss, positive
 * rate, mean prediction and prediction quantiles. Exit 0 scored, 1 the model's digest does not
 * match (refused) or the model answered NaN or Infinity for some rows (scored, but a model that
 * does is not fit to serve, and a script that gates on the exit code must see it), 2 bad input
 * (a missing feature, a wrong dtype or width, unreadable rows).
 */
import { parseEventTime } from '../../engine/common/time/eventTime';
import { scoreModel, type ScoreOutcome, type ScoreRequest } from '../../engine/node/score/scoreModel';
import { oneOf, parseFlags, UsageError } from '../args';
import type { Command } from '../command';
import { requireNamedPaths, WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

const SCORE_FLAGS = {
  model: { type: 'string' },
  snapshot: { type: 'string' },
  label: { type: 'string' },
  features: { type: 'string' },
  timestamp: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  'max-reject-rate': { type: 'string' },
  'allow-unverified': { type: 'boolean' },
  json: { type: 'boolean' },
  ...WORKSPACE_FLAG,
} as const;

type ScoreFlags = ReturnType<typeof parseFlags<typeof SCORE_FLAGS>>['values'];

export const scoreCommand: Command = {
  name: 'score',
  usage:
    'rehearse score --model <model.onnx|folder> --snapshot <file|glob> --label <column or SQL> [--features a,b,c] ' +
    `[--timestamp <column> [--from T] [--to T]] [--format parquet|csv|jsonl] [--max-reject-rate R] [--allow-unverified] ${WORKSPACE_USAGE} [--json]`,
  description: [
    'Scores one model on one snapshot outside a scenario, through the same path as a rehearsal',
    '(digest check, input plan, DuckDB snapshot reader, metrics): n, AUC, log loss, positive rate,',
    'mean prediction and prediction quantiles. A folder whose card names a feature spec computes its',
    "own features; otherwise --features gives a matrix input's column order, and a model with one",
    'input per feature has its inputs matched to columns by name.',
    '',
    "  --label <column or SQL>  the outcome, a column or a SQL expression over the row ('delay > 15')",
    '  --timestamp <column>     with --from and --to, only rows in that event-time range',
    '  --format F               how to read the snapshot (default: from its extension)',
    '  --max-reject-rate R      the share of unreadable rows tolerated (default 0)',
    '  --allow-unverified       score a model whose model.sha256 does not match',
    '  --json                   the score as JSON on standard output',
    '',
    "exit: 0 scored, 1 the model's digests do not match (refused) or some predictions were NaN or",
    'Infinity (counted in nonFinite; AUC, log loss and the rest are over the finite ones), 2 bad input (a missing',
    'feature, a wrong dtype or width, unreadable rows)',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, SCORE_FLAGS);
    const request = scoreRequest(values);
    const outcome = await scoreModel(request);
    if (outcome.refused) {
      io.err(`rehearse score: refused ${outcome.model}: ${outcome.message}; rebuild its model.sha256, or pass --allow-unverified to score it anyway`);
      return 1;
    }
    const { rejects } = outcome;
    if (rejects.rejected > 0) {
      const first = rejects.examples[0];
      const at = first ? `; first: ${first.file}${first.line === null ? '' : `:${first.line}`}: ${first.message}` : '';
      io.err(
        `${request.snapshot.path}: ${rejects.rejected} row${rejects.rejected === 1 ? '' : 's'} could not be read, left out (tolerated by --max-reject-rate ${request.snapshot.maxRejectRate})${at}`,
      );
    }
    const document = scoreDocument(request, outcome);
    io.out(values.json ? JSON.stringify(document, null, 2) : scoreText(document));
    if (outcome.nonFinite > 0) {
      io.err(
        `rehearse score: ${request.model} predicted NaN or Infinity for ${outcome.nonFinite} of ${document.n} rows (${formatShare(document.nonFinite.share)}); AUC, log loss, mean prediction and quantiles are over the other ${document.n - outcome.nonFinite} rows. A model that answers NaN is not fit to serve: find the input it breaks on.`,
      );
      return 1;
    }
    return 0;
  },
};

/** The flags as a score request; a missing or malformed flag is a UsageError naming it. */
function scoreRequest(values: ScoreFlags): ScoreRequest {
  const model = required(values.model, '--model <model.onnx|folder>');
  const snapshot = required(values.snapshot, '--snapshot <file|glob>');
  const label = required(values.label, '--label <column or SQL expression>');
  if (label.includes(';')) {
    throw new UsageError('--label: expected one SQL expression, without ";"');
  }
  if ((values.from !== undefined || values.to !== undefined) && values.timestamp === undefined) {
    throw new UsageError('--from and --to need --timestamp <column>');
  }
  const maxRejectRate = values['max-reject-rate'] === undefined ? 0 : Number(values['max-reject-rate']);
  if (!(maxRejectRate >= 0 && maxRejectRate <= 1)) {
    throw new UsageError(`--max-reject-rate: expected a share between 0 and 1, got "${values['max-reject-rate']}"`);
  }
  requireNamedPaths(values.workspace, [
    { path: model, kind: 'model', flag: '--model' },
    { path: snapshot, kind: 'snapshot', flag: '--snapshot' },
  ]);
  const format = values.format === undefined ? undefined : oneOf(values.format, ['parquet', 'csv', 'jsonl'] as const, 'format', 'parquet');
  return {
    model,
    snapshot: { path: snapshot, timestamp: values.timestamp, label, labelDelay: 0, maxRejectRate, ...(format ? { format } : {}) },
    ...(values.features !== undefined ? { features: featureList(values.features) } : {}),
    ...(values.from !== undefined ? { from: eventTime(values.from, '--from') } : {}),
    ...(values.to !== undefined ? { to: eventTime(values.to, '--to') } : {}),
    allowUnverified: values['allow-unverified'] ?? false,
  };
}

/** What `--json` prints: the request echoed beside the score. */
function scoreDocument(request: ScoreRequest, outcome: Extract<ScoreOutcome, { refused: false }>) {
  const { summary, rejects } = outcome;
  return {
    model: request.model,
    sha256: outcome.sha256,
    verified: outcome.verified,
    executionProvider: outcome.executionProvider,
    snapshot: request.snapshot.path,
    label: request.snapshot.label,
    from: summary.from,
    to: summary.to,
    n: summary.n,
    labelled: summary.labelled,
    auc: summary.auc,
    logLoss: summary.logLoss,
    positiveRate: summary.positiveRate,
    meanPrediction: summary.meanPrediction,
    quantiles: summary.quantiles,
    rejected: rejects.rejected,
    nonFinite: { count: outcome.nonFinite, share: summary.n === 0 ? 0 : outcome.nonFinite / summary.n },
  };
}

/** The three lines a person reads. */
function scoreText(document: ReturnType<typeof scoreDocument>): string {
  const q = Object.entries(document.quantiles)
    .map(([k, v]) => `${k}=${v.toFixed(4)}`)
    .join(' ');
  return [
    `${document.model} on ${document.snapshot}${document.from ? ` (${document.from} to ${document.to})` : ''}`,
    `n=${document.n} labelled=${document.labelled} auc=${fmt(document.auc)} logLoss=${fmt(document.logLoss)} positiveRate=${fmt(document.positiveRate)} meanPrediction=${fmt(document.meanPrediction)}`,
    `prediction quantiles: ${q}`,
    ...(document.nonFinite.count > 0
      ? [
          `non-finite predictions: ${document.nonFinite.count} (${formatShare(document.nonFinite.share)}), left out of AUC, log loss, mean prediction and quantiles`,
        ]
      : []),
  ].join('\n');
}

function formatShare(share: number): string {
  return `${(share * 100).toPrecision(3)}%`;
}

function featureList(text: string): string[] {
  return text
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') {
    throw new UsageError(`missing ${flag}`);
  }
  return value;
}

function eventTime(text: string, flag: string): number {
  const ms = parseEventTime(text);
  if (ms === null) {
    throw new UsageError(`${flag}: expected an event time such as 2001-03-01 or 2001-03-01T06:00:00, got "${text}"`);
  }
  return ms;
}

function fmt(value: number | null): string {
  return value === null ? '-' : value.toFixed(4);
}
