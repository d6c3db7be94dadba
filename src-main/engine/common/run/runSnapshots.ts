/**
 * The run's data layer: production, each model's reference and the raw history a joined feature
 * is recomputed from, each opened once through the snapshot port on first use and closed by the
 * spine when the run ends. Phases ask it for a source and read the window they need; none opens
 * a snapshot of its own. The history of a model is the file its reference is read from (else
 * production's), read whole rather than only its window, so it is that same open source.
 */
import type { SnapshotSource, SnapshotStore } from '../ports/snapshot';
import type { SnapshotSection } from '../scenario/sections/snapshots';
import type { SnapshotsSection } from '../scenario/sections/snapshots';
import { formatOptionalEventTime } from '../time/eventTime';
import type { EventLog } from './eventLog';

/** A snapshot of the run and the section it was opened for. */
export interface OpenSnapshot {
  readonly role: 'production' | 'reference.blue' | 'reference.green';
  readonly section: SnapshotSection;
  readonly source: SnapshotSource;
}

/** Every snapshot of one run. */
export class RunSnapshots {
  private readonly opened = new Map<OpenSnapshot['role'], Promise<OpenSnapshot>>();

  constructor(
    private readonly store: SnapshotStore,
    private readonly sections: SnapshotsSection,
    private readonly log: EventLog,
  ) {}

  /** The production snapshot (the scenario's `snapshots.production`). */
  async production(): Promise<OpenSnapshot> {
    return this.open('production', this.sections.production);
  }

  /** A model's reference (its training window), or null when the scenario gives it none. */
  async reference(role: 'blue' | 'green'): Promise<OpenSnapshot | null> {
    const section = this.sections.reference?.[role];
    return section === undefined ? null : this.open(`reference.${role}`, section);
  }

  /**
   * The raw rows a joined table of the model is built from: its reference's snapshot (else
   * production's), whichever has a label to count; null when neither has one. Read it over the
   * stretch the table covers, not the section's window.
   */
  async history(role: 'blue' | 'green'): Promise<OpenSnapshot | null> {
    const reference = this.sections.reference?.[role];
    if (reference?.label !== undefined) {
      return this.reference(role);
    }
    return this.sections.production.label !== undefined ? this.production() : null;
  }

  /** Interrupts every query under way on the open snapshots (a stop): each read then fails at once. */
  interrupt(): void {
    for (const opening of this.opened.values()) {
      void opening.then((o) => o.source.interrupt?.()).catch(() => undefined);
    }
  }

  /** Closes every snapshot that was opened. */
  async close(): Promise<void> {
    const all = await Promise.allSettled(this.opened.values());
    this.opened.clear();
    await Promise.allSettled(all.flatMap((o) => (o.status === 'fulfilled' ? [o.value.source.close()] : [])));
  }

  private open(role: OpenSnapshot['role'], section: SnapshotSection): Promise<OpenSnapshot> {
    let opening = this.opened.get(role);
    if (opening === undefined) {
      opening = this.store.open(section, role).then((source) => {
        this.log.append({
          kind: 'snapshot.opened',
          role,
          source: source.description,
          columns: source.columns,
          from: formatOptionalEventTime(section.from),
          to: formatOptionalEventTime(section.to),
        });
        return { role, section, source };
      });
      // A snapshot that cannot be opened is asked again next time, and says why again.
      opening.catch(() => this.opened.delete(role));
      this.opened.set(role, opening);
    }
    return opening;
  }
}
