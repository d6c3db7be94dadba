/** Schemas of the chart shapes events carry (contract/charts.ts). */
import { z } from 'zod';
import type { EventTimeRange, PsiBands } from '../../../../contract/charts';
import { agree, type Output } from '../agreement';
import { timeText } from '../fields';

/** The four monitoring layers of the seed. */
export const monitoringLayer = z.literal([1, 2, 3, 4]);

/** A fixed gate's outcome. */
export const gateOutcome = z.enum(['pass', 'fail', 'inconclusive']);

/** PSI thresholds. */
export const psiBands = z.strictObject({ investigate: z.number(), retrain: z.number() });

/** A stretch of event time. */
export const eventTimeRange = z.strictObject({ from: timeText, to: timeText });

agree<Output<typeof psiBands>, PsiBands>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
agree<Output<typeof eventTimeRange>, EventTimeRange>({ keys: 'agree', toContract: (v) => v, toSchema: (v) => v });
