/** Preflight's check events in the desktop app's activity feed (and the CLI's progress lines). */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-main/contract/events';
import { compareFeature } from '../../src-main/engine/common/features/parity/compareFeature';
import { featureParitySection } from '../../src-main/engine/common/scenario/sections/features';
import { activityOf } from '../../src-main/engine/common/view/activity';

const envelope = { seq: 7, eventTime: null, wallTime: '2026-01-01T00:00:00.000Z' };
const requests = { ids: ['0:1', '0:2'], eventTimes: [0, 3_600_000], records: [{}, {}] };

describe('preflight events in the activity feed', () => {
  it('marks a feature the pipelines disagree on as an error, naming it', () => {
    const depHour = compareFeature({ name: 'dep_hour', kind: 'categorical' }, requests, [8, 9], [13, 14], featureParitySection.parse({}));
    const event: RunEvent = {
      ...envelope,
      kind: 'feature.parity',
      role: 'blue',
      model: 'blue-v1',
      featureSpec: 'flights-v1',
      servingVariant: 'departure-hour-utc',
      sample: { source: 'f', seed: 1, requested: 2, requests: 2, joined: 2, from: null, to: null },
      tolerance: { absolute: 1e-6, relative: 1e-6 },
      maxMismatchRate: 0,
      servingErrors: 0,
      servingErrorExamples: [],
      features: [depHour],
      passed: false,
    };
    expect(activityOf(event)).toEqual({
      ...envelope,
      level: 'error',
      text: 'blue blue-v1 (serving variant departure-hour-utc): feature parity on 2 sampled requests: dep_hour differs on 100.0% (L-infinity 0.5000)',
    });
  });

  it('warns on stale joined values and on a lock that could not be compared', () => {
    const stale: RunEvent = {
      ...envelope,
      kind: 'feature.freshness',
      role: 'green',
      model: 'green-v2',
      feature: 'route_delay_rate',
      requests: 10,
      ageMs: { p50: 86_400_000, p95: 864_000_000, max: 864_000_000 },
      maxAgeMs: 691_200_000,
      stale: 3,
      oldest: null,
    };
    expect(activityOf(stale)).toMatchObject({
      level: 'warn',
      text: 'green green-v2: route_delay_rate age at request time: median 1.0 d, max 10.0 d; 3 of 10 older than 8.0 d',
    });
    const lock: RunEvent = {
      ...envelope,
      kind: 'lock.compared',
      role: 'blue',
      model: 'smoke-v1',
      backend: 'embedded',
      comparison: null,
      unavailable: 'no training.lock in /m',
    };
    expect(activityOf(lock)).toMatchObject({
      level: 'warn',
      text: 'blue smoke-v1: training lock vs the embedded serving lock: not compared: no training.lock in /m',
    });
  });
});
