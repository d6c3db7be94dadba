/**
 * The synthetic shift operators: each on its own (window edges, ramp, what it does to
 * the values), their determinism (same seed, same rows; however the stream is cut into chunks),
 * composition, the scenario schema of a shift, and the up-front target check.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ColumnChunk } from '../../src-main/engine/common/ports/snapshot';
import { compareNumeric } from '../../src-main/engine/common/drift/compareNumeric';
import { DEFAULT_DRIFT_OPTIONS } from '../../src-main/engine/common/drift/driftOptions';
import { numericColumnSide } from '../../src-main/engine/common/drift/numericSide';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';
import { shiftSchema, shiftsSection, type Shift } from '../../src-main/engine/common/scenario/sections/shifts';
import { intensityAt } from '../../src-main/engine/common/shifts/intensity';
import { applyColumnRename } from '../../src-main/engine/common/shifts/schemaBreak';
import { cutAt, shiftRunner } from '../../src-main/engine/common/shifts/shiftRunner';
import { checkShiftTargets } from '../../src-main/engine/common/shifts/shiftTargets';
import { shiftWallClock } from '../../src-main/engine/common/shifts/timezoneOffset';

const HOUR = 3_600_000;
const T0 = Date.UTC(2001, 2, 1);

/** n rows one minute apart from T0: distance (numbers), origin (text), date (text timestamp), label. */
function chunk(n: number, first = 0): ColumnChunk {
  const rows = Array.from({ length: n }, (_, k) => k + first);
  return {
    rowCount: n,
    eventTime: Float64Array.from(rows, (i) => T0 + i * 60_000),
    label: Float64Array.from(rows, (i) => (i % 7 === 0 ? Number.NaN : (Math.imul(i, 2654435761) >>> 0) % 1000 < 250 ? 1 : 0)),
    columns: {
      distance: {
        kind: 'number',
        values: Float64Array.from(rows, (i) => (i % 11 === 0 ? Number.NaN : 100 + (i % 900))),
        valid: Uint8Array.from(rows, (i) => (i % 11 === 0 ? 0 : 1)),
      },
      origin: { kind: 'text', values: rows.map((i) => (i % 13 === 0 ? null : ['SFO', 'LAX', 'SEA', 'ORD'][i % 4]!)) },
      date: { kind: 'text', values: rows.map((i) => new Date(T0 + i * 60_000).toISOString().slice(0, 19).replace('T', ' ')) },
    },
  };
}

/** A shift from YAML, as a scenario file would give it. */
function shift(yaml: string): Shift {
  return shiftSchema.parse(parseYaml(yaml));
}

function numbers(c: ColumnChunk, name: string): Float64Array {
  const column = c.columns[name]!;
  if (column.kind !== 'number') {
    throw new Error(`${name} is not numeric`);
  }
  return column.values;
}

function texts(c: ColumnChunk, name: string): readonly (string | null)[] {
  const column = c.columns[name]!;
  if (column.kind !== 'text') {
    throw new Error(`${name} is not text`);
  }
  return column.values;
}

function run(shifts: Shift[], input: ColumnChunk): ColumnChunk[] {
  return shiftRunner(shifts).apply(input);
}

/** Rows of chunks as comparable plain data. */
function rowsOf(chunks: readonly ColumnChunk[]) {
  return chunks.flatMap((c) =>
    Array.from({ length: c.rowCount }, (_, i) => ({
      t: c.eventTime[i],
      y: c.label?.[i],
      ...Object.fromEntries(Object.entries(c.columns).map(([k, col]) => [k, col.kind === 'number' ? (col.valid[i] ? col.values[i] : null) : col.values[i]])),
    })),
  );
}

