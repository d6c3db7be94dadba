/**
 * The replay with the real parts: DuckDB reading the flights, onnxruntime running the
 * demo's blue model and the smoke model, shifts laid over real traffic. Short stretches (a day
 * or two of January as the reference, a day of March replayed) keep each run about a second.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-main/contract/events';
import { EventLog } from '../../src-main/engine/common/run/eventLog';
import { rehearse } from '../../src-main/engine/common/run/rehearse';
import { machineInfo, runtimeVersions } from '../../src-main/engine/node/run/machine';
import { machinePorts } from '../../src-main/engine/node/run/runScenario';
import { systemClock } from '../../src-main/engine/node/run/systemClock';
import { formatIssue, loadScenario } from '../../src-main/engine/node/scenario/loadScenario';
import { FLIGHTS_3M, ROOT, tempDir } from '../support/paths';

/** Blue (the demo's) on Thursday 2001-03-01 against Thursdays of January, with `extra` YAML. */
function scenario(model: 'demo/models/blue-v1' | 'smoke/model', extra: string): string {
  const path = join(tempDir(), 's.yaml');
  writeFileSync(
    path,
    `name: replay-integration
models:
  blue:
    path: ${join(ROOT, 'scenarios', model)}
snapshots:
  production:
    path: ${FLIGHTS_3M}
    timestamp: date
    label: delay > 15
    labelDelay: 1h
    from: 2001-03-01
    to: 2001-03-02
  reference:
    blue:
      path: ${FLIGHTS_3M}
      timestamp: date
      label: delay > 15
      from: 2001-01-04
      to: 2001-01-05
${extra}`,
  );
  return path;
}

async function run(path: string): Promise<RunEvent[]> {
  const loaded = loadScenario(path);
  if (!loaded.ok) {
    throw new Error(loaded.issues.map(formatIssue).join('; '));
  }
  const log = new EventLog(systemClock, []);
  await rehearse({
    file: loaded.file,
    ports: machinePorts(),
    options: { runId: 'replay-test', machine: machineInfo(), versions: runtimeVersions(), executionProvider: 'cpu', allowUnverified: false },
    log,
  });
  return [...log.events];
}

function ofKind<K extends RunEvent['kind']>(events: readonly RunEvent[], kind: K): Extract<RunEvent, { kind: K }>[] {
  return events.filter((e): e is Extract<RunEvent, { kind: K }> => e.kind === kind);
}

