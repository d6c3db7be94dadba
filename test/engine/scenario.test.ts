import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-main/engine/common/scenario/parse';
import { parseDuration } from '../../src-main/engine/common/scenario/values';
import { parseEventTime } from '../../src-main/engine/common/time/eventTime';

const VALID = `name: t
models:
  blue:
    path: m
snapshots:
  production:
    path: s.parquet
    timestamp: date
    label: delay > 15
    labelDelay: 2h
    from: 2001-03-01
`;

function issues(text: string) {
  const result = parseScenarioText(text, 'x.yaml');
  if (result.ok) {
    throw new Error('expected problems');
  }
  return result.issues;
}

describe('scenario files', () => {
  it('accepts a valid file and applies defaults', () => {
    const result = parseScenarioText(VALID, 'x.yaml');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.scenario.snapshots.production.labelDelay).toBe(7_200_000);
      expect(result.scenario.snapshots.production.from).toBe(Date.UTC(2001, 2, 1));
      expect(result.scenario.snapshots.production.maxRejectRate).toBe(0);
      expect(result.scenario.models.blue.threshold).toBe(0.5);
      expect(result.scenario.description).toBe('');
    }
  });

  it('reads JSON too, with line numbers', () => {
    const json = JSON.stringify(
      { name: 't', models: { blue: { path: 'm', colour: 'blue' } }, snapshots: { production: { path: 's', timestamp: 'd' } } },
      null,
      2,
    );
    const found = issues(json);
    expect(found).toEqual([expect.objectContaining({ path: 'models.blue.colour', line: 6, message: expect.stringContaining('unknown key "colour"') })]);
  });

  it('names a typo in a key with its line, field path and the keys expected', () => {
    const found = issues(VALID.replace('timestamp: date', 'timestmap: date'));
    expect(found).toContainEqual(
      expect.objectContaining({
        file: 'x.yaml',
        line: 8,
        path: 'snapshots.production.timestmap',
        message: expect.stringMatching(/unknown key "timestmap".*timestamp/),
      }),
    );
    expect(found).toContainEqual(expect.objectContaining({ path: 'snapshots.production.timestamp', message: 'missing; expected string' }));
  });

  it('rejects an unknown top-level key and lists the thirteen allowed', () => {
    const [issue] = issues(`${VALID}colour: red\n`);
    expect(issue).toMatchObject({ line: 12, path: 'colour' });
    expect(issue!.message).toContain('name, description, models, snapshots, features, shifts, faults, profiles, load, rollout, alerts, drill, outputs');
  });

  it('reads the features section: parity sample and tolerances, freshness, serving variants, with defaults', () => {
    const result = parseScenarioText(
      `${VALID}features:\n  parity:\n    sample: 500\n    seed: 7\n    tolerance:\n      absolute: 0.001\n  freshness:\n    maxAge: 8d\n  servingVariant:\n    green: departure-hour-utc\n`,
      'x.yaml',
    );
    expect(result.ok && result.scenario.features).toEqual({
      derived: {},
      parity: { sample: 500, seed: 7, tolerance: { absolute: 0.001, relative: 1e-6 }, maxMismatchRate: 0, maxLInfinity: 0.01, maxJensenShannon: 0.01 },
      freshness: { maxAge: 8 * 86_400_000 },
      servingVariant: { green: 'departure-hour-utc' },
    });
    const defaults = parseScenarioText(VALID, 'x.yaml');
    expect(defaults.ok && defaults.scenario.features.parity).toMatchObject({ sample: 1000, seed: 1 });
  });

  it.each([
    ['a sample of none', 'parity:\n    sample: 0', 'features.parity.sample', 'expected at least 1'],
    ['a negative tolerance', 'parity:\n    tolerance:\n      relative: -1', 'features.parity.tolerance.relative', 'expected at least 0'],
    [
      'a maximum age that is not a duration',
      'freshness:\n    maxAge: a week',
      'features.freshness.maxAge',
      'expected a duration such as 500ms, 30s, 5m, 2h or 1d, got "a week"',
    ],
    ['a variant name with spaces', 'servingVariant:\n    blue: UTC hour', 'features.servingVariant.blue', 'expected a variant name such as departure-hour-utc'],
    ['a variant for a third model', 'servingVariant:\n    red: departure-hour-utc', 'features.servingVariant.red', 'unknown key "red"'],
  ])('refuses %s in features, naming the field', (_what, yaml, path, message) => {
    const found = issues(`${VALID}features:\n  ${yaml}\n`);
    expect(found).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
  });

  it('names a wrong type with what was expected and found', () => {
    const found = issues(VALID.replace('path: m', 'path: 42'));
    expect(found).toEqual([expect.objectContaining({ line: 4, path: 'models.blue.path', message: 'expected string, got number' })]);
  });

  it('refuses a negative rate', () => {
    const found = issues(VALID.replace('from: 2001-03-01', 'maxRejectRate: -0.5'));
    expect(found).toEqual([expect.objectContaining({ path: 'snapshots.production.maxRejectRate', message: 'expected at least 0', line: 11 })]);
  });

  it('refuses a bad duration and a bad event time', () => {
    const found = issues(VALID.replace('labelDelay: 2h', 'labelDelay: two hours').replace('from: 2001-03-01', 'from: 2001-02-30'));
    expect(found.map((i) => i.path)).toEqual(['snapshots.production.labelDelay', 'snapshots.production.from']);
    expect(found[0]!.message).toContain('expected a duration');
    expect(found[1]!.message).toContain('expected an event time');
  });

  it('reports YAML syntax errors with their line', () => {
    const [issue] = issues('name: [unclosed\nmodels: {}\n');
    expect(issue!.message).toMatch(/^not valid YAML or JSON/);
    expect(issue!.line).toBeGreaterThan(0);
  });

  it('refuses a document that is not a mapping', () => {
    expect(issues('- a\n- b\n')[0]!.message).toContain('expected a mapping');
  });

  it('refuses server faults in a scenario without a load, naming the field and why', () => {
    const [issue, ...more] = issues(`${VALID}faults:\n  - at: 1s\n    for: 1s\n    errorRate: 0.5\n`);
    expect(more).toEqual([]);
    expect(issue).toMatchObject({ file: 'x.yaml', line: 13, path: 'faults', message: expect.stringContaining('no `load` section') });
  });

  it('reads the faults section: the server fault body, at, for, and a latency relative to the baseline', () => {
    const result = parseScenarioText(
      `${VALID}load:\n  peakRps: 5\n  duration: 10s\nfaults:\n  - at: 1s\n    for: 2s\n    errorRate: 0.5\n  - name: slow\n    at: 3s\n    for: 2s\n    latency: { distribution: relative, timesBaselineP99: 10 }\n`,
      'x.yaml',
    );
    expect(result.ok && result.scenario.faults).toEqual([
      { seed: 1, at: 1000, for: 2000, errorRate: 0.5 },
      { seed: 1, name: 'slow', at: 3000, for: 2000, latency: { distribution: 'relative', timesBaselineP99: 10, atLeast: 0 } },
    ]);
  });

  it('names each bad fault by line and field', () => {
    const load = `${VALID}load:\n  peakRps: 5\n  duration: 4s\nfaults:\n`;
    const found = issues(
      `${load}  - at: 1s\n    for: 1s\n    latency: { distribution: bogus }\n  - at: 2s\n    for: 0s\n  - at: 3s\n    for: 1s\n    errorRate: 2\n  - at: soon\n    for: 1s\n    stuckBatch: true\n`,
    ).map((i) => [i.line, i.path, i.message]);
    expect(found).toEqual([
      [18, 'faults[0].latency.distribution', 'expected distribution relative, fixed, uniform, normal, lognormal or exponential'],
      [20, 'faults[1].for', 'expected a duration longer than 0'],
      [19, 'faults[1]', 'expected at least one fault: latency, errorRate, crash, memoryGrowth, stuckBatch'],
      [23, 'faults[2].errorRate', expect.stringContaining('1')],
      [24, 'faults[3].at', expect.stringContaining('expected a duration')],
    ]);
  });

  it('refuses faults that outlast the load or overlap', () => {
    const found = issues(
      `${VALID}load:\n  peakRps: 5\n  duration: 4s\nfaults:\n  - at: 1s\n    for: 2s\n    errorRate: 0.5\n  - at: 2s\n    for: 3s\n    stuckBatch: true\n`,
    ).map((i) => [i.path, i.message]);
    expect(found).toEqual([
      ['faults[1].for', 'expected the fault to end by the end of the load (load.duration 4000 ms); it ends at 5000 ms'],
      ['faults[1].at', 'overlaps faults[0]: the server holds one set of faults at a time, so faults may not overlap'],
    ]);
  });

  it('refuses a SQL label with a statement separator', () => {
    expect(issues(VALID.replace('delay > 15', '"1; DROP TABLE x"'))[0]!.message).toContain('one SQL expression');
  });
});

describe('scenario values', () => {
  it('parses durations', () => {
    expect([parseDuration('500ms'), parseDuration('30s'), parseDuration('1.5h'), parseDuration('2d'), parseDuration('x')]).toEqual([
      500,
      30_000,
      5_400_000,
      172_800_000,
      null,
    ]);
  });
  it('reads event times on the data clock, never through the machine zone', () => {
    expect(parseEventTime('2001-03-01T06:30:00')).toBe(Date.UTC(2001, 2, 1, 6, 30));
    expect(parseEventTime('2001-03-01 06:30')).toBe(Date.UTC(2001, 2, 1, 6, 30));
    expect(parseEventTime('2001-13-01')).toBeNull();
  });
});
