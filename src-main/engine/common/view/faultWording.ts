/**
 * The server faults' events in words, once: the activity feed of the desktop app and
 * the CLI's progress lines both use these.
 */
import type { RunEvent } from '../../../contract/events';
import type { WordingLevel } from './preflightWording';

/** The line for a server fault's event or a live layer 1 alert, or null for any other event. */
export function faultWording(event: RunEvent): { readonly level: WordingLevel; readonly text: string } | null {
  switch (event.kind) {
    case 'fault.injected':
      return {
        level: 'warn',
        text: `fault set on ${event.label} ${seconds(event.atMs)} into the load: ${event.name}${event.note === null ? '' : ` (${event.note})`}`,
      };
    case 'fault.cleared':
      return { level: 'info', text: `fault cleared ${seconds(event.atMs)} into the load: ${event.name}` };
    case 'alert.firing':
      return event.clock === 'real' ? { level: 'warn', text: `L${event.layer} ${event.rule} firing: ${event.message}` } : null;
    case 'monitoring.detection': {
      if (event.source !== 'server-fault') {
        return null;
      }
      const first = event.layers.find((l) => l.delayMs !== null);
      return first === undefined
        ? { level: 'error', text: `${event.name}: no layer alerted (a blind spot)` }
        : {
            level: event.blindSpot ? 'error' : 'info',
            text: `${event.name}: layer ${first.layer} alerted after ${seconds(first.delayMs!)} (${first.rule}), ${first.outcome}`,
          };
    }
    default:
      return null;
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