describe('the replay on real flights (real DuckDB, real onnxruntime)', () => {
  it('compares airports as airport codes, and catches a new airport as unseen categories', async () => {
    const events = await run(
      scenario(
        'demo/models/blue-v1',
        `shifts:
  - operator: category-injection
    target: origin
    value: XYZ
    rate: 0.2
    start: 2001-03-01T12:00:00
    seed: 3
# Said: a day of reference would get none by the run's rule, and noon is compared with the reference Thursday's noon.
alerts:
  drift:
    season: hour-of-week
`,
      ),
    );
    const started = ofKind(events, 'replay.started')[0]!;
    expect(started.models[0]!.features.map((f) => [f.name, f.kind, f.compared])).toEqual([
      ['distance', 'numeric', 'value'],
      ['dep_hour', 'categorical', 'value'],
      ['dep_weekday', 'categorical', 'value'],
      ['origin_index', 'categorical', 'field origin'],
      ['destination_index', 'categorical', 'field destination'],
    ]);
    const windows = ofKind(events, 'drift.window');
    expect(windows).toHaveLength(24);
    const noon = windows.find((w) => w.from === '2001-03-01T12:00:00')!;
    expect(noon.slice).toEqual({ label: 'Thu 12:00-13:00', rows: expect.any(Number) });
    expect(noon.features.find((f) => f.name === 'dep_hour')).toMatchObject({ psi: 0 });
    expect(noon.features.find((f) => f.name === 'origin_index')!.unseenShare).toBeGreaterThan(0.15);
    expect(ofKind(events, 'shift.detected')[0]).toMatchObject({ layer: 2, rule: 'feature-unseen', subject: 'origin_index', at: '2001-03-01T13:00:00' });
    expect(ofKind(events, 'score.summary')[0]).toMatchObject({ role: 'blue', model: 'blue-v1', n: windows.reduce((n, w) => n + w.scored, 0) });
    expect(ofKind(events, 'labels.window').length).toBeGreaterThan(15);
  });

  it("estimates each window's AUC before its labels, and sets the estimate beside the labels when they come", async () => {
    const events = await run(scenario('demo/models/blue-v1', ''));
    const calibration = ofKind(events, 'replay.started')[0]!.models[0]!.estimate!;
    expect(calibration).toMatchObject({ calibrated: true, rows: expect.any(Number) });
    expect(calibration.error).toBeLessThanOrEqual(calibration.bound);
    const windows = ofKind(events, 'drift.window');
    expect(windows.every((w) => w.estimate !== undefined && w.estimate.auc! >= 0.5 && w.estimate.accuracy! > 0.5)).toBe(true);
    const labelled = ofKind(events, 'labels.window').filter((l) => l.auc !== null && l.labelled >= 50);
    expect(labelled.length).toBeGreaterThan(15);
    // Every labelled window carries the estimate its window had when it closed.
    for (const l of labelled) {
      expect(l.estimate!.auc).toBe(windows.find((w) => w.from === l.from)!.estimate!.auc);
      expect(l.estimate!.aucStandardError).toBeGreaterThan(0);
    }
    const tally = ofKind(events, 'replay.finished')[0]!.models[0]!.estimate!;
    const mae = labelled.reduce((sum, l) => sum + Math.abs(l.estimate!.auc! - l.auc!), 0) / labelled.length;
    expect(tally).toMatchObject({ calibrated: true, windows: labelled.length });
    // The tally works on unrounded figures, the events carry 4 significant figures.
    expect(tally.aucMae!).toBeCloseTo(mae, 3);
    const check = ofKind(events, 'check.resolved').find((e) => e.check.id === 'distribution-shift')!.check;
    expect(check.evidence).toContainEqual({ label: 'blue: estimated AUC mean absolute error (labelled windows)', value: tally.aucMae, n: labelled.length });
  });

  it('catches a sudden shift in its first window with the sequential rule calibrated on the real reference', async () => {
    const events = await run(
      scenario(
        'demo/models/blue-v1',
        `shifts:
  - operator: scale
    target: distance
    factor: 1.5
    start: 2001-03-01T12:00:00
alerts:
  drift:
    season: none # a day of reference: each hour's chunk against the other 23
    thresholds: calibrated
    ert: 1000
    allowance: 7
  budgets:
    layer2: 1 window
`,
      ),
    );
    const distance = ofKind(events, 'replay.started')[0]!.models[0]!.features.find((f) => f.name === 'distance')!;
    expect(distance.sequential).toMatchObject({ allowance: 7, ert: 1000, decision: expect.any(Number) });
    expect(distance.sequential!.sd).toBeGreaterThan(0);
    const fired = ofKind(events, 'alert.firing').find((e) => e.rule === 'feature-psi' && e.subject === 'distance')!;
    expect(fired).toMatchObject({ from: '2001-03-01T12:00:00', message: expect.stringContaining('CUSUM') });
    expect(ofKind(events, 'shift.detected')[0]).toMatchObject({ layer: 2, rule: 'feature-psi', subject: 'distance', delayMs: 3_600_000 });
    expect(ofKind(events, 'check.resolved').find((e) => e.check.id === 'monitoring-coverage')!.check.status).toBe('PASS');
  });

  it('reports a schema break clearly: the rows the model cannot be served, the feature missing, the alert', async () => {
    const events = await run(
      scenario(
        'smoke/model',
        `shifts:
  - operator: column-missing
    target: distance
    start: 2001-03-01T14:00:00
    end: 2001-03-01T16:00:00
`,
      ),
    );
    expect(ofKind(events, 'run.error')).toEqual([]);
    const windows = ofKind(events, 'drift.window');
    const broken = windows.find((w) => w.from === '2001-03-01T14:00:00')!;
    expect(broken).toMatchObject({ scored: 0, refused: broken.rows });
    expect(broken.features.find((f) => f.name === 'distance_k')).toMatchObject({
      status: 'missing',
      reason: 'column missing from the current sample (schema break)',
    });
    expect(windows.find((w) => w.from === '2001-03-01T16:00:00')).toMatchObject({ refused: 0 });
    expect(ofKind(events, 'alert.firing').find((e) => e.rule === 'schema-break')).toMatchObject({
      layer: 2,
      subject: 'distance_k',
      from: '2001-03-01T14:00:00',
    });
    expect(ofKind(events, 'alert.resolved').find((e) => e.rule === 'schema-break')).toMatchObject({ to: '2001-03-01T16:00:00' });
    expect(ofKind(events, 'shift.detected')[0]).toMatchObject({ rule: 'schema-break', delayMs: 3_600_000 });
    const check = ofKind(events, 'check.resolved').find((e) => e.check.id === 'distribution-shift')!.check;
    expect(check.status).not.toBe('ERROR');
  });

  it('names a shift target the snapshot does not have before anything streams (bad input)', async () => {
    const events = await run(scenario('smoke/model', `shifts:\n  - operator: scale\n    target: distanse\n    factor: 2\n    start: 2001-03-01\n`));
    expect(ofKind(events, 'run.error')[0]).toMatchObject({ phase: 'replay', message: expect.stringContaining('shifts[0].target') });
    expect(ofKind(events, 'drift.window')).toEqual([]);
  });
});
