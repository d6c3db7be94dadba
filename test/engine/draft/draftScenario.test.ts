/** `rehearse init`'s choosing, on facts made up to sit on each side of every rule. */
import { describe, expect, it } from 'vitest';
import type { TensorInfo } from '../../../src-main/contract/events';
import type { HourCount, ModelFacts, SnapshotFacts, TimeGrain } from '../../../src-main/engine/common/draft/draftFacts';
import { draftScenario } from '../../../src-main/engine/common/draft/draftScenario';
import { draftYaml } from '../../../src-main/engine/common/draft/draftYaml';
import { chooseInputs } from '../../../src-main/engine/common/draft/inputChoice';
import { chooseReferences } from '../../../src-main/engine/common/draft/referenceChoice';
import { chooseSeason } from '../../../src-main/engine/common/draft/seasonChoice';
import { chooseWindow, windowFits } from '../../../src-main/engine/common/draft/windowChoice';
import { parseScenarioText } from '../../../src-main/engine/common/scenario/parse';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2001, 0, 1);

/** `rowsPerHour` rows in every `everyHours`-th hour for `days` days from T0. */
function hours(days: number, rowsPerHour: number, everyHours = 1): HourCount[] {
  const out: HourCount[] = [];
  for (let h = 0; h < days * 24; h += everyHours) {
    out.push({ hour: T0 + h * HOUR, rows: rowsPerHour });
  }
  return out;
}

function snapshot(counts: HourCount[], grain: TimeGrain = 'second'): SnapshotFacts {
  return {
    path: 'data.parquet',
    columns: ['ts', 'a', 'b', 'c', 'y'].map((name) => ({ name, type: name === 'ts' ? 'TIMESTAMP' : 'DOUBLE' })),
    timestamp: 'ts',
    timestampReason: "the snapshot's only TIMESTAMP column",
    grain,
    rows: counts.reduce((s, h) => s + h.rows, 0),
    hours: counts,
  };
}

const matrix: TensorInfo = { name: 'x', type: 'float32', dims: [null, 3] };
const model = (facts: Partial<ModelFacts> = {}): ModelFacts => ({ role: 'blue', path: 'model', name: 'm-v1', inputs: [matrix], ...facts });

describe('the window', () => {
  it('is the shortest whose median window holds 200 rows with 8 windows to compare', () => {
    const choice = chooseWindow(windowFits(hours(30, 300), T0, T0 + 30 * DAY, 'second'));
    expect(choice.ok && choice.fit.text).toBe('1h');
    const sparse = chooseWindow(windowFits(hours(730, 10, 24), T0, T0 + 730 * DAY, 'day'));
    expect(sparse.ok && [sparse.fit.text, sparse.fit.medianRows, sparse.minRows]).toEqual(['30d', 300, 50]);
  });
  it('falls back to 30 rows, and says when even that cannot be had', () => {
    const thin = chooseWindow(windowFits(hours(120, 2, 24), T0, T0 + 120 * DAY, 'day'));
    expect(thin.ok && [thin.fit.text, thin.minRows]).toEqual(['30d', 30]);
    const none = chooseWindow(windowFits(hours(70, 1, 24 * 7), T0, T0 + 70 * DAY, 'day'));
    expect(none.ok).toBe(false);
    expect(!none.ok && none.problem).toMatch(/too few rows to compare.*at least 30 rows/);
  });
  it('never tries windows shorter than a day on daily rows', () => {
    expect(windowFits(hours(30, 500, 24), T0, T0 + 30 * DAY, 'day')[0]!.text).toBe('1d');
  });
});

describe('the season', () => {
  it('follows the grain, the window and the span of the reference', () => {
    expect(chooseSeason('second', HOUR, 31 * DAY).season).toBe('hour-of-week');
    expect(chooseSeason('second', HOUR, 5 * DAY).season).toBe('hour-of-day');
    expect(chooseSeason('day', DAY, 90 * DAY).season).toBe('day-of-week');
    expect(chooseSeason('day', 30 * DAY, 3 * 365 * DAY).season).toBe('month-of-year');
    expect(chooseSeason('day', 30 * DAY, 200 * DAY).season).toBe('none');
    expect(chooseSeason('day', 182 * DAY, 5 * 365 * DAY).season).toBe('none');
  });
});

describe('the inputs', () => {
  it('refuses an unnamed matrix without --features, saying so', () => {
    const choice = chooseInputs(model(), snapshot(hours(1, 1)));
    expect(!choice.ok && choice.problem).toMatch(/matrix \[N, 3\].*--features a,b,c/);
  });
  it('takes --features, or the card order, and names a missing column', () => {
    expect(chooseInputs(model({ features: ['a', 'b', 'c'] }), snapshot(hours(1, 1)))).toMatchObject({ ok: true, inputs: ['a', 'b', 'c'] });
    expect(chooseInputs(model({ featureOrder: ['c', 'b', 'a'] }), snapshot(hours(1, 1)))).toMatchObject({ ok: true, inputs: undefined });
    const missing = chooseInputs(model({ featureOrder: ['a', 'b', 'zz'] }), snapshot(hours(1, 1)));
    expect(!missing.ok && missing.problem).toMatch(/missing feature "zz"/);
  });
  it('matches one input per feature by name, and names the input with no column', () => {
    const perFeature: TensorInfo[] = ['a', 'q'].map((name) => ({ name, type: 'float32', dims: [null, 1] }));
    const choice = chooseInputs(model({ inputs: perFeature }), snapshot(hours(1, 1)));
    expect(!choice.ok && choice.problem).toMatch(/"q"/);
  });
});

describe('the references', () => {
  const data = snapshot(hours(100, 5));
  it("takes the card's training window, and production after it", () => {
    const choice = chooseReferences([model({ trainingWindow: { from: T0, to: T0 + 31 * DAY } })], data, {});
    expect(choice.ok && [choice.references.blue?.to, choice.productionFrom]).toEqual([T0 + 31 * DAY, T0 + 31 * DAY]);
  });
  it('takes the first quarter of the rows without one, and refuses a reference that leaves nothing to replay', () => {
    const choice = chooseReferences([model()], data, {});
    expect(choice.ok && choice.references.blue?.to).toBe(T0 + 25 * DAY);
    const late = chooseReferences([model()], data, { reference: { from: T0, to: T0 + 200 * DAY } });
    expect(!late.ok && [late.field, late.problem]).toEqual(['--reference', expect.stringMatching(/nothing is left to replay/)]);
  });
});

describe('the drafted scenario', () => {
  it('is a scenario the schema accepts, each choice commented', () => {
    const outcome = draftScenario([model({ features: ['a', 'b', 'c'] })], snapshot(hours(365 * 3, 1, 6), 'second'), { label: 'y > 0' });
    expect(outcome.ok).toBe(true);
    const draft = outcome.ok ? outcome.draft : null;
    const text = draftYaml(draft!, 'rehearse init --model model');
    const parsed = parseScenarioText(text, 'drafted.yaml');
    expect(parsed.ok).toBe(true);
    const scenario = parsed.ok ? parsed.scenario : null;
    expect(scenario?.alerts?.drift).toMatchObject({ window: 91 * DAY, season: 'month-of-year', thresholds: 'fixed' });
    expect(scenario?.snapshots.production).toMatchObject({ label: 'y > 0', from: T0 + 365 * DAY });
    expect(text).toMatch(/# window: the shortest window whose median holds at least 200 rows/);
    expect(draft?.choices.map((c) => c.field)).toContain('alerts.drift.season');
  });
});
