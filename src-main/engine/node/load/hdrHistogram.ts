/**
 * The LatencyHistogram port on hdr-histogram-js: values in microseconds with three significant
 * digits (0.1% resolution), the precision wrk2 and HdrHistogram's own tools report at.
 */
import * as hdr from 'hdr-histogram-js';
import type { LatencyPercentiles } from '../../../contract/load';
import type { LatencyHistogram } from '../../common/ports/latencyHistogram';

/** A fresh histogram from 1 us up, resizing itself past its initial hour. */
export function hdrLatencyHistogram(): LatencyHistogram {
  return latencyHistogramOn(emptyHdrHistogram());
}

/** An empty hdr-histogram-js histogram in microseconds, as every load records into. */
export function emptyHdrHistogram(): hdr.Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3, autoResize: true });
}

/**
 * The LatencyHistogram port on an hdr-histogram-js histogram in microseconds (a fresh one, or one
 * decoded and merged). The encoding keeps buckets, not the largest value itself: a decoded
 * histogram's max is its top bucket's upper bound, so merged records pass their exact max.
 */
export function latencyHistogramOn(histogram: hdr.Histogram, exactMaxUs?: number): LatencyHistogram {
  return {
    record(ms: number): void {
      histogram.recordValue(Math.max(0, Math.round(ms * 1000)));
    },
    get count(): number {
      return histogram.totalCount;
    },
    percentiles(): LatencyPercentiles {
      if (histogram.totalCount === 0) {
        return { p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
      }
      // A percentile is reported as its bucket's highest equivalent value, which can pass the
      // largest value recorded (by up to 0.1%); no percentile is reported above the max.
      const max = exactMaxUs ?? histogram.maxValue;
      const at = (p: number): number => Math.min(histogram.getValueAtPercentile(p), max) / 1000;
      return { p50: at(50), p90: at(90), p95: at(95), p99: at(99), p999: at(99.9), max: max / 1000 };
    },
    encoded(): string {
      return hdr.encodeIntoCompressedBase64(histogram);
    },
  };
}
