/**
 * The four-layer monitoring parts of `alerts`: each layer's detection budget, and how
 * the live rules (the exported Prometheus rules, evaluated on real time) read the server's
 * metrics. The layer 2-4 thresholds are `alerts.drift`'s, so the replay and the exported rules
 * alert on the same figures.
 *
 * ```yaml
 * alerts:
 *   budgets:            # the seed: layer 1 in seconds, layer 2 in minutes, layer 3 in hours
 *     layer1: 1m        # event time for replayed shifts, real time for server faults
 *     layer2: 1 window  # or counted in the replay's event-time windows
 *     layer3: 1d
 *   live:
 *     for: 1m           # Prometheus `for` of every exported rule
 *     rateWindow: 1m    # the range of rate() in layer 1 expressions
 *     errorRatio: 0.05  # layer 1: errors and timeouts over requests
 *     p99: 500ms        # layer 1: p99 latency; default the load SLA, else 1s
 * ```
 */
import { z } from 'zod';
import { durationMs, durationOrWindows, unitInterval } from '../values';

const MINUTE_MS = 60_000;

/**
 * "Layer 1 alerts should fire in seconds. Layer 2 alerts in minutes. Layer 3 alerts in hours."
 * Read as upper bounds: under a minute, under an hour, under a day. Layer 4 has none: it only
 * confirms. A replay with hourly windows catches a sudden shift at the end of the window it
 * starts in, one hour late at most, so the seed's hourly PSI meets layer 2's budget exactly.
 */
export const budgetsSection = z.strictObject({
  layer1: durationOrWindows.default(MINUTE_MS),
  layer2: durationOrWindows.default(60 * MINUTE_MS),
  layer3: durationOrWindows.default(24 * 60 * MINUTE_MS),
});

/** A budget as written: milliseconds, or a number of event-time windows. */
export type BudgetValue = number | { readonly windows: number };

/** How the exported rules read the live metrics. */
export const liveAlertsSection = z.strictObject({
  for: durationMs.default(MINUTE_MS),
  rateWindow: durationMs.default(MINUTE_MS),
  errorRatio: unitInterval.default(0.05),
  p99: durationMs.optional(),
});

/** Each layer's budget in milliseconds (a budget in windows times the replay's window). */
export interface BudgetsSection {
  readonly layer1: number;
  readonly layer2: number;
  readonly layer3: number;
}

/** A budget in milliseconds: windows times the window's length. */
export function budgetMs(value: BudgetValue, windowMs: number): number {
  return typeof value === 'number' ? value : value.windows * windowMs;
}
export type LiveAlertsSection = z.output<typeof liveAlertsSection>;
