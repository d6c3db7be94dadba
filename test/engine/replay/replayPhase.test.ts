/**
 * The replay phase on in-memory ports: hourly windows against the reference, alerts,
 * a shift caught while it acts, labels after their delay, the distribution-shift check, and the
 * bad inputs a replay must survive (constant, all-null, NaN and Infinity, text where numbers belong, an
 * empty window, a one-row window), none of which may crash or leave a NaN in the log.
 */
import { describe, expect, it } from 'vitest';
import type { MemoryTable } from '../../support/memoryPorts';
import { HOUR, JANUARY, MARCH, ofKind, replay, table } from '../../support/replayTables';

/** Every number anywhere in the events is finite: JSON would turn NaN into null silently. */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  }
  return [];
}

describe('the replay phase (in-memory ports)', () => {
  it('compares every hourly window, catches a shift while it acts, and appends labels after their delay', async () => {
    // Day 1 untouched; on day 2 from 12:00, a is scaled by 3.
    const production = table(MARCH, 48, 200, 2);
    const events = await replay(
      `shifts:
  - operator: scale
    target: a
    factor: 3
    start: 2001-03-06T12:00:00
alerts:
  drift:
    season: none
    minRows: 20
`,
      production,
    );
    expect(ofKind(events, 'run.started')[0]!.phases).toEqual(['preflight', 'replay', 'verdict']);
    const windows = ofKind(events, 'drift.window');
    expect(windows).toHaveLength(48);
    expect(windows[0]).toMatchObject({
      role: 'blue',
      from: '2001-03-05T00:00:00',
      to: '2001-03-05T01:00:00',
      rows: 200,
      scored: 200,
      refused: 0,
      slice: { label: 'all', rows: 7 * 24 * 200 },
      eventTime: '2001-03-05T01:00:00',
    });
    expect(windows[0]!.features.map((f) => f.name)).toEqual(['a', 'b']);
    const psiOfA = windows.map((w) => w.features[0]!.psi!);
    expect(Math.max(...psiOfA.slice(0, 36))).toBeLessThan(0.25);
    expect(Math.min(...psiOfA.slice(36))).toBeGreaterThan(0.25);

    const injected = ofKind(events, 'shift.injected');
    expect(injected).toEqual([
      expect.objectContaining({ index: 0, name: 'scale a (x3 + 0)', from: '2001-03-06T12:00:00', to: null, eventTime: '2001-03-06T12:00:00' }),
    ]);
    const detected = ofKind(events, 'shift.detected');
    expect(detected[0]).toMatchObject({ index: 0, layer: 2, rule: 'feature-psi', subject: 'a', at: '2001-03-06T13:00:00', delayMs: HOUR });
    const firing = ofKind(events, 'alert.firing').filter((e) => e.rule === 'feature-psi' && e.subject === 'a');
    expect(firing[0]).toMatchObject({ layer: 2, role: 'blue', from: '2001-03-06T12:00:00', to: '2001-03-06T13:00:00', threshold: 0.25 });
    expect(ofKind(events, 'shift.missed')).toEqual([]);

    // Labels of a window arrive two hours after it closes.
    const labels = ofKind(events, 'labels.window');
    expect(labels[0]).toMatchObject({ from: '2001-03-05T00:00:00', to: '2001-03-05T01:00:00', labelled: 200, eventTime: '2001-03-05T03:00:00' });
    expect(labels).toHaveLength(48);
    expect(labels.every((l) => l.auc !== null && l.referenceAuc !== null)).toBe(true);
    // Layers 3 and 4 once labels arrive: calibration and the decision at the model's threshold.
    for (const l of labels) {
      expect(l).toMatchObject({
        threshold: 0.5,
        brier: expect.any(Number),
        ece: expect.any(Number),
        recall: expect.any(Number),
        falsePositiveRate: expect.any(Number),
      });
      expect(l.brier!).toBeGreaterThan(0);
      expect(l.brier!).toBeLessThan(1);
    }

    const summary = ofKind(events, 'score.summary');
    expect(summary).toEqual([expect.objectContaining({ role: 'blue', n: 48 * 200, labelled: 48 * 200 })]);
    const check = ofKind(events, 'check.resolved').find((e) => e.check.id === 'distribution-shift')!.check;
    expect(check.status).toBe('PASS');
    expect(check.evidence).toContainEqual({ label: 'shift scale a (x3 + 0): caught by layer 2 feature-psi on blue a after', value: 1, unit: 'h' });
    expect(nonFinite(events)).toEqual([]);
  });

  it('fires a rule only after it held for `for` windows, and resolves it when it stops holding', async () => {
    const events = await replay(
      `shifts:
  - operator: scale
    target: a
    factor: 3
    start: 2001-03-05T10:00:00
    end: 2001-03-05T14:00:00
alerts:
  drift:
    season: none
    minRows: 20
    for: 2
`,
      table(MARCH, 24, 200, 3),
    );
    const psiOfA = ofKind(events, 'alert.firing').filter((e) => e.rule === 'feature-psi' && e.subject === 'a');
    expect(psiOfA.map((e) => e.from)).toEqual(['2001-03-05T11:00:00']);
    const resolved = ofKind(events, 'alert.resolved').filter((e) => e.rule === 'feature-psi' && e.subject === 'a');
    expect(resolved).toEqual([expect.objectContaining({ from: '2001-03-05T11:00:00', to: '2001-03-05T14:00:00' })]);
    expect(ofKind(events, 'shift.detected')[0]).toMatchObject({ at: '2001-03-05T12:00:00', delayMs: 2 * HOUR });
  });

  it('fails the check when a shift is never caught, and says why', async () => {
    // Noise far below a's spread: nothing moves enough to alert.
    const events = await replay(
      `shifts:
  - operator: gaussian-noise
    target: b
    sd: 0.001
    start: 2001-03-05T06:00:00
alerts:
  drift:
    season: none
    minRows: 20
`,
      table(MARCH, 12, 200, 4),
    );
    expect(ofKind(events, 'shift.missed')).toEqual([
      expect.objectContaining({
        index: 0,
        name: 'gaussian-noise b (sd 0.001)',
        reason: expect.stringContaining('no rule fired on what it touches (blue b, blue prediction, blue label-auc)'),
      }),
    ]);
    expect(ofKind(events, 'check.resolved').find((e) => e.check.id === 'distribution-shift')!.check).toMatchObject({
      status: 'FAIL',
      observed: expect.stringContaining('missed: gaussian-noise b (sd 0.001)'),
    });
  });

  it('compares each window with the same hour of the week of the reference', async () => {
    // b follows the hour in both: against all of the reference every hour would drift, against its own hour none does.
    const hourly = (_: number, t: number) => ({ b: Math.floor(t / HOUR) % 24 });
    const reference = table(JANUARY, 14 * 24, 20, 5, hourly);
    const production = table(MARCH, 24, 20, 6, hourly);
    const psi = async (season: string) =>
      ofKind(await replay(`alerts:\n  drift:\n    season: ${season}\n    minRows: 10\n`, production, reference), 'drift.window').map(
        (w) => w.features[1]!.psi!,
      );
    expect(Math.max(...(await psi('hour-of-week')))).toBe(0);
    expect(Math.min(...(await psi('none')))).toBeGreaterThan(1);
  });

  it('gives defined results for bad input: constant, all-null, NaN and Infinity, text, empty and one-row windows', async () => {
    const production = table(MARCH, 6, 30, 7, (i, t) => {
      const hour = Math.floor((t - MARCH) / HOUR);
      if (hour === 0) {
        return { b: 1 }; // constant
      }
      if (hour === 1) {
        return { b: null }; // all null
      }
      if (hour === 2) {
        return { a: i % 3 === 0 ? Number.NaN : i % 3 === 1 ? Number.POSITIVE_INFINITY : 0.5 };
      }
      return {};
    });
    // Hour 3 is empty; hour 4 has one row.
    const keep = production.eventTime
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => {
        const hour = Math.floor((t - MARCH) / HOUR);
        return hour !== 3 && !(hour === 4 && t > MARCH + 4 * HOUR);
      });
    const pick = (values: readonly (number | string | null)[]) => keep.map(({ i }) => values[i]!);
    const trimmed = {
      eventTime: pick(production.eventTime),
      label: pick(production.label!),
      columns: { a: pick(production.columns['a']!), b: pick(production.columns['b']!) },
    } as MemoryTable;
    const events = await replay(`alerts:\n  drift:\n    season: none\n    minRows: 1\n`, trimmed);
    const windows = ofKind(events, 'drift.window');
    expect(windows.map((w) => w.rows)).toEqual([30, 30, 30, 0, 1, 30]);
    const [constant, allNull, special, empty, single] = windows;
    expect(constant!.features[1]).toMatchObject({ name: 'b', status: expect.stringMatching(/stable|investigate|retrain/), nullRate: 0 });
    expect(allNull!.features[1]).toMatchObject({ status: 'insufficient-data', reason: 'no usable values in the current sample', psi: null, nullRate: 1 });
    expect(special!.features[0]).toMatchObject({ n: 10, status: expect.stringMatching(/stable|investigate|retrain/) });
    expect(empty!.features.every((f) => f.status === 'insufficient-data' && f.psi === null)).toBe(true);
    expect(empty!.prediction).toMatchObject({ status: 'insufficient-data', n: 0, mean: null });
    expect(single!.features[0]).toMatchObject({ n: 1, status: expect.stringMatching(/stable|investigate|retrain/) });
    expect(nonFinite(events)).toEqual([]);
    expect(ofKind(events, 'run.error')).toEqual([]);
  });

  it('refuses a text column where the model needs numbers in preflight, naming it, before a row is replayed', async () => {
    // A column that is text from top to bottom (a CSV column of mostly numbers is read as numbers, its words rejected by line).
    const production = table(MARCH, 3, 30, 8, (i, t) => ({ a: t >= MARCH + HOUR ? 'n/a' : String(i / 100) }));
    const events = await replay(`alerts:\n  drift:\n    season: none\n    minRows: 5\n`, production);
    expect(ofKind(events, 'run.error')).toEqual([
      expect.objectContaining({
        phase: 'preflight',
        message: expect.stringContaining('column "a" of memory:production is text (VARCHAR), but input "x" expects numbers'),
      }),
    ]);
    expect(ofKind(events, 'drift.window')).toEqual([]);
    expect(ofKind(events, 'phase.finished').find((e) => e.phase === 'replay')).toMatchObject({ outcome: 'skipped' });
  });
});
