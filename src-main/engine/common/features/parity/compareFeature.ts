/**
 * One feature's values from the two pipelines, request by request and as distributions:
 * numeric values agree within an absolute and a relative tolerance, categorical codes exactly; the
 * distributions are compared as TFDV compares training and serving data, L-infinity over category
 * shares and the Jensen-Shannon distance over a shared equal-width histogram.
 */
import type { CategoryShift, FeatureComparison, FeatureMismatchExample } from '../../../../contract/events';
import { equalWidthHistogram } from '../../stats/histogram';
import { jensenShannonDistance } from '../../stats/jensenShannon';
import { lInfinityDistance } from '../../stats/lInfinity';
import { formatEventTime } from '../../time/eventTime';
import type { RawRecord } from '../rawRecord';

/** The sampled requests joined by id: per request its time, raw record and each pipeline's value (NaN: none). */
export interface JoinedRequests {
  readonly ids: readonly string[];
  readonly eventTimes: ArrayLike<number>;
  readonly records: readonly RawRecord[];
}

/** What counts as agreement, and how much disagreement a feature may show. */
export interface ParityThresholds {
  readonly tolerance: { readonly absolute: number; readonly relative: number };
  readonly maxMismatchRate: number;
  readonly maxLInfinity: number;
  readonly maxJensenShannon: number;
}

/** Mismatched requests shown per feature. */
const EXAMPLES = 5;
/** (training, serving) pairs shown per categorical feature. */
const SHIFTS = 3;
/** Bins of the numeric histograms the Jensen-Shannon distance is taken over. */
const BINS = 20;

/** Compares one feature's two value vectors over the joined requests. */
export function compareFeature(
  feature: { readonly name: string; readonly kind: 'numeric' | 'categorical' },
  requests: JoinedRequests,
  training: ArrayLike<number>,
  serving: ArrayLike<number>,
  thresholds: ParityThresholds,
): FeatureComparison {
  const numeric = feature.kind === 'numeric';
  const { absolute, relative } = thresholds.tolerance;
  let compared = 0;
  let mismatches = 0;
  let maxAbsDelta = 0;
  const examples: FeatureMismatchExample[] = [];
  const shifts = new Map<string, CategoryShift>();
  for (let i = 0; i < requests.ids.length; i++) {
    const t = training[i]!;
    const s = serving[i]!;
    const bothMissing = Number.isNaN(t) && Number.isNaN(s);
    const bothPresent = !Number.isNaN(t) && !Number.isNaN(s);
    if (bothPresent) {
      compared++;
      maxAbsDelta = Math.max(maxAbsDelta, Math.abs(t - s));
    }
    const agree = bothMissing || (bothPresent && (numeric ? Math.abs(t - s) <= absolute + relative * Math.abs(t) : t === s));
    if (agree) {
      continue;
    }
    mismatches++;
    if (examples.length < EXAMPLES) {
      examples.push({
        requestId: requests.ids[i]!,
        eventTime: formatEventTime(requests.eventTimes[i]!),
        record: requests.records[i]!,
        training: orNull(t),
        serving: orNull(s),
      });
    }
    if (!numeric) {
      const key = `${t}|${s}`;
      const known = shifts.get(key);
      shifts.set(key, { training: orNull(t), serving: orNull(s), count: (known?.count ?? 0) + 1 });
    }
  }
  const n = requests.ids.length;
  const mismatchRate = n === 0 ? 0 : mismatches / n;
  const distribution = numeric
    ? { metric: 'Jensen-Shannon' as const, value: histogramDistance(training, serving), threshold: thresholds.maxJensenShannon }
    : { metric: 'L-infinity' as const, value: lInfinityDistance(training, serving), threshold: thresholds.maxLInfinity };
  return {
    name: feature.name,
    kind: feature.kind,
    compared,
    mismatches,
    mismatchRate,
    maxAbsDelta: numeric && compared > 0 ? maxAbsDelta : null,
    shifts: [...shifts.values()].sort((a, b) => b.count - a.count).slice(0, SHIFTS),
    examples,
    distribution,
    passed: n > 0 && mismatchRate <= thresholds.maxMismatchRate && (distribution.value ?? 0) <= distribution.threshold,
  };
}

/**
 * The Jensen-Shannon distance between the two sides' histograms on the same equal-width bins
 * over both sides' range; 0 when every value is the same, null when a side has no value.
 */
function histogramDistance(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of [a, b]) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (!(hi >= lo)) {
    return null;
  }
  if (hi === lo) {
    return 0;
  }
  return jensenShannonDistance(equalWidthHistogram(a, lo, hi, BINS).counts, equalWidthHistogram(b, lo, hi, BINS).counts);
}

function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
