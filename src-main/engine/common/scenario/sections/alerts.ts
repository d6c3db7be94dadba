/**
 * `alerts`: the rules a rehearsal alerts on. `alerts.drift` is how the replay watches
 * every input feature and the predictions: the event-time window (the seed: "every hour"), the
 * part of the reference a window is compared with, the PSI bands, and where each rule's
 * threshold comes from. The window and season live here rather than under `snapshots`, because
 * they define what the rule's statistic means; `snapshots` says only where the data is.
 * Four-layer monitoring adds its own rules beside `drift`.
 *
 * ```yaml
 * alerts:
 *   drift:
 *     window: 1h               # event-time window
 *     season: hour-of-week     # hour-of-week | hour-of-day | day-of-week | month-of-year | none (absent: chosen from the data)
 *     thresholds: calibrated   # fixed: PSI above bands.retrain; calibrated: mean + k sd of the reference's own chunks
 *     k: 3
 *     ert: 1000              # sequential rule: about one false alarm per 1000 windows per series
 * ```
 */
import { z } from 'zod';
import { checkPsiBands, SEED_PSI_BANDS } from '../../stats/psiBands';
import { MAX_BINS } from '../../drift/driftOptions';
import { durationMs, unitInterval } from '../values';
import { budgetMs, budgetsSection, liveAlertsSection, type BudgetsSection, type LiveAlertsSection } from './monitoringAlerts';

const HOUR_MS = 3_600_000;

const bands = z.strictObject({ investigate: z.number(), retrain: z.number() }).superRefine((b, ctx) => {
  const problem = checkPsiBands(b);
  if (problem !== null) {
    ctx.addIssue({ code: 'custom', message: problem });
  }
});

/** The replay's drift watch. Every field has the seed's default. */
export const driftAlertsSection = z
  .strictObject({
    /** Length of an event-time window; windows start at whole multiples of it. */
    window: durationMs.default(HOUR_MS),
    /**
     * Which reference rows a window is compared with: those in the same stretch of the week
     * (default), of the day, on the same days of the week, in the same months of the year, or all
     * of them. A window of Monday 06:00-07:00 against all of January has PSI near 8 on the hour
     * and the weekday only because it fixes them; daily rows over years have no hour to match,
     * and a March window meets the reference's Marches under month-of-year. When absent, the run
     * chooses it from the reference's time grain and span (replay/runSeason.ts) and says why.
     */
    season: z.enum(['hour-of-week', 'hour-of-day', 'day-of-week', 'month-of-year', 'none']).optional(),
    /** Fewer usable rows than this in a window (or its reference slice): insufficient data, no alert. */
    minRows: z.number().int().min(1).default(50),
    bins: z.number().int().min(1).max(MAX_BINS).default(10),
    binning: z.enum(['equal-width', 'quantile']).default('equal-width'),
    /** The seed's: < 0.1 stable, 0.1-0.25 investigate, > 0.25 retrain. */
    bands: bands.default({ ...SEED_PSI_BANDS }),
    /**
     * fixed: a PSI rule alerts above `bands.retrain`. calibrated: above mean + k sd of the PSI
     * of the reference's own window-long chunks, each against the rest of its slice.
     */
    thresholds: z.enum(['fixed', 'calibrated']).default('fixed'),
    k: z.number().finite().positive().default(3),
    /**
     * A KS p-value (scipy's "asymp") in every window beside KS's D. Off by default: over the
     * demo's 5,800 windows it costs more than every other statistic together, and with
     * thousands of windows a p-value is a poor alarm (PSI is what alerts).
     */
    ksPValue: z.boolean().default(false),
    /**
     * Deprecated: consecutive windows a threshold rule must hold before it fires (Prometheus'
     * `for`), 1 when absent. A persistence delay makes every catch late by its windows; `ert`
     * replaces it with a rule that adds evidence up instead of waiting for it.
     */
    for: z.number().int().min(1).optional(),
    /**
     * The sequential rule (a CUSUM over each series' PSI standardised by the reference's own
     * chunks): about one false alarm per `ert` windows per series when nothing has changed (the
     * expected run length, as Alibi Detect's online detectors' `ert`). Needs `thresholds: calibrated`.
     */
    ert: z.number().finite().min(2).optional(),
    /** The sequential rule's allowance k, in the reference chunks' sd: a window adds only what it exceeds this by. */
    allowance: z.number().finite().min(0).default(1),
    /**
     * The predictions' allowance, `allowance` when absent. The predictions sum every input up, so
     * real drift moves them less than it moves a busy categorical input; a smaller allowance
     * there adds up a slow shift (a label prior shift) the inputs' own noise would hide.
     */
    predictionAllowance: z.number().finite().min(0).optional(),
    /** Layer 2: a feature's null rate above the reference's by more than this. */
    nullRate: unitInterval.default(0.05),
    /** Layer 2: a share of categories never seen in the training window above this. */
    unseenShare: unitInterval.default(0.05),
    /** Layer 4, once labels arrive: the positive rate off the reference slice's by more than this (or calibrated). */
    positiveRate: unitInterval.default(0.1),
    /** Layer 4: AUC below the reference's by more than this. */
    aucDrop: unitInterval.default(0.1),
  })
  .superRefine((section, ctx) => {
    if (section.window <= 0) {
      ctx.addIssue({ code: 'custom', path: ['window'], message: 'expected a window longer than 0' });
    }
    if (section.ert !== undefined && section.thresholds !== 'calibrated') {
      ctx.addIssue({
        code: 'custom',
        path: ['ert'],
        message: "expected thresholds: calibrated with ert (the sequential rule standardises each PSI with the reference's own chunks)",
      });
    }
  });

export const alertsSection = z.strictObject({
  drift: driftAlertsSection.optional(),
  budgets: budgetsSection.optional(),
  live: liveAlertsSection.optional(),
});

export type DriftAlertsSection = z.output<typeof driftAlertsSection>;
export type AlertsSection = z.output<typeof alertsSection>;

/** The drift watch with every default, for a scenario that sets none. */
export function driftAlertsOf(alerts: AlertsSection | undefined): DriftAlertsSection {
  return alerts?.drift ?? driftAlertsSection.parse({});
}

/** Windows a threshold rule must hold before it fires: the deprecated `for`, else 1. */
export function persistenceOf(config: DriftAlertsSection): number {
  return config.for ?? 1;
}

/** Each layer's detection budget, with the seed's defaults. */
export function budgetsOf(alerts: AlertsSection | undefined): BudgetsSection {
  const written = alerts?.budgets ?? budgetsSection.parse({});
  const windowMs = driftAlertsOf(alerts).window;
  return { layer1: budgetMs(written.layer1, windowMs), layer2: budgetMs(written.layer2, windowMs), layer3: budgetMs(written.layer3, windowMs) };
}

/** The live rules' settings, with their defaults. */
export function liveAlertsOf(alerts: AlertsSection | undefined): LiveAlertsSection {
  return alerts?.live ?? liveAlertsSection.parse({});
}
