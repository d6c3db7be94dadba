/**
 * The rollout's events in words, once: the activity feed of the desktop app and the
 * CLI's progress lines both use these.
 */
import type { RunEvent } from '../../../contract/events';
import type { WordingLevel } from './preflightWording';

/** The line for one of the rollout's or the router's events, or null for any other event. */
export function rolloutWording(event: RunEvent): { readonly level: WordingLevel; readonly text: string } | null {
  const info = (text: string) => ({ level: 'info' as const, text });
  switch (event.kind) {
    case 'rollout.compatibility':
      return event.compatible
        ? info(`blue ${event.model} reads today's records: ${event.records - event.failedRecords} of ${event.records} (${event.required.join(', ')})`)
        : {
            level: 'error',
            text: `the bridge is burned: today's records lack ${event.missing.join(', ')}, which blue ${event.model} needs (${event.failures.map((f) => `${f.field} unreadable in ${f.records} of ${event.records}`).join('; ')})`,
          };
    case 'rollout.baseline':
      return info(
        `warm: blue p99 ${ms(event.blueP99Ms)} through the weights, green p99 ${ms(event.greenP99Ms)} through the header route${event.faultNote === null ? '' : `; green's fault: ${event.faultNote}`}`,
      );
    case 'router.weights':
      return info(`router: green ${event.weights.green}% (${event.reason})`);
    case 'rollout.step': {
      const m = event.metrics;
      const d = m.disagreement;
      const o = m.outcome;
      const parts = [
        `p99 blue ${ms(event.sides.blue.p99Ms)}, green ${ms(event.sides.green.p99Ms)}`,
        `prediction PSI ${num(m.predictionPsi)}`,
        m.inputDrift === null ? null : `input PSI ${num(m.inputDrift.maxPsi)} (${m.inputDrift.feature})`,
        d === null ? null : `flips green ${pct(d.greenFlipRate)}, blue's twin ${pct(d.noiseFlipRate)} (${d.requests} requests)`,
        o === null ? null : `AUC blue ${num(o.blueAuc)}, green ${num(o.greenAuc)} (${o.labelled} labelled)`,
      ].filter((p) => p !== null);
      return info(
        `step ${event.index + 1} ${event.step} ${event.from} to ${event.to}${event.cut ? ' (cut)' : ''}, green ${event.greenPercent}%: ${event.rows} rows, ${event.sent} sent in ${(event.realMs / 1000).toFixed(1)} s; ${parts.join('; ')}`,
      );
    }
    case 'rollout.analysis': {
      if (event.background && event.outcome !== 'fail') {
        return null;
      }
      const where = event.background ? `between batches at step ${event.index + 1}` : `analysis at step ${event.index + 1}`;
      const gates = event.gates.map((g) => `${g.gate} ${g.outcome}${g.outcome === 'fail' ? ` (${g.detail})` : ''}`).join(', ');
      return {
        level: event.outcome === 'fail' ? 'warn' : 'info',
        text: `${where}: ${event.outcome}: ${gates}; judge ${event.judge.score === null ? '-' : event.judge.score.toFixed(0)}`,
      };
    }
    case 'rollout.aborted': {
      const detected =
        event.detect === null ? 'before green took traffic' : `after ${seconds(event.detect.realMs)} (${hours(event.detect.eventMs)} of event time)`;
      return {
        level: 'warn',
        text: `rolled back to blue: ${event.reason}; detected ${detected}; blue 100% in ${event.rollback.realMs.toFixed(0)} ms (${hours(event.rollback.eventMs)} of event time, ${event.duringRetreat.sent} requests sent meanwhile, ${event.duringRetreat.green} served by green)`,
      };
    }
    case 'rollout.finished':
      if (event.outcome === 'not-started') {
        return { level: 'error', text: `rollout not started: ${event.reason ?? 'unknown'}` };
      }
      return info(
        event.outcome === 'promoted'
          ? `green promoted${event.drill === null ? '' : `; retreat drilled: blue 100% in ${event.drill.rollback.realMs.toFixed(0)} ms, blue answered ${event.drill.blueAnswered} of ${event.drill.blueAnswered + event.drill.blueFailed}`}`
          : 'rollout ended at blue 100%',
      );
    default:
      return null;
  }
}

function ms(value: number | null): string {
  return value === null ? '-' : `${value.toFixed(1)} ms`;
}

function num(value: number | null): string {
  return value === null ? '-' : value.toFixed(4);
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function seconds(realMs: number): string {
  return `${(realMs / 1000).toFixed(2)} s`;
}

function hours(eventMs: number): string {
  return `${(eventMs / 3_600_000).toFixed(1)} h`;
}
