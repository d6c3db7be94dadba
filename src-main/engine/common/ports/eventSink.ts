/** Where events go as they are appended: the log file, the UI, a test's array. */
import type { RunEvent } from '../../../contract/events';

/** Receives each event once, in order. A file writer must have it on disk before returning. */
export interface EventWriter {
  write(event: RunEvent): void;
}