describe('the shift section of a scenario', () => {
  it('parses a ramped unit change with its defaults', () => {
    const s = shift(`{operator: unit-change, target: distance, units: miles-to-km, start: 2001-03-01T02:00:00, end: 2001-03-01T06:00:00, onset: ramped}`);
    expect(s).toMatchObject({ operator: 'unit-change', target: ['distance'], start: T0 + 2 * HOUR, end: T0 + 6 * HOUR, onset: 'ramped', seed: 0 });
    expect(shiftsSection.parse([])).toEqual([]);
  });

  it.each([
    ['end before start', `{operator: null-spike, target: x, rate: 0.5, start: 2001-03-02, end: 2001-03-01}`, 'end', 'expected an end after start'],
    [
      'a ramp with no length',
      `{operator: scale, target: x, factor: 2, start: 2001-03-01, onset: ramped}`,
      'rampDuration',
      'a ramped shift needs rampDuration or end',
    ],
    ['a ramp length on a sudden shift', `{operator: scale, target: x, start: 2001-03-01, rampDuration: 2h}`, 'rampDuration', 'only a ramped shift'],
    ['a ramped schema break', `{operator: column-missing, target: x, start: 2001-03-01, end: 2001-03-02, onset: ramped}`, 'onset', 'a schema break is sudden'],
    ['a rename of two columns', `{operator: column-rename, target: [a, b], to: c, start: 2001-03-01}`, 'target', 'expected one column to rename'],
    ['a collapse with nothing to collapse', `{operator: category-collapse, target: origin, start: 2001-03-01}`, 'categories', 'expected either categories'],
    ['a zero offset', `{operator: timezone-offset, target: date, hours: 0, start: 2001-03-01}`, 'hours', 'expected a non-zero offset'],
    ['a rate of 0', `{operator: category-injection, target: origin, value: XXX, rate: 0, start: 2001-03-01}`, 'rate', 'expected a share above 0'],
    ['an unknown unit', `{operator: unit-change, target: d, units: miles-to-parsecs, start: 2001-03-01}`, 'units', ''],
    ['an unknown key', `{operator: scale, target: x, factr: 2, start: 2001-03-01}`, '', 'factr'],
    ['an unknown operator', `{operator: flip, target: x, start: 2001-03-01}`, 'operator', ''],
  ])('refuses %s, naming the field', (_, yaml, path, message) => {
    const result = shiftSchema.safeParse(parseYaml(yaml));
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    expect(issues).toContainEqual({ path: expect.stringContaining(path), message: expect.stringContaining(message) });
  });
});

describe('intensity', () => {
  it('is 1 inside [start, end) for a sudden shift and 0 at end', () => {
    const s = shift(`{operator: scale, target: x, start: 2001-03-01T01:00:00, end: 2001-03-01T02:00:00}`);
    expect([T0, T0 + HOUR - 1, T0 + HOUR, T0 + 2 * HOUR - 1, T0 + 2 * HOUR].map((t) => intensityAt(s, t))).toEqual([0, 0, 1, 1, 0]);
  });

  it('rises linearly over the ramp, then stays at 1 until the end', () => {
    const s = shift(`{operator: scale, target: x, start: 2001-03-01T00:00:00, end: 2001-03-01T10:00:00, onset: ramped, rampDuration: 4h}`);
    expect([0, 1, 2, 4, 9].map((h) => intensityAt(s, T0 + h * HOUR))).toEqual([0, 0.25, 0.5, 1, 1]);
    const whole = shift(`{operator: scale, target: x, start: 2001-03-01T00:00:00, end: 2001-03-01T10:00:00, onset: ramped}`);
    expect(intensityAt(whole, T0 + 5 * HOUR)).toBe(0.5);
  });
});

