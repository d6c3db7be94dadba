/**
 * A small replay on in-memory ports: a two-input model, hourly windows of synthetic rows
 * against a week of reference, and whatever shifts and alerts the test adds. Shared by the replay
 * and monitoring tests.
 */
import type { RunEvent } from '../../src-main/contract/events';
import { EventLog } from '../../src-main/engine/common/run/eventLog';
import { rehearse } from '../../src-main/engine/common/run/rehearse';
import { parseScenarioText } from '../../src-main/engine/common/scenario/parse';
import type { ScenarioFile } from '../../src-main/engine/common/scenario/scenarioFile';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';
import { memoryEnvironment, memoryModelStore, memoryWriter, steppingClock, tableSnapshotStore, type MemoryTable } from './memoryPorts';

/** One hour, and the first days of production and reference. */
export const HOUR = 3_600_000;
export const MARCH = Date.UTC(2001, 2, 5);
export const JANUARY = Date.UTC(2001, 0, 1);

/** The replay scenario: blue with inputs a, b, two days of March against a week of January; `extra` YAML appended. */
export function scenario(extra: string): ScenarioFile {
  const text = `name: replay
models:
  blue:
    path: blue
    inputs: [a, b]
snapshots:
  production:
    path: p
    timestamp: t
    label: y
    labelDelay: 2h
    from: 2001-03-05
    to: 2001-03-07
  reference:
    blue:
      path: r
      timestamp: t
      label: y
      from: 2001-01-01
      to: 2001-01-08
${extra}`;
  const parsed = parseScenarioText(text, 'replay.yaml');
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.issues));
  }
  return { path: '/replay.yaml', scenario: parsed.scenario };
}

/** `perHour` rows in every hour from `start` for `hours`, a ~ N(0, 1), b in {0, 1}, labels from a. */
export function table(
  start: number,
  hours: number,
  perHour: number,
  seed: number,
  column: (i: number, t: number) => Partial<Record<'a' | 'b', number | string | null>> = () => ({}),
): MemoryTable {
  const rng = seededRng(seed);
  const eventTime: number[] = [];
  const a: (number | string | null)[] = [];
  const b: (number | string | null)[] = [];
  const label: number[] = [];
  for (let h = 0; h < hours; h++) {
    for (let k = 0; k < perHour; k++) {
      const t = start + h * HOUR + Math.floor((k * HOUR) / perHour);
      const x = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      const override = column(eventTime.length, t);
      eventTime.push(t);
      a.push('a' in override ? override.a! : x);
      b.push('b' in override ? override.b! : rng.next() < 0.5 ? 0 : 1);
      label.push(rng.next() < 1 / (1 + Math.exp(-x)) ? 1 : 0);
    }
  }
  return { eventTime, label, columns: { a, b } } as MemoryTable;
}

/** Runs the scenario on in-memory ports; returns every event. */
export async function replay(extra: string, production: MemoryTable, reference = table(JANUARY, 7 * 24, 200, 1)): Promise<RunEvent[]> {
  const writer = memoryWriter();
  const store = tableSnapshotStore({ production, 'reference.blue': reference });
  await rehearse({
    file: scenario(extra),
    ...memoryEnvironment(memoryModelStore({ blue: { verified: true, weights: [1, -1] } }), store),
    log: new EventLog(steppingClock(), [writer]),
  });
  return writer.events;
}

/** The events of one kind, typed. */
export function ofKind<K extends RunEvent['kind']>(events: readonly RunEvent[], kind: K): Extract<RunEvent, { kind: K }>[] {
  return events.filter((e): e is Extract<RunEvent, { kind: K }> => e.kind === kind);
}
