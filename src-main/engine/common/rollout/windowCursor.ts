/**
 * A snapshot's chunk stream read one stretch of event time at a time: each call takes the rows
 * before `to` and keeps the rest of a chunk that straddles it for the next. One query serves the
 * whole rollout, so a step costs no new scan.
 */
import type { ColumnChunk } from '../ports/snapshot';
import { cutAt } from '../shifts/shiftRunner';

/** Windows over one stream, in order. */
export class WindowCursor {
  /** Pieces read ahead and not yet taken, in order. */
  private held: ColumnChunk[] = [];
  private ended = false;

  constructor(private readonly chunks: AsyncIterator<ColumnChunk>) {}

  /** The rows with event time before `to` not yet taken, as chunk pieces in order. */
  async until(to: number): Promise<ColumnChunk[]> {
    const pieces: ColumnChunk[] = [];
    for (;;) {
      const chunk = this.held.shift() ?? (await this.pull());
      if (chunk === null) {
        return pieces;
      }
      if (chunk.rowCount === 0) {
        continue;
      }
      if (chunk.eventTime[0]! >= to) {
        this.held.unshift(chunk);
        return pieces;
      }
      const [before, after] = cutAt(chunk, [to]);
      pieces.push(before!);
      if (after !== undefined) {
        this.held.unshift(after);
        return pieces;
      }
    }
  }

  /** The rows before `to`, left in place for the next `until` (the compatibility check reads today's rows first). */
  async peek(to: number): Promise<ColumnChunk[]> {
    const pieces = await this.until(to);
    this.held.unshift(...pieces);
    return pieces;
  }

  /** Ends the underlying stream early (the rollout aborted before its last step). */
  async close(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      await this.chunks.return?.();
    }
  }

  private async pull(): Promise<ColumnChunk | null> {
    if (this.ended) {
      return null;
    }
    const next = await this.chunks.next();
    if (next.done) {
      this.ended = true;
      return null;
    }
    return next.value;
  }
}