describe('each operator', () => {
  const input = chunk(600); // 10 hours of rows, one a minute
  const frozen = JSON.stringify(rowsOf([input]));
  const at = (h: number): number => h * 60; // row index at hour h

  it('scale: factor and offset inside the window only, halfway through a ramp half of each, nulls stay null', () => {
    const [out] = run([shift(`{operator: scale, target: distance, factor: 2, offset: 10, start: 2001-03-01T02:00:00, end: 2001-03-01T04:00:00}`)], input);
    const before = numbers(input, 'distance');
    const after = numbers(out!, 'distance');
    expect(after[at(2) - 1]).toBe(before[at(2) - 1]);
    expect(after[at(2) + 1]).toBe(before[at(2) + 1]! * 2 + 10);
    expect(after[at(4)]).toBe(before[at(4)]);
    expect((out!.columns['distance'] as { valid: Uint8Array }).valid[0]).toBe(0);
    const [ramped] = run(
      [shift(`{operator: scale, target: distance, factor: 3, offset: 0, start: 2001-03-01T00:00:00, end: 2001-03-01T04:00:00, onset: ramped}`)],
      input,
    );
    expect(numbers(ramped!, 'distance')[at(2) + 2]).toBeCloseTo(before[at(2) + 2]! * (1 + ((2 + 2 / 60) / 4) * 2), 9);
    expect(JSON.stringify(rowsOf([input]))).toBe(frozen);
  });

  it('unit-change: every row in kilometres in a sudden window; about half of them halfway through a ramp', () => {
    const [sudden] = run([shift(`{operator: unit-change, target: distance, units: miles-to-km, start: 2001-03-01T01:00:00, end: 2001-03-01T03:00:00}`)], input);
    for (let i = at(1); i < at(3); i++) {
      if (!Number.isNaN(numbers(input, 'distance')[i])) {
        expect(numbers(sudden!, 'distance')[i]).toBe(numbers(input, 'distance')[i]! * 1.609344);
      }
    }
    // A ramp over the whole window: row i has switched with probability i / 20000.
    const big = chunk(20_000);
    const [ramped] = run(
      [shift(`{operator: unit-change, target: distance, units: miles-to-km, start: 2001-03-01, end: 2001-03-14T21:20:00, onset: ramped}`)],
      big,
    );
    const switchedIn = (from: number, to: number): number => {
      let switched = 0;
      let valid = 0;
      for (let i = from; i < to; i++) {
        const v = numbers(big, 'distance')[i]!;
        if (!Number.isNaN(v)) {
          valid++;
          switched += numbers(ramped!, 'distance')[i] !== v ? 1 : 0;
        }
      }
      return switched / valid;
    };
    expect(switchedIn(0, 2000)).toBeLessThan(0.1);
    expect(switchedIn(9000, 11_000)).toBeGreaterThan(0.45);
    expect(switchedIn(9000, 11_000)).toBeLessThan(0.55);
    expect(switchedIn(18_000, 20_000)).toBeGreaterThan(0.9);
  });

  it('gaussian-noise: zero-mean noise of the given sd inside the window', () => {
    const big = chunk(20_000);
    const [out] = run([shift(`{operator: gaussian-noise, target: distance, sd: 5, start: 2001-03-01, seed: 3}`)], big);
    const d = numbers(out!, 'distance')
      .map((v, i) => v - numbers(big, 'distance')[i]!)
      .filter((v) => !Number.isNaN(v));
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / d.length);
    expect(Math.abs(mean)).toBeLessThan(0.2);
    expect(sd).toBeGreaterThan(4.8);
    expect(sd).toBeLessThan(5.2);
  });

  it('category-injection: a new airport in about rate of the rows, only inside the window', () => {
    const [out] = run([shift(`{operator: category-injection, target: origin, value: XXX, rate: 0.3, start: 2001-03-01T05:00:00}`)], input);
    const values = texts(out!, 'origin');
    expect(values.slice(0, at(5)).includes('XXX')).toBe(false);
    const share = values.slice(at(5)).filter((v) => v === 'XXX').length / (600 - at(5));
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
  });

  it('category-collapse: listed categories (or all but keep) merged, nulls left null', () => {
    const [listed] = run([shift(`{operator: category-collapse, target: origin, categories: [SEA, ORD], start: 2001-03-01}`)], input);
    expect(new Set(texts(listed!, 'origin'))).toEqual(new Set(['SFO', 'LAX', 'OTHER', null]));
    const [kept] = run([shift(`{operator: category-collapse, target: origin, keep: [SFO], into: REST, start: 2001-03-01}`)], input);
    expect(new Set(texts(kept!, 'origin'))).toEqual(new Set(['SFO', 'REST', null]));
  });

  it('null-spike: numbers and text become null at about the rate', () => {
    const [out] = run([shift(`{operator: null-spike, target: [distance, origin], rate: 0.5, start: 2001-03-01}`)], input);
    const valid = (out!.columns['distance'] as { valid: Uint8Array }).valid;
    const nulls = valid.filter((v) => v === 0).length;
    expect(nulls / 600).toBeGreaterThan(0.45);
    expect(nulls / 600).toBeLessThan(0.6);
    // The same rows lose both columns (one draw per row).
    valid.forEach((v, i) => {
      if (v === 0 && numbers(input, 'distance')[i] === numbers(input, 'distance')[i]) {
        expect(texts(out!, 'origin')[i]).toBeNull();
      }
    });
  });

  it('timezone-offset: wall-clock text moved in its own layout, epoch numbers moved, event time untouched', () => {
    expect(shiftWallClock('2001-03-01 23:30:00', 5 * HOUR)).toBe('2001-03-02 04:30:00');
    expect(shiftWallClock('2001-03-01T06:05', -8 * HOUR)).toBe('2001-02-28T22:05');
    expect(shiftWallClock('2001-03-01 06:05:00.5', HOUR)).toBe('2001-03-01 07:05:00.5');
    expect(shiftWallClock('2001-03-01 06:05:00.123456', HOUR)).toBe('2001-03-01 07:05:00.123456');
    expect(shiftWallClock('not a time', HOUR)).toBeNull();
    const [out] = run([shift(`{operator: timezone-offset, target: date, hours: -5, start: 2001-03-01}`)], input);
    expect(texts(out!, 'date')[0]).toBe('2001-02-28 19:00:00');
    expect(out!.eventTime).toEqual(input.eventTime);
    const epoch: ColumnChunk = {
      ...input,
      columns: { ts: { kind: 'number', values: Float64Array.from(input.eventTime), valid: new Uint8Array(600).fill(1) } },
    };
    const [moved] = run([shift(`{operator: timezone-offset, target: ts, hours: 8, start: 2001-03-01}`)], epoch);
    expect(numbers(moved!, 'ts')[1]).toBe(input.eventTime[1]! + 8 * HOUR);
  });

  it('column-rename and column-missing: the stream is cut at the window edges and the column is gone inside', () => {
    const out = run([shift(`{operator: column-rename, target: distance, to: dist_km, start: 2001-03-01T02:00:00, end: 2001-03-01T03:00:00}`)], input);
    expect(out.map((c) => [c.rowCount, Object.keys(c.columns).sort().join(',')])).toEqual([
      [120, 'date,distance,origin'],
      [60, 'date,dist_km,origin'],
      [420, 'date,distance,origin'],
    ]);
    const dropped = run([shift(`{operator: column-missing, target: [origin, date], start: 2001-03-01T09:00:00}`)], input);
    expect(dropped.map((c) => [c.rowCount, Object.keys(c.columns).join(',')])).toEqual([
      [540, 'distance,origin,date'],
      [60, 'distance'],
    ]);
    const rename = shift(`{operator: column-rename, target: distance, to: d, start: 2001-03-01T02:00:00}`);
    expect(() => applyColumnRename(input, rename as Extract<Shift, { operator: 'column-rename' }>, seededRng(0), 'shifts[0]')).toThrow('straddles');
  });

  it('label-prior-shift: multiplies the odds of a positive by resampling, keeps unlabelled rows', () => {
    const big = chunk(40_000);
    const positiveRate = (c: ColumnChunk): number => {
      const y = [...c.label!].filter((v) => v === 0 || v === 1);
      return y.filter((v) => v === 1).length / y.length;
    };
    const [out] = run([shift(`{operator: label-prior-shift, oddsRatio: 3, start: 2001-03-01}`)], big);
    const odds = (p: number): number => p / (1 - p);
    expect(odds(positiveRate(out!)) / odds(positiveRate(big))).toBeGreaterThan(2.7);
    expect(odds(positiveRate(out!)) / odds(positiveRate(big))).toBeLessThan(3.3);
    expect([...out!.label!].filter((v) => Number.isNaN(v)).length).toBe([...big.label!].filter((v) => Number.isNaN(v)).length);
    expect(() => run([shift(`{operator: label-prior-shift, oddsRatio: 3, start: 2001-03-01}`)], { ...big, label: null })).toThrow(
      'shifts[0]: label-prior-shift needs a label',
    );
  });

  it('refuses an operator on the wrong kind of column, naming the shift', () => {
    expect(() => run([shift(`{operator: scale, target: origin, factor: 2, start: 2001-03-01}`)], input)).toThrow(
      'shifts[0].target: column "origin" holds text; scale needs a numeric column',
    );
    expect(() => run([shift(`{operator: category-injection, target: distance, value: X, rate: 0.1, start: 2001-03-01}`)], input)).toThrow('holds numbers');
  });
});

