/**
 * Green's reference (its training window) per input feature, sliced by day of the week and read
 * once per rollout through green's own training SQL, so a step's input drift compares the
 * window's features with what green was trained on for the same days of the week (DESIGN.md:
 * "against a seasonal slice of the reference"). A one-day window against the whole reference
 * would flag every calendar feature on every step. Features are compared as the model sees them
 * (categorical codes as numbers, on the seed's equal-width bins).
 */
import type { SnapshotSection } from '../scenario/sections/snapshots';
import type { SnapshotStore } from '../ports/snapshot';
import type { ReadyModel } from '../run/state';
import { sortedSample, type SortedSample } from '../stats/sortedSample';
import { isoWeekday } from '../time/calendar';

/** Each feature's reference values by ISO weekday (0 = Monday), and samples over sets of weekdays. */
export class ReferenceSlices {
  private readonly cache = new Map<string, SortedSample>();

  constructor(private readonly byWeekday: ReadonlyMap<string, readonly (readonly number[])[]>) {}

  /** The input columns the reference has. */
  get features(): string[] {
    return [...this.byWeekday.keys()];
  }

  /** The feature's reference sample on the given weekdays. */
  sample(feature: string, weekdays: ReadonlySet<number>): SortedSample {
    const key = `${feature}|${[...weekdays].sort().join(',')}`;
    let sample = this.cache.get(key);
    if (sample === undefined) {
      const days = this.byWeekday.get(feature) ?? [];
      sample = sortedSample([...weekdays].flatMap((d) => days[d] ?? []));
      this.cache.set(key, sample);
    }
    return sample;
  }
}

/** Reads the reference snapshot's rows through the model's input columns. */
export async function referenceSlices(snapshots: SnapshotStore, section: SnapshotSection, model: ReadyModel): Promise<ReferenceSlices> {
  const source = await snapshots.open(section, `reference.${model.role}`);
  const values = new Map<string, number[][]>(model.columns.map((c) => [c, Array.from({ length: 7 }, () => [])]));
  try {
    for await (const chunk of source.read({
      columns: model.columns,
      derived: model.derived,
      relations: model.relations,
      joins: model.joins,
      from: section.from,
      to: section.to,
    })) {
      for (const [name, days] of values) {
        const column = chunk.columns[name];
        if (column?.kind !== 'number') {
          continue;
        }
        for (let i = 0; i < chunk.rowCount; i++) {
          if (column.valid[i]) {
            days[isoWeekday(chunk.eventTime[i]!)]!.push(column.values[i]!);
          }
        }
      }
    }
  } finally {
    await source.close();
  }
  return new ReferenceSlices(values);
}
