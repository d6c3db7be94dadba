/**
 * Reads a model's reference snapshot once: its rows in event-time order through the
 * feature spec's training SQL (the way the model was trained), scored by the model, into the
 * seasonal buckets every window is compared with. The model folder's `reference.json` is a
 * summary (20 bins, 101 quantiles): the seed's PSI takes its edges from the joint range of both
 * samples and KS needs every value, so the rows themselves are read.
 */
import type { SeasonKind } from '../../../contract/events';
import type { SnapshotSource } from '../ports/snapshot';
import type { SnapshotSection } from '../scenario/sections/snapshots';
import type { ModelFeed } from './modelFeed';
import { SeasonalReference } from './seasonalReference';

/** How the reference is bucketed: null leaves the season to be settled once the rows are in. */
export interface ReferenceLayout {
  readonly season: SeasonKind | null;
  readonly windowMs: number;
}

/** The reference of one model, read from its open snapshot over the section's [from, to). */
export async function readReference(feed: ModelFeed, source: SnapshotSource, section: SnapshotSection, layout: ReferenceLayout): Promise<SeasonalReference> {
  const reference = new SeasonalReference(
    feed.series.map((s) => s.kind),
    layout.season,
    layout.windowMs,
  );
  const query = feed.referenceQuery;
  for await (const chunk of source.read({
    columns: query.columns,
    derived: query.derived,
    relations: query.relations,
    joins: query.joins,
    from: section.from,
    to: section.to,
  })) {
    if (chunk.rowCount === 0) {
      continue;
    }
    const fed = feed.reference(chunk);
    const predictions = fed.batch === null ? null : await feed.model.inference.run(fed.batch);
    reference.add(chunk.eventTime, fed, predictions, chunk.label);
  }
  reference.seal();
  return reference;
}
