/** Point-in-time recomputation and freshness of a joined feature, on a hand-made history. */
import { describe, expect, it } from 'vitest';
import type { JoinedFeature } from '../../src-main/engine/common/features/featureSpec';
import { measureFreshness } from '../../src-main/engine/common/features/parity/freshness';
import { checkPointInTime, HISTORY_KEY, readKeyHistories } from '../../src-main/engine/common/features/parity/pointInTime';
import type { ColumnChunk } from '../../src-main/engine/common/ports/snapshot';
import { textField } from '../../src-main/engine/common/features/rawRecord';

const DAY = 86_400_000;
const t0 = Date.UTC(2001, 0, 1);

/** A daily table: the value a request reads is as of the start of its day; rate = positives / rows (0 when none). */
const dailyRate: JoinedFeature = {
  keySql: 'route',
  key: (record) => String(record['route']),
  asOf: (record) => Math.floor(Number(record['t']) / DAY) * DAY,
  since: () => t0,
  value: (rows, positives) => (rows === 0 ? 0 : positives / rows),
};

/** Raw rows of route A at noon of days 0..4, labels 1, 0, 1, 1, 0; route B once. */
function history(): AsyncIterable<ColumnChunk> {
  const times = [0, 1, 2, 3, 4].map((d) => t0 + d * DAY + DAY / 2);
  return (async function* () {
    yield {
      rowCount: 6,
      eventTime: Float64Array.from([...times, t0 + DAY / 2]).sort(),
      label: Float64Array.from([1, 1, 0, 1, 1, 0]),
      columns: { [HISTORY_KEY]: { kind: 'text', values: ['A', 'B', 'A', 'A', 'A', 'A'] } },
    } satisfies ColumnChunk;
  })();
}

/** A request of route A at 06:00 on day `day`, and the value the pipeline used. */
function request(day: number, used: number) {
  const t = t0 + day * DAY + 6 * 3_600_000;
  return { id: `0:${day}`, t, record: { route: 'A', t }, used };
}

async function check(requests: ReturnType<typeof request>[], labelDelayMs: number) {
  const byKey = await readKeyHistories(history(), new Set(['A']));
  return checkPointInTime(
    dailyRate,
    {},
    { ids: requests.map((r) => r.id), eventTimes: requests.map((r) => r.t), records: requests.map((r) => r.record), used: requests.map((r) => r.used) },
    byKey,
    labelDelayMs,
    { absolute: 1e-9, relative: 0 },
  );
}

describe('point-in-time recomputation', () => {
  it('accepts values computed from the rows whose label was known at the as-of time', async () => {
    // With a 12 h label delay, day 3's value (as of day 3, 00:00) may count rows up to day 2, 12:00 exclusive: days 0 and 1 (labels 1, 0).
    const result = await check([request(3, 0.5), request(1, 0)], 12 * 3_600_000);
    expect(result).toMatchObject({ checked: 2, violations: 0, leaks: 0, passed: true });
  });

  it('catches a value that counted rows whose label was not yet known, and calls it a leak', async () => {
    // Days 0, 1 and 2 (labels 1, 0, 1): day 2's label arrives at day 3, 00:00, not before the as-of time.
    const result = await check([request(3, 2 / 3)], 12 * 3_600_000);
    expect(result).toMatchObject({ checked: 1, violations: 1, leaks: 1, futureAsOf: 0, passed: false });
    expect(result.examples[0]).toMatchObject({
      key: 'A',
      asOf: '2001-01-04T00:00:00',
      used: 2 / 3,
      expected: 0.5,
      withoutLabelDelay: 2 / 3,
      rowsKnown: 2,
      rowsBefore: 3,
    });
  });

  it('reports a value that matches neither rule as a violation but not a leak', async () => {
    const result = await check([request(3, 0.9)], 12 * 3_600_000);
    expect(result).toMatchObject({ violations: 1, leaks: 0 });
  });

  it('catches a value as of a time after the request', async () => {
    const future: JoinedFeature = { ...dailyRate, asOf: (record) => Number(record['t']) + DAY };
    const byKey = await readKeyHistories(history(), new Set(['A']));
    const r = request(3, 0.75);
    const result = checkPointInTime(future, {}, { ids: [r.id], eventTimes: [r.t], records: [r.record], used: [r.used] }, byKey, 12 * 3_600_000, {
      absolute: 1e-9,
      relative: 0,
    });
    expect(result).toMatchObject({ violations: 1, futureAsOf: 1 });
  });
});

describe('a request whose record cannot be keyed', () => {
  it('is left out of the point-in-time check and of the ages rather than stopping preflight', async () => {
    const strict: JoinedFeature = { ...dailyRate, key: (record) => textField(record, 'route') };
    const byKey = await readKeyHistories(history(), new Set(['A']));
    const good = request(3, 0.5);
    const broken = { ...request(4, 0.5), record: { route: null, t: request(4, 0).t } };
    const requests = { ids: [good.id, broken.id], eventTimes: [good.t, broken.t], records: [good.record, broken.record], used: [good.used, broken.used] };
    expect(checkPointInTime(strict, {}, requests, byKey, 12 * 3_600_000, { absolute: 1e-9, relative: 0 })).toMatchObject({ checked: 1, violations: 0 });
    expect(measureFreshness(strict, {}, requests, null)).toMatchObject({ requests: 1 });
  });
});

describe('freshness of joined values', () => {
  it('ages each value at request time and counts those older than the limit', () => {
    const requests = [request(1, 0), request(3, 0), request(4, 0)];
    const staleDaily: JoinedFeature = { ...dailyRate, asOf: () => t0 };
    const result = measureFreshness(
      staleDaily,
      {},
      { ids: requests.map((r) => r.id), eventTimes: requests.map((r) => r.t), records: requests.map((r) => r.record) },
      2 * DAY,
    );
    const quarter = 6 * 3_600_000;
    expect(result).toMatchObject({ requests: 3, maxAgeMs: 2 * DAY, stale: 2, ageMs: { p50: 3 * DAY + quarter, max: 4 * DAY + quarter } });
    expect(result.oldest).toEqual({ requestId: '0:4', eventTime: '2001-01-05T06:00:00', asOf: '2001-01-01T00:00:00', ageMs: 4 * DAY + quarter });
  });
});
