/** Events of the score phase. */

export interface ScoreSummary {
  readonly kind: 'score.summary';
  readonly role: 'blue' | 'green';
  readonly model: string;
  readonly source: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly n: number;
  /** Rows with a label; AUC and log loss are over these. */
  readonly labelled: number;
  readonly auc: number | null;
  readonly logLoss: number | null;
  readonly positiveRate: number | null;
  readonly meanPrediction: number | null;
  readonly quantiles: Readonly<Record<string, number>>;
  /** The predictions counted on equal-width bins over [lo, hi], as `np.histogram` counts them. */
  readonly histogram: PredictionHistogram;
}

/** Counts of predictions per bin; `outside` counts NaN and values outside [lo, hi]. */
export interface PredictionHistogram {
  readonly lo: number;
  readonly hi: number;
  readonly counts: readonly number[];
  readonly outside: number;
}
