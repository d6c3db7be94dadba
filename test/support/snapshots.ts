/** Snapshot sections with the scenario's defaults, for tests that open snapshots directly. */
import type { SnapshotSection } from '../../src-main/engine/common/scenario/sections/snapshots';

export function snapshotSchemaDefaults(section: Partial<SnapshotSection> & Pick<SnapshotSection, 'path' | 'timestamp'>): SnapshotSection {
  return { labelDelay: 0, maxRejectRate: 0, ...section };
}
