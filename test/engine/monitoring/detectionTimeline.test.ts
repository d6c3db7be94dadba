/**
 * The detection timeline and `monitoring-coverage` on the replay (in-memory ports): each
 * injected shift's first alert per layer against the layer's budget, blind spots (missed, late,
 * or seen only by layer 4) failing the check, and no fault at all warning.
 */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src-main/contract/events';
import { monitoringCoverageCheck } from '../../../src-main/engine/common/checks/monitoringCoverage';
import { shiftDetections } from '../../../src-main/engine/common/monitoring/detectionTimeline';
import { parseScenarioText } from '../../../src-main/engine/common/scenario/parse';
import { budgetsOf } from '../../../src-main/engine/common/scenario/sections/alerts';
import { HOUR, MARCH, ofKind, replay, table } from '../../support/replayTables';

const WATCH = `alerts:
  drift:
    season: none
    minRows: 20
`;

function coverage(events: readonly RunEvent[]) {
  return ofKind(events, 'check.resolved').find((e) => e.check.id === 'monitoring-coverage')!.check;
}

describe('the detection timeline', () => {
  it('records when each layer first caught a shift, against its budget, and passes the check', async () => {
    const events = await replay(
      `shifts:
  - operator: scale
    target: a
    factor: 3
    start: 2001-03-06T12:00:00
${WATCH}`,
      table(MARCH, 48, 200, 2),
    );
    const [detection, ...more] = ofKind(events, 'monitoring.detection');
    expect(more).toEqual([]);
    expect(detection).toMatchObject({
      source: 'shift',
      index: 0,
      name: 'scale a (x3 + 0)',
      from: '2001-03-06T12:00:00',
      blindSpot: false,
      eventTime: '2001-03-06T23:59:42',
    });
    // Hourly windows: the window the shift starts in closes an hour later, exactly layer 2's budget.
    expect(detection!.layers[0]).toEqual({ layer: 1, budgetMs: 60_000, at: null, delayMs: null, rule: null, outcome: 'missed' });
    expect(detection!.layers[1]).toEqual({
      layer: 2,
      budgetMs: HOUR,
      at: '2001-03-06T13:00:00',
      delayMs: HOUR,
      rule: 'feature-psi blue a',
      outcome: 'in-budget',
    });
    expect(detection!.layers.map((l) => l.layer)).toEqual([1, 2, 3, 4]);
    expect(detection!.layers[3]!.budgetMs).toBeNull();
    const check = coverage(events);
    expect(check.status).toBe('PASS');
    // Layer 1: down, error ratio, p99; layer 2: schema break, nulls, PSI on each of a and b; layer 3: prediction PSI; layer 4: positive rate, AUC.
    expect(check.evidence.slice(0, 4).map((e) => e.value)).toEqual([3, 6, 1, 2]);
    expect(check.evidence).toContainEqual({ label: 'scale a (x3 + 0): layer 2 (budget 1 h), feature-psi blue a', value: 'in-budget after 1 h' });
    expect(check.observed).toContain('1 of 1 injected faults were caught by layers 1-3 within budget.');
  });

  it('fails on a shift caught only after its budget, naming the late layer', async () => {
    const events = await replay(
      `shifts:
  - operator: scale
    target: a
    factor: 3
    start: 2001-03-05T10:00:00
alerts:
  drift:
    season: none
    minRows: 20
    for: 2
  budgets:
    layer2: 90m
    layer3: 90m
`,
      table(MARCH, 24, 200, 3),
    );
    const detection = ofKind(events, 'monitoring.detection')[0]!;
    expect(detection.layers[1]).toMatchObject({ delayMs: 2 * HOUR, budgetMs: 90 * 60_000, outcome: 'late' });
    expect(detection.blindSpot).toBe(true);
    const check = coverage(events);
    expect(check.status).toBe('FAIL');
    expect(check.observed).toContain('blind spots: scale a (x3 + 0) (layer 2 after 2 h, budget 1.5 h');
    expect(check.threshold).toContain('layer 2 within 1.5 h');
  });

  it('fails on a shift no rule caught', async () => {
    const events = await replay(
      `shifts:
  - operator: gaussian-noise
    target: b
    sd: 0.001
    start: 2001-03-05T06:00:00
${WATCH}`,
      table(MARCH, 12, 200, 4),
    );
    expect(ofKind(events, 'monitoring.detection')[0]!.layers.every((l) => l.outcome === 'missed')).toBe(true);
    expect(coverage(events)).toMatchObject({ status: 'FAIL', observed: expect.stringContaining('gaussian-noise b (sd 0.001) (no layer alerted)') });
  });

  it('warns when no fault was injected: the rules exist but nothing showed they catch anything', async () => {
    const events = await replay(WATCH, table(MARCH, 6, 200, 6));
    expect(ofKind(events, 'monitoring.detection')).toEqual([]);
    expect(coverage(events)).toMatchObject({ status: 'WARN', observed: expect.stringContaining('No fault was injected') });
  });

  it('lists a shift that starts after the replayed stretch as not injected, not as caught', async () => {
    const events = await replay(
      `shifts:
  - operator: scale
    target: a
    factor: 3
    start: 2001-04-01
${WATCH}`,
      table(MARCH, 6, 200, 7),
    );
    expect(coverage(events)).toMatchObject({
      status: 'WARN',
      observed: expect.stringContaining('Not injected: scale a (x3 + 0), the replayed stretch ends before it starts.'),
    });
  });
});

