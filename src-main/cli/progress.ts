/** Progress lines on stderr as a run appends events. */
import type { RunEvent } from '../contract/events';
import type { EventWriter } from '../engine/common/ports/eventSink';
import { preflightWording } from '../engine/common/view/preflightWording';
import { faultWording } from '../engine/common/view/faultWording';
import { rolloutWording } from '../engine/common/view/rolloutWording';

/** Prints the events a person follows a run by; the log has everything. */
export function progressWriter(err: (text: string) => void): EventWriter {
  return {
    write(event: RunEvent): void {
      switch (event.kind) {
        case 'phase.started':
          err(`[${event.phase}] started`);
          break;
        case 'phase.finished':
          err(`[${event.phase}] ${event.outcome}${event.message ? `: ${event.message}` : ''}`);
          break;
        case 'model.loaded':
          err(`  ${event.role} ${event.name} loaded on ${event.executionProvider} (sha256 ${event.sha256.slice(0, 12)})`);
          break;
        case 'model.verified':
          if (!event.verified) {
            err(`  ${event.role} ${event.name}: ${event.message}${event.allowUnverified ? ' (allowed by --allow-unverified)' : ''}`);
          }
          break;
        case 'score.summary':
          err(
            `  ${event.role} ${event.model}: n=${event.n} auc=${fmt(event.auc)} logLoss=${fmt(event.logLoss)} positiveRate=${fmt(event.positiveRate)} (${event.from ?? '?'} to ${event.to ?? '?'})`,
          );
          break;
        case 'ep.fallback':
          err(`execution provider: asked for ${event.requested}, using ${event.used}: ${event.reason}`);
          break;
        case 'snapshot.rejects':
          err(`  ${event.source}: ${event.rejected} row${event.rejected === 1 ? '' : 's'} could not be read${rejectLines(event.examples)}`);
          break;
        case 'notice':
          err(`  ${event.level}: ${event.message}`);
          break;
        default: {
          const line = preflightWording(event) ?? rolloutWording(event) ?? faultWording(event);
          if (line !== null) {
            err(`  ${line.text}`);
          }
          break;
        }
      }
    },
  };
}

function fmt(value: number | null): string {
  return value === null ? '-' : value.toFixed(4);
}

/** Where the first rejected rows are (up to three), so a tolerated reject is still found by its line. */
function rejectLines(examples: readonly { readonly file: string; readonly line: number | null; readonly message: string }[]): string {
  const shown = examples.slice(0, 3).map((e) => `${e.file}${e.line === null ? '' : `:${e.line}`}: ${e.message}`);
  return shown.length === 0 ? '' : `; ${shown.join('; ')}`;
}
