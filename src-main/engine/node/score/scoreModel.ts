/**
 * Scores one model on one snapshot, outside a scenario (`rehearse score`): the same digest check,
 * model loading, input plan, snapshot reader and metrics as a rehearsal's score phase, so a
 * user's own model and data go through the very path the demo does.
 */
import type { ScoreSummary } from '../../../contract/events';
import type { RejectSummary } from '../../common/ports/snapshot';
import { InputError } from '../../common/run/inputError';
import { countNonFinite } from '../../common/serving/nonFiniteOutput';
import { readyModel } from '../../common/run/readyModel';
import { rejectRateProblem, scoreStream, summarizeScores } from '../../common/run/scoreStream';
import { openSnapshot, type SnapshotRequest } from '../duckdb/snapshotReader';
import { folderFeaturePipelines } from '../model/featurePipelines';
import { fileModelStore } from '../model/modelStore';

/** What to score. */
export interface ScoreRequest {
  readonly model: string;
  readonly snapshot: SnapshotRequest;
  /** Column order of a matrix input; absent: the card's feature order, or inputs matched by name. */
  readonly features?: readonly string[];
  readonly from?: number;
  readonly to?: number;
  readonly allowUnverified: boolean;
}

/** The outcome: refused (digest), or the score with the rows that could not be read. */
export type ScoreOutcome =
  | { readonly refused: true; readonly model: string; readonly message: string }
  | {
      readonly refused: false;
      readonly sha256: string;
      readonly verified: boolean;
      readonly executionProvider: string;
      readonly summary: ScoreSummary;
      readonly rejects: RejectSummary;
      /** Predictions that were NaN or infinite: left out of every figure, counted here. */
      readonly nonFinite: number;
    };

/** Scores the model; input problems (missing feature, wrong dtype or width, unreadable rows) are InputErrors. */
export async function scoreModel(request: ScoreRequest): Promise<ScoreOutcome> {
  const store = fileModelStore();
  const artifact = await store.verify({ path: request.model, threshold: 0.5 });
  if (!artifact.verified && !request.allowUnverified) {
    return { refused: true, model: request.model, message: artifact.message };
  }
  const source = await openSnapshot(request.snapshot, 'score');
  try {
    const features = await folderFeaturePipelines().forModel(artifact);
    const loaded = { ...(await store.load(artifact, 'cpu')), features };
    const model = await readyModel(
      'blue',
      artifact,
      loaded,
      { inputs: request.features ? [...request.features] : undefined, threshold: 0.5 },
      source.columns.map((c) => c.name),
      `--model ${request.model}`,
      null,
      source,
    );
    try {
      const scored = await scoreStream([model], source, { from: request.from, to: request.to });
      const problem = rejectRateProblem(scored.rejects, scored.rows, request.snapshot.maxRejectRate, request.snapshot.path, '--max-reject-rate');
      if (problem) {
        throw problem;
      }
      if (scored.rows === 0) {
        throw new InputError(request.snapshot.path, 'no row to score (check --from and --to against the snapshot)');
      }
      return {
        refused: false,
        sha256: artifact.sha256,
        verified: artifact.verified,
        executionProvider: model.inference.executionProvider,
        summary: summarizeScores(model, scored.predictions[0]!, scored.labels, source.description, scored.first, scored.last),
        rejects: scored.rejects,
        nonFinite: countNonFinite(scored.predictions[0]!),
      };
    } finally {
      await model.inference.close();
    }
  } finally {
    await source.close();
  }
}
