/**
 * Freshness of a joined feature (the seed: serving must get "the freshest values"): the
 * age of each sampled request's value at request time, the request's time minus the time the value
 * was computed as of. An as-of table frozen at training time grows older with every replayed day.
 */
import type { FreshnessMeasured } from '../../../../contract/events';
import { quantileSorted } from '../../stats/quantiles';
import { formatEventTime } from '../../time/eventTime';
import type { JoinedFeature, ServingTables } from '../featureSpec';
import type { RawRecord } from '../rawRecord';
import { joinedPosition } from './pointInTime';

/** The ages of the values the requests read; values older than `maxAgeMs` (when given) are stale. */
export function measureFreshness(
  feature: JoinedFeature,
  tables: ServingTables,
  requests: { readonly ids: readonly string[]; readonly eventTimes: ArrayLike<number>; readonly records: readonly RawRecord[] },
  maxAgeMs: number | null,
): Omit<FreshnessMeasured, 'kind' | 'role' | 'model' | 'feature'> {
  const aged: number[] = [];
  let stale = 0;
  let oldest: FreshnessMeasured['oldest'] = null;
  requests.records.forEach((record, i) => {
    const position = joinedPosition(feature, record, tables);
    if (position === null) {
      return;
    }
    const asOf = position.asOf;
    const age = requests.eventTimes[i]! - asOf;
    aged.push(age);
    if (maxAgeMs !== null && age > maxAgeMs) {
      stale++;
    }
    if (oldest === null || age > oldest.ageMs) {
      oldest = { requestId: requests.ids[i]!, eventTime: formatEventTime(requests.eventTimes[i]!), asOf: formatEventTime(asOf), ageMs: age };
    }
  });
  const ages = Float64Array.from(aged);
  const sorted = ages.sort();
  const ageMs = sorted.length === 0 ? null : { p50: quantileSorted(sorted, 0.5)!, p95: quantileSorted(sorted, 0.95)!, max: sorted[sorted.length - 1]! };
  return { requests: ages.length, ageMs, maxAgeMs, stale, oldest };
}
