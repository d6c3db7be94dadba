/**
 * The agreement between a schema and its contract type is checked by the compiler: the constants
 * below are typed with `Agrees<...>`, so `npm run typecheck` (part of `npm test`) fails if the
 * agreement stops accepting the contract as it is or starts accepting a contract one field off.
 * The expectations at run time only restate what the compiler already proved.
 */
import { describe, expect, it } from 'vitest';
import type { PhaseFinished, PredictionHistogram, ScoreSummary, ServerFaults } from '../../../src-main/contract/events';
import type { Agrees, Output } from '../../../src-main/engine/common/events/agreement';
import type { RUN_EVENTS } from '../../../src-main/engine/common/events/run';
import type { SCORE_EVENTS } from '../../../src-main/engine/common/events/score';
import type { serverFaults } from '../../../src-main/engine/common/events/server';

type Score = Output<(typeof SCORE_EVENTS)['score.summary']>;
type Finished = Output<(typeof RUN_EVENTS)['phase.finished']>;

describe('the agreement of an event schema with its contract type', () => {
  it('holds for the contract as it is, and fails for a contract one field off, whichever way', () => {
    const asIs: Agrees<Score, ScoreSummary> = true;
    const faultsAsIs: Agrees<Output<typeof serverFaults>, ServerFaults> = true;
    const optionalAdded: Agrees<Score, ScoreSummary & { readonly extra?: number }> = false;
    const requiredAdded: Agrees<Score, ScoreSummary & { readonly extra: number }> = false;
    const nestedOptionalAdded: Agrees<Score, Omit<ScoreSummary, 'histogram'> & { readonly histogram: PredictionHistogram & { readonly width?: number } }> =
      false;
    const fieldRemoved: Agrees<Score, Omit<ScoreSummary, 'labelled'>> = false;
    const nullDropped: Agrees<Score, Omit<ScoreSummary, 'auc'> & { readonly auc: number }> = false;
    const madeOptional: Agrees<Score, Omit<ScoreSummary, 'model'> & { readonly model?: string }> = false;
    const unionWidened: Agrees<Finished, Omit<PhaseFinished, 'outcome'> & { readonly outcome: PhaseFinished['outcome'] | 'cancelled' }> = false;
    const kindChanged: Agrees<Finished, Omit<PhaseFinished, 'kind'> & { readonly kind: 'phase.ended' }> = false;
    const listMadeSingle: Agrees<
      Score,
      Omit<ScoreSummary, 'histogram'> & { readonly histogram: Omit<PredictionHistogram, 'counts'> & { readonly counts: number } }
    > = false;
    expect([asIs, faultsAsIs]).toEqual([true, true]);
    expect([optionalAdded, requiredAdded, nestedOptionalAdded, fieldRemoved, nullDropped, madeOptional, unionWidened, kindChanged, listMadeSingle]).toEqual(
      Array(9).fill(false),
    );
  });
});
