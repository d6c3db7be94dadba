/** A LatencyHistogram that keeps every value: exact nearest-rank percentiles for unit tests. */
import type { LatencyPercentiles } from '../../src-main/contract/load';
import type { LatencyHistogram } from '../../src-main/engine/common/ports/latencyHistogram';

/** The value at nearest rank ceil(p/100 * n) of the sorted values, as HdrHistogram reports it. */
export function exactHistogram(): LatencyHistogram & { readonly values: number[] } {
  const values: number[] = [];
  return {
    values,
    record: (ms) => void values.push(Math.max(0, ms)),
    get count() {
      return values.length;
    },
    percentiles(): LatencyPercentiles {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (p: number): number => (sorted.length === 0 ? 0 : sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!);
      return { p50: at(50), p90: at(90), p95: at(95), p99: at(99), p999: at(99.9), max: at(100) };
    },
  };
}
