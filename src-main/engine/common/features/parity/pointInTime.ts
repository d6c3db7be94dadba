/**
 * Point-in-time correctness of a joined feature: a value joined from other rows may use
 * only rows whose label was known when the value was computed, and that time may not be after the
 * request. For each sampled request, the value is recomputed from the raw rows of its key with
 * the as-of rule (row time + label delay < as-of time) and compared with what the pipeline used.
 * A value that instead matches the rows before the as-of time without the label delay read labels
 * before they were known: a leak.
 */
import type { PointInTimeChecked, PointInTimeExample } from '../../../../contract/events';
import type { ColumnChunk } from '../../ports/snapshot';
import { searchSortedLeft } from '../../stats/searchSorted';
import { formatEventTime } from '../../time/eventTime';
import type { JoinedFeature, ServingTables } from '../featureSpec';
import { isRecordFieldError, type RawRecord } from '../rawRecord';

/** Requests to check: their times, raw records and the value the pipeline used (NaN: none). */
export interface PointInTimeRequests {
  readonly ids: readonly string[];
  readonly eventTimes: ArrayLike<number>;
  readonly records: readonly RawRecord[];
  readonly used: ArrayLike<number>;
}

/** What the check found, before the event's identification is added. */
export type PointInTimeResult = Pick<PointInTimeChecked, 'checked' | 'violations' | 'leaks' | 'futureAsOf' | 'examples' | 'passed'>;

/** The history column that carries each raw row's key. */
export const HISTORY_KEY = '__joined_key';

const EXAMPLES = 5;

/** Per key: the times of its rows in order and the running count of positive labels. */
interface KeyHistory {
  readonly times: number[];
  readonly positives: number[];
}

/** Per key: its raw rows' times in order and the running count of positive labels. */
export type KeyHistories = ReadonlyMap<string, KeyHistory>;

/**
 * Reads the raw rows of the given keys. `history` streams rows in event-time order with the key in
 * column HISTORY_KEY and the label in `label` (1 positive; rows without a label are not counted).
 */
export async function readKeyHistories(history: AsyncIterable<ColumnChunk>, keys: ReadonlySet<string>): Promise<KeyHistories> {
  const byKey = new Map<string, KeyHistory>();
  for await (const chunk of history) {
    const column = chunk.columns[HISTORY_KEY];
    if (column === undefined || column.kind !== 'text' || chunk.label === null) {
      throw new Error('the history read has no key column or no label');
    }
    for (let i = 0; i < chunk.rowCount; i++) {
      const key = column.values[i];
      const label = chunk.label[i]!;
      if (key === null || key === undefined || !keys.has(key) || Number.isNaN(label)) {
        continue;
      }
      let rows = byKey.get(key);
      if (rows === undefined) {
        rows = { times: [], positives: [] };
        byKey.set(key, rows);
      }
      rows.positives.push((rows.positives.at(-1) ?? 0) + (label === 1 ? 1 : 0));
      rows.times.push(chunk.eventTime[i]!);
    }
  }
  return byKey;
}

/** Checks every request's value against the raw rows of its key. */
export function checkPointInTime(
  feature: JoinedFeature,
  tables: ServingTables,
  requests: PointInTimeRequests,
  byKey: KeyHistories,
  labelDelayMs: number,
  tolerance: { readonly absolute: number; readonly relative: number },
): PointInTimeResult {
  const positions = requests.records.map((record) => joinedPosition(feature, record, tables));
  const since = feature.since(tables);
  const agree = (a: number, b: number): boolean => Math.abs(a - b) <= tolerance.absolute + tolerance.relative * Math.abs(b);
  let checked = 0;
  let violations = 0;
  let leaks = 0;
  let futureAsOf = 0;
  const examples: PointInTimeExample[] = [];
  requests.records.forEach((_record, i) => {
    const used = requests.used[i]!;
    const position = positions[i]!;
    if (Number.isNaN(used) || position === null) {
      return;
    }
    checked++;
    const { key, asOf } = position;
    const rows = byKey.get(key) ?? { times: [], positives: [] };
    const first = searchSortedLeft(rows.times, since);
    const known = searchSortedLeft(rows.times, asOf - labelDelayMs) - first;
    const before = searchSortedLeft(rows.times, asOf) - first;
    const expected = feature.value(known, positivesIn(rows, first, first + known), tables);
    const withoutLabelDelay = feature.value(before, positivesIn(rows, first, first + before), tables);
    const future = asOf > requests.eventTimes[i]!;
    if (!future && agree(used, expected)) {
      return;
    }
    violations++;
    futureAsOf += future ? 1 : 0;
    const leaked = before > known && agree(used, withoutLabelDelay);
    leaks += leaked ? 1 : 0;
    // Leaks first among the examples: they are what the check exists for.
    if (examples.length < EXAMPLES || (leaked && examples.some((e) => !isLeak(e)))) {
      const example = {
        requestId: requests.ids[i]!,
        eventTime: formatEventTime(requests.eventTimes[i]!),
        key,
        asOf: formatEventTime(asOf),
        used,
        expected,
        withoutLabelDelay,
        rowsKnown: known,
        rowsBefore: before,
      };
      if (examples.length >= EXAMPLES) {
        examples.splice(
          examples.findIndex((e) => !isLeak(e)),
          1,
        );
      }
      examples.push(example);
    }
  });
  return { checked, violations, leaks, futureAsOf, examples, passed: checked > 0 && violations === 0 };

  function isLeak(e: PointInTimeExample): boolean {
    return e.rowsBefore > e.rowsKnown && agree(e.used, e.withoutLabelDelay);
  }
}

/**
 * The key a request's joined value is looked up by and the time it is as of, or null when the
 * record lacks a field they need (the parity check counts that request as refused already).
 */
export function joinedPosition(feature: JoinedFeature, record: RawRecord, tables: ServingTables): { readonly key: string; readonly asOf: number } | null {
  try {
    return { key: feature.key(record), asOf: feature.asOf(record, tables) };
  } catch (error) {
    if (isRecordFieldError(error)) {
      return null;
    }
    throw error;
  }
}

/** Positive labels among rows [from, to) of a key. */
function positivesIn(rows: KeyHistory, from: number, to: number): number {
  return to <= from ? 0 : rows.positives[to - 1]! - (from === 0 ? 0 : rows.positives[from - 1]!);
}
