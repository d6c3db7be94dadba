/** Schemas of the drift words events carry (contract/drift.ts). */
import { z } from 'zod';
import type { DriftStatus, FeatureKind } from '../../../../contract/drift';
import { agree, type Output } from '../agreement';

/** Which family of statistics a feature gets. */
export const featureKind = z.enum(['numeric', 'categorical']);

/** A feature's drift status. */
export const driftStatus = z.enum(['stable', 'investigate', 'retrain', 'insufficient-data', 'missing']);

agree<Output<typeof featureKind>, FeatureKind>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
agree<Output<typeof driftStatus>, DriftStatus>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
