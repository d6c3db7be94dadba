/** The run's activity feed: the events a person follows a run by, worded once, here. */
import type { RunEvent } from '../../../contract/events';
import type { ActivityItem } from '../../../contract/runView';
import { faultWording } from './faultWording';
import { preflightWording } from './preflightWording';
import { rolloutWording } from './rolloutWording';

/** One line for an event, or null for events the feed leaves to other parts of the screen (progress). */
export function activityOf(event: RunEvent): ActivityItem | null {
  const line = wording(event);
  return line === null ? null : { seq: event.seq, eventTime: event.eventTime, wallTime: event.wallTime, level: line.level, text: line.text };
}

function wording(event: RunEvent): { level: ActivityItem['level']; text: string } | null {
  const info = (text: string) => ({ level: 'info' as const, text });
  const warn = (text: string) => ({ level: 'warn' as const, text });
  switch (event.kind) {
    case 'run.started':
      return info(`Run started: ${event.scenario.name} (${event.phases.join(', ')})`);
    case 'run.backends':
      return event.profiles.length === 0
        ? null
        : info(
            `Servers on ${event.profiles.map((p) => `${p.backend} (${p.profile})`).join(', ')}${event.docker?.available === false ? `; Docker: ${event.docker.reason}` : ''}`,
          );
    case 'phase.started':
      return info(`${event.phase} started`);
    case 'phase.finished':
      return event.outcome === 'error'
        ? { level: 'error', text: `${event.phase} failed${event.message ? `: ${event.message}` : ''}` }
        : info(`${event.phase} ${event.outcome}${event.message ? `: ${event.message}` : ''}`);
    case 'model.verified':
      return event.verified ? info(`${event.role} ${event.name}: digests verified`) : warn(`${event.role} ${event.name}: ${event.message}`);
    case 'model.loaded':
      return info(`${event.role} ${event.name} loaded on ${event.executionProvider}`);
    case 'ep.fallback':
      return warn(`${event.role}: asked for ${event.requested}, running on ${event.used}: ${event.reason}`);
    case 'snapshot.opened':
      return info(`Snapshot ${event.role} opened: ${event.columns.length} columns`);
    case 'snapshot.rejects':
      return warn(`${event.rejected} rows of ${event.source} could not be read`);
    case 'score.summary':
      return info(`${event.role} ${event.model} scored ${event.n.toLocaleString('en-US')} rows${event.auc === null ? '' : `, AUC ${event.auc.toFixed(3)}`}`);
    case 'replay.started':
      return info(
        `Replay in ${Math.round(event.windowMs / 60_000)}-minute windows against the reference's ${event.season === 'none' ? 'whole window' : event.season} slices`,
      );
    case 'alert.firing':
      return warn(`L${event.layer} ${event.rule}${event.role === null ? '' : ` ${event.role}`}: ${event.message}`);
    case 'shift.injected':
      return warn(`Shift injected: ${event.name}`);
    case 'shift.detected':
      return info(`Shift ${event.name} caught by layer ${event.layer} (${event.rule} on ${event.subject}) after ${(event.delayMs / 3_600_000).toFixed(1)} h`);
    case 'shift.missed':
      return { level: 'error', text: `Shift ${event.name} missed: ${event.reason}` };
    case 'check.resolved':
      return {
        level: event.check.status === 'PASS' || event.check.status === 'WARN' || event.check.status === 'NOT RUN' ? 'info' : 'error',
        text: `${event.check.id}: ${event.check.status}`,
      };
    case 'run.control':
      return { level: event.effect === 'ignored' ? 'warn' : 'info', text: `${commandName(event.command.kind)}: ${event.note}` };
    case 'notice':
      return { level: event.level, text: event.message };
    case 'run.error':
      return { level: 'error', text: `${event.phase ?? 'run'}: ${event.message}` };
    case 'profiles.compared':
      return info(
        `Profiles ${event.profiles.map((p) => p.name).join(' and ')}: ${event.differences.length} difference${event.differences.length === 1 ? '' : 's'}${event.notReproduced.length > 0 ? `, ${event.notReproduced.length} not reproducible here` : ''}`,
      );
    case 'image.ready':
      return info(`Image ${event.tag} ${event.built ? `built in ${(event.durationMs / 1000).toFixed(1)} s` : 'reused'} for ${event.profile}`);
    case 'load.result':
      return event.result === null
        ? { level: 'error', text: `${event.profile}: the server never answered: ${event.error ?? event.serverEnd ?? 'no reason'}` }
        : {
            level: event.oomKilled === true ? 'error' : 'info',
            text: `${event.profile} (${event.backend}): ${event.result.achievedRps.toFixed(1)} rps answered, p99 ${event.result.latencyMs.p99.toFixed(1)} ms${event.oomKilled === true ? ', OOM-killed' : ''}`,
          };
    case 'run.finished':
      return { level: event.verdict === 'READY' ? 'info' : 'warn', text: `Run finished: ${event.verdict}` };
    default:
      // Progress shows as a bar; a capability's own kinds stay out of the feed until worded here.
      return preflightWording(event) ?? rolloutWording(event) ?? faultWording(event);
  }
}

function commandName(kind: string): string {
  return { pause: 'Pause', resume: 'Resume', step: 'Step', speed: 'Speed', promote: 'Promote', rollback: 'Roll back', stop: 'Stop' }[kind] ?? kind;
}
