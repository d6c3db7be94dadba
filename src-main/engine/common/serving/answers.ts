/** What `/predict` answers per record: `{"prediction", "confidence", "model_version"}`. */

/** One record's answer. */
export interface PredictAnswer {
  /** P(positive class), as the model computed it. */
  readonly prediction: number;
  /** How sure the model is of its more likely class: max(p, 1 - p). */
  readonly confidence: number;
  readonly model_version: string;
}

/** The answers of rows [start, start + rows) of a batch's scores. */
export function predictAnswers(scores: Float32Array, start: number, rows: number, version: string): PredictAnswer[] {
  const answers: PredictAnswer[] = [];
  for (let i = start; i < start + rows; i++) {
    const p = scores[i]!;
    answers.push({ prediction: p, confidence: Math.max(p, 1 - p), model_version: version });
  }
  return answers;
}
