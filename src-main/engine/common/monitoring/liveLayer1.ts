/**
 * The live layer 1 rules evaluated on a load run's per-interval measurements, once per
 * interval of real time, as Prometheus evaluates the exported `ModelServerErrorRatio` and
 * `ModelServerLatencyP99` on a scrape of the server: the same ratio over the same `rateWindow`,
 * the same p99 threshold and `for`, and the p99 taken from bucket counts as `histogram_quantile`
 * takes it. Pure: the phase appends what this returns.
 *
 * Not evaluated here: `ModelServerDown` (`up == 0` needs a scraper; a crash shows as errors, which
 * the error ratio catches).
 */
import type { LoadIntervals } from '../../../contract/load';
import { bucketQuantile } from '../load/loadIntervals';

/** The thresholds of the two rules, as the monitoring plan sets them. */
export interface Layer1Settings {
  readonly rateWindowMs: number;
  readonly forMs: number;
  /** Errors, timeouts and drops over every request that ended. */
  readonly errorRatio: number;
  readonly p99Ms: number;
}

/** One rule's stretch of firing, in ms after the load's start. */
export interface Layer1Alert {
  readonly rule: 'error-ratio' | 'latency-p99';
  /** The evaluation at which it began firing, and the start of the window that made it fire. */
  readonly firedAtMs: number;
  readonly windowFromMs: number;
  /** The evaluation at which it stopped holding; null while still firing at the end. */
  readonly resolvedAtMs: number | null;
  /** The rule's figure when it fired (a ratio, or a p99 in ms) and its threshold. */
  readonly value: number;
  readonly threshold: number;
}

type RuleId = Layer1Alert['rule'];
type OpenAlert = { -readonly [K in keyof Layer1Alert]: Layer1Alert[K] };

/** Evaluates both rules at the end of every interval; returns each firing stretch, in order of firing. */
export function evaluateLayer1(intervals: LoadIntervals, settings: Layer1Settings): Layer1Alert[] {
  const { everyMs, boundsMs, series } = intervals;
  const span = Math.max(1, Math.ceil(settings.rateWindowMs / everyMs));
  const state = new Map<RuleId, { pendingSince: number; alert: OpenAlert | null }>();
  const alerts: Layer1Alert[] = [];
  for (let k = 0; k < series.length; k++) {
    const at = (k + 1) * everyMs;
    const window = series.slice(Math.max(0, k + 1 - span), k + 1);
    const windowFromMs = window[0]!.fromMs;
    const ended = window.reduce((n, i) => n + i.ok + i.errors + i.timeouts + i.dropped, 0);
    const bad = window.reduce((n, i) => n + i.errors + i.timeouts + i.dropped, 0);
    const counts = boundsMs
      .map((_, b) => window.reduce((n, i) => n + (i.latencyCounts[b] ?? 0), 0))
      .concat([window.reduce((n, i) => n + (i.latencyCounts[boundsMs.length] ?? 0), 0)]);
    const p99 = bucketQuantile(0.99, boundsMs, counts);
    const figures: Record<RuleId, { holds: boolean; value: number; threshold: number }> = {
      'error-ratio': { holds: ended > 0 && bad / ended > settings.errorRatio, value: ended > 0 ? bad / ended : 0, threshold: settings.errorRatio },
      'latency-p99': { holds: p99 !== null && p99 > settings.p99Ms, value: p99 ?? 0, threshold: settings.p99Ms },
    };
    for (const rule of ['error-ratio', 'latency-p99'] as const) {
      const figure = figures[rule];
      const current = state.get(rule);
      if (!figure.holds) {
        if (current?.alert) {
          current.alert.resolvedAtMs = at;
        }
        state.delete(rule);
        continue;
      }
      const pendingSince = current?.pendingSince ?? at;
      if ((current === undefined || current.alert === null) && at - pendingSince >= settings.forMs) {
        const alert: OpenAlert = { rule, firedAtMs: at, windowFromMs, resolvedAtMs: null, value: figure.value, threshold: figure.threshold };
        alerts.push(alert);
        state.set(rule, { pendingSince, alert });
      } else if (current === undefined) {
        state.set(rule, { pendingSince, alert: null });
      }
    }
  }
  return alerts.sort((a, b) => a.firedAtMs - b.firedAtMs);
}

/**
 * The first alert that began firing after a fault was set and while its requests could still be
 * in the window: after `fromMs`, and no later than its end plus the rate window and `for`.
 */
export function firstAlertOn(
  alerts: readonly Layer1Alert[],
  fault: { readonly fromMs: number; readonly toMs: number },
  settings: Layer1Settings,
): Layer1Alert | null {
  const last = fault.toMs + settings.rateWindowMs + settings.forMs;
  return alerts.find((a) => a.firedAtMs > fault.fromMs && a.firedAtMs <= last) ?? null;
}