describe('budgets', () => {
  const base = `name: b
models: { blue: { path: m } }
snapshots: { production: { path: p, timestamp: t } }
`;
  it('defaults to the seed: a minute, an hour, a day', () => {
    expect(budgetsOf(undefined)).toEqual({ layer1: 60_000, layer2: HOUR, layer3: 24 * HOUR });
  });

  it('names the field and what was expected for a bad budget', () => {
    const parsed = parseScenarioText(`${base}alerts:\n  budgets:\n    layer2: soon\n    layer5: 1h\n`, 's.yaml');
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 's.yaml', line: 6, path: 'alerts.budgets.layer2', message: expect.stringContaining('expected a duration') }),
    );
    expect(issues.some((i) => i.path.includes('layer5'))).toBe(true);
  });

  it('judges a delay equal to the budget in budget, and one millisecond more late', () => {
    const injected = {
      kind: 'shift.injected',
      index: 0,
      name: 's',
      operator: 'scale',
      targets: ['a'],
      from: '2001-03-05T00:00:00',
      to: null,
      onset: 'sudden',
    } as const;
    const detected = (layer: 2 | 3, delayMs: number) =>
      ({ kind: 'shift.detected', index: 0, name: 's', layer, rule: 'r', role: 'blue', subject: 'a', at: 'x', delayMs }) as const;
    const budgets = { layer1: 1000, layer2: HOUR, layer3: 24 * HOUR };
    expect(shiftDetections([injected, detected(2, HOUR)], budgets)[0]).toMatchObject({ blindSpot: false });
    const late = shiftDetections([injected, detected(2, HOUR + 1), detected(3, 25 * HOUR)], budgets)[0]!;
    expect(late.layers.map((l) => l.outcome)).toEqual(['missed', 'late', 'late', 'missed']);
    expect(late.blindSpot).toBe(true);
  });

  it('counts a shift only layer 4 saw as a blind spot (the seed: learning from layer 4 means monitoring is broken)', () => {
    const injected = {
      kind: 'shift.injected',
      index: 0,
      name: 's',
      operator: 'label-prior-shift',
      targets: ['label'],
      from: '2001-03-05T00:00:00',
      to: null,
      onset: 'sudden',
    } as const;
    const confirmed = {
      kind: 'shift.detected',
      index: 0,
      name: 's',
      layer: 4,
      rule: 'label-auc',
      role: 'blue',
      subject: 'label',
      at: '2001-03-06T00:00:00',
      delayMs: 24 * HOUR,
    } as const;
    const detections = shiftDetections([injected, confirmed], budgetsOf(undefined));
    expect(detections[0]!.layers.map((l) => l.outcome)).toEqual(['missed', 'missed', 'missed', 'confirms']);
    const check = monitoringCoverageCheck({ rules: { 1: 3, 2: 6, 3: 1, 4: 2 }, budgets: budgetsOf(undefined), detections, notInjected: [] });
    expect(check).toMatchObject({ status: 'FAIL', observed: expect.stringContaining('s (only layer 4 saw it, after 1 d)') });
  });

  it('fails when a layer has no rule, whatever was caught', () => {
    const check = monitoringCoverageCheck({ rules: { 1: 3, 2: 0, 3: 0, 4: 0 }, budgets: budgetsOf(undefined), detections: [], notInjected: [] });
    expect(check).toMatchObject({
      status: 'FAIL',
      observed: expect.stringContaining('No rule watches layer 2, 3, 4.'),
      next: expect.stringContaining('snapshots.reference'),
    });
  });
});
