/** A load result and a knee search as the terminal shows them. */
import type { KneeResult, LatencyPercentiles, LoadResult } from '../contract/load';
import type { MergedLoad } from '../engine/common/load/loadRecord';

const KEYS = ['p50', 'p90', 'p95', 'p99', 'p999', 'max'] as const;
const HEADINGS = ['p50', 'p90', 'p95', 'p99', 'p99.9', 'max'];

/** The result: rates, counts, the three latency views, and the SLA and schedule verdicts. */
export function formatLoadResult(result: LoadResult): string {
  const row = (name: string, p: LatencyPercentiles): string => `  ${name.padEnd(12)}${KEYS.map((k) => p[k].toFixed(2).padStart(9)).join('')}`;
  const kinds = Object.entries(result.errorKinds).map(([kind, n]) => `${kind}: ${n}`);
  return [
    `${result.url}: ${result.payload}`,
    ...(result.sentEventTimes ? [`sent records of ${result.sentEventTimes.first} to ${result.sentEventTimes.last} (event time)`] : []),
    `planned ${result.plannedRps} rps (target ${result.targetRps}, ${result.shape}), achieved ${result.achievedRps} rps over ${(result.elapsedMs / 1000).toFixed(2)} s`,
    `requests: ${result.requests.planned} planned, ${result.requests.sent} sent, ${result.requests.ok} ok; ${result.errors} errors${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}, ${result.timeouts} timeouts, ${result.dropped} dropped`,
    `latency ms  ${HEADINGS.map((h) => h.padStart(9)).join('')}`,
    row('corrected', result.latencyMs),
    row('uncorrected', result.uncorrectedLatencyMs),
    row('lateness', result.latenessMs),
    row('conn. wait', result.connectionWaitMs),
    `schedule: ${result.onSchedule ? 'kept' : 'FELL BEHIND'} (lateness p99 ${result.latenessMs.p99} ms, ${result.dropped} dropped, ${result.connections} connections)`,
    `SLA p99 <= ${result.slaMs} ms: ${result.slaPass ? 'PASS' : 'FAIL'} (p99 ${result.latencyMs.p99} ms)`,
  ].join('\n');
}

/** Every rate tried, then the knee against the target. */
export function formatKnee(knee: KneeResult, targetRps: number): string {
  const lines = knee.steps.map(
    (s) =>
      `  ${String(s.rps).padStart(9)} rps  p99 ${s.p99Ms.toFixed(2).padStart(9)} ms  achieved ${s.achievedRps.toFixed(1).padStart(8)}  ${s.slaPass ? 'holds' : 'breaks'}${s.onSchedule ? '' : ' (generator behind schedule)'}`,
  );
  const stop = { sla: 'the SLA broke', generator: 'the generator fell behind schedule', 'max-rate': 'the rate cap was reached' }[knee.stoppedBy];
  const verdict = knee.kneeRps === null ? 'no rate tried held the SLA' : `knee: ${knee.kneeRps} rps holds p99 <= ${knee.slaMs} ms`;
  return [
    ...lines,
    `${verdict} (stopped: ${stop}); target ${Math.round(targetRps * 1000) / 1000} rps ${knee.kneeRps !== null && knee.kneeRps >= targetRps ? 'holds' : 'does not hold'}`,
  ].join('\n');
}

/** Several runs' load records added: the counts, the combined rate, the corrected percentiles of every sample. */
export function formatMergedLoad(merged: MergedLoad): string {
  const r = merged.requests;
  return [
    `${merged.runs} runs merged: ${merged.files.join(', ')}`,
    `planned ${merged.plannedRps} rps together, achieved ${merged.achievedRps} rps over ${(merged.elapsedMs / 1000).toFixed(2)} s (the longest run)`,
    `requests: ${r.planned} planned, ${r.sent} sent, ${r.answered} answered, ${r.ok} ok; ${r.errors} errors, ${r.timeouts} timeouts, ${r.dropped} dropped`,
    `latency ms  ${HEADINGS.map((h) => h.padStart(9)).join('')}`,
    `  ${'corrected'.padEnd(12)}${KEYS.map((k) => merged.latencyMs[k].toFixed(2).padStart(9)).join('')}`,
  ].join('\n');
}
