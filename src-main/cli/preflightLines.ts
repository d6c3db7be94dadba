/** The progress lines of preflight's dependency and feature checks (issue 10), one per event. */
import type { RunEvent } from '../contract/events';

/** The line a person reads for one of preflight's check events, or null for any other event. */
export function preflightLine(event: RunEvent): string | null {
  switch (event.kind) {
    case 'lock.compared': {
      const c = event.comparison;
      const detail = c === null ? `not compared: ${event.unavailable}` : `${c.compared} packages compared, ${c.counts.unpinned} unpinned, ${c.counts.range} ranges, ${c.counts.mismatch} mismatched`;
      return `  ${event.role} ${event.model}: training lock vs the ${event.backend} serving lock: ${detail}`;
    }
    case 'runtime.parity': {
      const r = event.result;
      if (r === null) {
        return `  ${event.role} ${event.model}: runtime parity not measured: ${event.unavailable}`;
      }
      const worst = Math.max(...r.comparisons.map((c) => c.maxAbsDiff));
      const flips = Math.max(...r.comparisons.map((c) => c.flips));
      return `  ${event.role} ${event.model}: ${r.rows} rows through ${r.comparisons.length + 1} runtimes (${r.comparisons.map((c) => c.candidate.split(',')[0]).join('; ')}): max |Δscore| ${worst.toPrecision(2)}, ${flips} decisions flipped`;
    }
    case 'feature.parity': {
      const failed = event.features.filter((f) => !f.passed);
      const variant = event.servingVariant === null ? '' : ` (serving variant ${event.servingVariant})`;
      const outcome = failed.length === 0 ? `all ${event.features.length} features agree` : failed.map((f) => `${f.name} differs on ${(f.mismatchRate * 100).toFixed(1)}% (${f.distribution.metric} ${(f.distribution.value ?? 0).toFixed(4)})`).join(', ');
      return `  ${event.role} ${event.model}${variant}: feature parity on ${event.sample.joined} sampled requests: ${outcome}`;
    }
    case 'feature.pointInTime':
      return `  ${event.role} ${event.model}: ${event.feature} recomputed as of its time for ${event.checked} ${event.sample === 'reference' ? 'training-window' : 'replayed'} requests: ${event.violations} differ, ${event.leaks} count labels not yet known`;
    case 'feature.freshness':
      return event.ageMs === null
        ? null
        : `  ${event.role} ${event.model}: ${event.feature} age at request time: median ${days(event.ageMs.p50)}, max ${days(event.ageMs.max)}${event.maxAgeMs === null ? '' : `; ${event.stale} of ${event.requests} older than ${days(event.maxAgeMs)}`}`;
    default:
      return null;
  }
}

function days(ms: number): string {
  return `${(ms / 86_400_000).toFixed(1)} d`;
}
