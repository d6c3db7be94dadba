/**
 * Preflight's check events in words, once: the activity feed of the desktop app and the
 * CLI's progress lines both use these.
 */
import type { RunEvent } from '../../../contract/events';

/** How serious a line is, as the activity feed marks it. */
export type WordingLevel = 'info' | 'warn' | 'error';

/** The line for one of preflight's dependency or feature events, or null for any other event. */
export function preflightWording(event: RunEvent): { readonly level: WordingLevel; readonly text: string } | null {
  switch (event.kind) {
    case 'lock.compared': {
      const c = event.comparison;
      if (c === null) {
        return { level: 'warn', text: `${event.role} ${event.model}: training lock vs the ${event.backend} serving lock: not compared: ${event.unavailable}` };
      }
      return {
        level: c.failed ? 'error' : 'info',
        text: `${event.role} ${event.model}: training lock vs the ${event.backend} serving lock: ${c.compared} packages compared, ${c.counts.unpinned} unpinned, ${c.counts.range} ranges, ${c.counts.mismatch} mismatched`,
      };
    }
    case 'runtime.parity': {
      const r = event.result;
      if (r === null) {
        return { level: 'warn', text: `${event.role} ${event.model}: runtime parity not measured: ${event.unavailable}` };
      }
      const worst = Math.max(...r.comparisons.map((c) => c.maxAbsDiff));
      const flips = Math.max(...r.comparisons.map((c) => c.flips));
      const others = r.comparisons.map((c) => c.candidate.split(',')[0]).join('; ');
      return {
        level: r.passed ? 'info' : 'error',
        text: `${event.role} ${event.model}: ${r.rows} rows through ${r.comparisons.length + 1} runtimes (${others}): max |Δscore| ${worst.toPrecision(2)}, ${flips} decisions flipped`,
      };
    }
    case 'feature.parity': {
      const failed = event.features.filter((f) => !f.passed);
      const variant = event.servingVariant === null ? '' : ` (serving variant ${event.servingVariant})`;
      const outcome =
        failed.length === 0
          ? `all ${event.features.length} features agree`
          : failed
              .map((f) => `${f.name} differs on ${(f.mismatchRate * 100).toFixed(1)}% (${f.distribution.metric} ${(f.distribution.value ?? 0).toFixed(4)})`)
              .join(', ');
      return {
        level: event.passed ? 'info' : 'error',
        text: `${event.role} ${event.model}${variant}: feature parity on ${event.sample.joined} sampled requests: ${outcome}`,
      };
    }
    case 'feature.pointInTime':
      return {
        level: event.passed ? 'info' : 'error',
        text: `${event.role} ${event.model}: ${event.feature} recomputed as of its time for ${event.checked} ${event.sample === 'reference' ? 'training-window' : 'replayed'} requests: ${event.violations} differ, ${event.leaks} count labels not yet known`,
      };
    case 'feature.freshness': {
      if (event.ageMs === null) {
        return null;
      }
      const stale = event.maxAgeMs === null ? '' : `; ${event.stale} of ${event.requests} older than ${days(event.maxAgeMs)}`;
      return {
        level: event.stale > 0 ? 'warn' : 'info',
        text: `${event.role} ${event.model}: ${event.feature} age at request time: median ${days(event.ageMs.p50)}, max ${days(event.ageMs.max)}${stale}`,
      };
    }
    default:
      return null;
  }
}

function days(ms: number): string {
  return `${(ms / 86_400_000).toFixed(1)} d`;
}
