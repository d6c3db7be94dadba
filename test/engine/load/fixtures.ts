/** A LoadResult to vary in tests of what reads one (knee search, load-sla). */
import type { LoadResult } from '../../../src-main/contract/load';

const flat = (ms: number) => ({ p50: ms / 2, p90: ms * 0.8, p95: ms * 0.9, p99: ms, p999: ms * 1.2, max: ms * 1.5 });

/** A clean run at `rps` with corrected p99 `p99Ms`; `changes` override any field. */
export function loadResultAt(rps: number, p99Ms: number, changes: Partial<LoadResult> = {}): LoadResult {
  return {
    plannedRps: rps,
    targetRps: rps,
    achievedRps: rps,
    latencyMs: flat(p99Ms),
    uncorrectedLatencyMs: flat(p99Ms * 0.8),
    latenessMs: flat(0.5),
    connectionWaitMs: flat(0.1),
    errors: 0,
    timeouts: 0,
    dropped: 0,
    slaPass: p99Ms <= 100,
    onSchedule: true,
    slaMs: 100,
    requests: { planned: rps * 10, sent: rps * 10, ok: rps * 10 },
    errorKinds: {},
    durationMs: 10_000,
    elapsedMs: 10_010,
    shape: 'constant',
    protocol: 'predict',
    url: 'http://127.0.0.1:8000/predict',
    payload: 'numeric, model m, width 4',
    connections: 8,
    seed: 1,
    ...changes,
  };
}
