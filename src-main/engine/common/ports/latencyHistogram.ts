/**
 * A latency distribution that records values and answers percentiles. engine/node records into
 * an HDR histogram (hdr-histogram-js); tests may keep every value.
 */
import type { LatencyPercentiles } from '../../../contract/load';

export interface LatencyHistogram {
  /** Records one value in milliseconds (negative values are recorded as 0). */
  record(ms: number): void;
  readonly count: number;
  /** p50 ... p99.9 and max; all 0 when nothing was recorded. */
  percentiles(): LatencyPercentiles;
  /**
   * The distribution in hdr-histogram-js's compressed base64 (microseconds), so runs of several
   * processes or machines add up exactly; absent where the implementation is not an HDR histogram.
   */
  encoded?(): string;
}

/** The four distributions a load run keeps, named so a caller can tell which histogram is which. */
export type LatencyView = 'corrected' | 'uncorrected' | 'lateness' | 'connectionWait';