describe('determinism and composition', () => {
  const shifts = [
    shift(`{operator: unit-change, target: distance, units: miles-to-km, start: 2001-03-01T01:00:00, end: 2001-03-01T08:00:00, onset: ramped, seed: 1}`),
    shift(`{operator: gaussian-noise, target: distance, sd: 3, start: 2001-03-01T02:00:00, seed: 2}`),
    shift(`{operator: category-injection, target: origin, value: XXX, rate: 0.2, start: 2001-03-01T03:00:00, seed: 3}`),
    shift(`{operator: column-rename, target: origin, to: origin_code, start: 2001-03-01T05:00:00, end: 2001-03-01T06:00:00}`),
    shift(`{operator: null-spike, target: [distance, origin], rate: 0.1, start: 2001-03-01T04:00:00, seed: 4}`),
    shift(`{operator: label-prior-shift, oddsRatio: 2, start: 2001-03-01T06:00:00, onset: ramped, rampDuration: 1h, seed: 5}`),
  ];

  it('gives the same rows for the same seeds, and other rows for another seed', () => {
    const a = rowsOf(run(shifts, chunk(600)));
    expect(rowsOf(run(shifts, chunk(600)))).toEqual(a);
    const reseeded = shifts.map((s) => ({ ...s, seed: s.seed + 100 }));
    expect(rowsOf(run(reseeded, chunk(600)))).not.toEqual(a);
  });

  it('does not depend on where the stream is cut into chunks', () => {
    const whole = rowsOf(run(shifts, chunk(600)));
    const runner = shiftRunner(shifts);
    const pieces = [chunk(97), chunk(250, 97), chunk(253, 347)].flatMap((c) => runner.apply(c));
    expect(rowsOf(pieces)).toEqual(whole);
  });

  it('applies shifts in scenario order, each on what the previous made', () => {
    const scaleThenConvert = [
      shift(`{operator: scale, target: distance, offset: 10, start: 2001-03-01}`),
      shift(`{operator: unit-change, target: distance, units: miles-to-km, start: 2001-03-01}`),
    ];
    const [out] = run(scaleThenConvert, chunk(3));
    expect(numbers(out!, 'distance')[1]).toBe((101 + 10) * 1.609344);
    // A null spike on the renamed column acts on it while the rename holds.
    const renamedThenNulled = [
      shift(`{operator: column-rename, target: origin, to: o, start: 2001-03-01}`),
      shift(`{operator: null-spike, target: o, rate: 1, start: 2001-03-01}`),
    ];
    const [nulled] = run(renamedThenNulled, chunk(5));
    expect(texts(nulled!, 'o')).toEqual([null, null, null, null, null]);
  });

  it('cuts chunks only inside them', () => {
    const c = chunk(10);
    expect(cutAt(c, [T0 - 1, T0 + 3 * 60_000, T0 + 99 * 60_000]).map((p) => p.rowCount)).toEqual([3, 7]);
    expect(cutAt(c, [])).toEqual([c]);
  });

  it('lets the statistics catch what it injects: a unit change on distance is a PSI above 0.25', () => {
    const reference = chunk(3000);
    const [current] = run([shift(`{operator: unit-change, target: distance, units: miles-to-km, start: 2001-03-01}`)], chunk(3000, 5000));
    const asProfile = (c: ColumnChunk) => numericColumnSide(c.columns['distance'] as Extract<ColumnChunk['columns'][string], { kind: 'number' }>);
    const drift = compareNumeric('distance', asProfile(reference), asProfile(current!), DEFAULT_DRIFT_OPTIONS);
    expect(drift.status).toBe('retrain');
    const unshifted = compareNumeric('distance', asProfile(reference), asProfile(chunk(3000, 5000)), DEFAULT_DRIFT_OPTIONS);
    expect(unshifted.status).toBe('stable');
  });
});

describe('checking shift targets before a replay', () => {
  it('names a missing column, a column of the wrong kind and a label shift without labels', () => {
    const columns = new Map<string, 'number' | 'text'>([
      ['distance', 'number'],
      ['origin', 'text'],
    ]);
    const problems = checkShiftTargets(
      [
        shift(`{operator: scale, target: distnace, factor: 2, start: 2001-03-01}`),
        shift(`{operator: gaussian-noise, target: origin, sd: 1, start: 2001-03-01}`),
        shift(`{operator: column-rename, target: origin, to: o, start: 2001-03-01}`),
        shift(`{operator: category-injection, target: o, value: X, rate: 0.1, start: 2001-03-01}`),
        shift(`{operator: label-prior-shift, oddsRatio: 2, start: 2001-03-01}`),
      ],
      columns,
      false,
    );
    expect(problems).toEqual([
      { path: 'shifts[0].target', message: 'expected a column of the snapshot or a derived feature; "distnace" is not one of: distance, origin' },
      { path: 'shifts[1].target', message: 'column "origin" holds text; gaussian-noise needs a numeric column' },
      { path: 'shifts[4].operator', message: 'label-prior-shift needs a label (snapshots.production.label)' },
    ]);
  });
});
