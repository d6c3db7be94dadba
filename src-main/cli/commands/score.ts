/**
 * `rehearse score`: one model on one snapshot, outside a scenario: n, AUC, log loss, positive
 * rate, mean prediction and prediction quantiles. Exit 0 scored, 1 the model's digest does not
 * match (refused), 2 bad input (a missing feature, a wrong dtype or width, unreadable rows).
 */
import { parseEventTime } from '../../engine/common/time/eventTime';
import { scoreModel } from '../../engine/node/score/scoreModel';
import { oneOf, parseFlags, UsageError } from '../args';
import type { Command } from '../command';

export const scoreCommand: Command = {
  name: 'score',
  usage:
    'rehearse score --model <model.onnx|folder> --snapshot <file|glob> --label <column or SQL> [--features a,b,c] ' +
    '[--timestamp <column> [--from T] [--to T]] [--format parquet|csv|jsonl] [--max-reject-rate R] [--allow-unverified] [--json]',
  async run(args, io) {
    const { values } = parseFlags(args, {
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
    });
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
    const format = values.format === undefined ? undefined : oneOf(values.format, ['parquet', 'csv', 'jsonl'] as const, 'format', 'parquet');
    const outcome = await scoreModel({
      model,
      snapshot: { path: snapshot, timestamp: values.timestamp, label, labelDelay: 0, maxRejectRate, ...(format ? { format } : {}) },
      ...(values.features !== undefined
        ? {
            features: values.features
              .split(',')
              .map((f) => f.trim())
              .filter((f) => f !== ''),
          }
        : {}),
      ...(values.from !== undefined ? { from: eventTime(values.from, '--from') } : {}),
      ...(values.to !== undefined ? { to: eventTime(values.to, '--to') } : {}),
      allowUnverified: values['allow-unverified'] ?? false,
    });
    if (outcome.refused) {
      io.err(`rehearse score: refused ${outcome.model}: ${outcome.message}; rebuild its model.sha256, or pass --allow-unverified to score it anyway`);
      return 1;
    }
    const { summary, rejects } = outcome;
    if (rejects.rejected > 0) {
      io.err(
        `${snapshot}: ${rejects.rejected} rows could not be read (tolerated by --max-reject-rate ${maxRejectRate}); first: ${rejects.examples[0]?.message ?? ''}`,
      );
    }
    const document = {
      model,
      sha256: outcome.sha256,
      verified: outcome.verified,
      executionProvider: outcome.executionProvider,
      snapshot,
      label,
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
    };
    if (values.json) {
      io.out(JSON.stringify(document, null, 2));
    } else {
      const q = Object.entries(summary.quantiles)
        .map(([k, v]) => `${k}=${v.toFixed(4)}`)
        .join(' ');
      io.out(
        [
          `${model} on ${snapshot}${summary.from ? ` (${summary.from} to ${summary.to})` : ''}`,
          `n=${summary.n} labelled=${summary.labelled} auc=${fmt(summary.auc)} logLoss=${fmt(summary.logLoss)} positiveRate=${fmt(summary.positiveRate)} meanPrediction=${fmt(summary.meanPrediction)}`,
          `prediction quantiles: ${q}`,
        ].join('\n'),
      );
    }
    return 0;
  },
};

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
