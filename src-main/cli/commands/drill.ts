/**
 * `rehearse drill <events.jsonl> [--scenario <file>] [--answers <file>] [--speed N] --out <dir> [--json]`:
 * replays a finished run's log to the stops of a scenario's drill. With `--answers`
 * it runs headless; otherwise it asks at each stop on the terminal. Writes drill.json and
 * drill.html. Exit 0 when every stop was answered right in time, 1 otherwise, 2 bad input.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { DrillScorecard, DrillStop } from '../../contract/drill';
import type { RunEvent } from '../../contract/events';
import { parseAnswerLines } from '../../engine/common/drill/answerLines';
import { DrillPlayer } from '../../engine/common/drill/drillPlayer';
import { renderDrillHtml } from '../../engine/common/drill/drillHtml';
import { answerText } from '../../engine/common/drill/drillWording';
import { playRecorded } from '../../engine/common/drill/recordedSession';
import { parseTypedAnswer } from '../../engine/common/drill/typedAnswer';
import { InputError } from '../../engine/common/run/inputError';
import { parseEventTime } from '../../engine/common/time/eventTime';
import { activityOf } from '../../engine/common/view/activity';
import { readDrill } from '../../engine/node/drill/readDrill';
import { parseFlags, requirePositional, UsageError } from '../args';
import type { CliIo, Command } from '../command';
import { requireNamedPaths, WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

/** The longest pause between two events when pacing, so a day-long gap does not stall a drill. */
const MAX_PAUSE_MS = 2000;

export const drillCommand: Command = {
  name: 'drill',
  usage: `rehearse drill <events.jsonl> [--scenario <file>] [--answers <file>] [--speed N] --out <dir> ${WORKSPACE_USAGE} [--json]`,
  description: [
    "Replays a finished run's events.jsonl to the stops of its scenario's drill and asks, at each,",
    'what you would do: hold, investigate a feature or a layer, roll back, or promote. Nothing after',
    'a stop is shown until it is answered; its debrief follows. Writes drill.json (the scorecard:',
    'each answer against the expected one, the decision time, and what a missed rollback let spread)',
    'and drill.html.',
    '',
    "  --scenario <file>  play this file's drill (default: the scenario the log records)",
    '  --answers <file>   JSON lines {"stop", "action", "layer"?, "feature"?, "seconds"?}: headless',
    '  --speed N          pace the events N times faster than event time passed (at most 2 s apart)',
    '  --out <dir>        the folder for drill.json and drill.html (required)',
    '',
    'exit: 0 every stop answered right in time, 1 otherwise, 2 bad input (a missing log, a bad line,',
    'an answer for a stop the drill does not have, a scenario without a drill)',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      scenario: { type: 'string' },
      answers: { type: 'string' },
      speed: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      ...WORKSPACE_FLAG,
    });
    const logPath = requirePositional(positionals, 0, 'the events.jsonl file');
    if (values.out === undefined) {
      throw new UsageError('missing --out <dir>: the folder for drill.json and drill.html');
    }
    const speed = speedOf(values.speed);
    const workspace = requireNamedPaths(values.workspace, [
      { path: logPath, kind: 'file' },
      ...(values.scenario === undefined ? [] : [{ path: values.scenario, kind: 'file' as const, flag: '--scenario' }]),
      ...(values.answers === undefined ? [] : [{ path: values.answers, kind: 'file' as const, flag: '--answers' }]),
    ]);
    const { events, drill, torn } = readDrill(logPath, values.scenario, { workspace, named: true });
    if (torn) {
      io.err(`${logPath}: the last line was cut short; it is left out`);
    }
    const player = new DrillPlayer(events, drill);
    let card: DrillScorecard;
    if (values.answers !== undefined) {
      const answersPath = values.answers;
      const answers = parseAnswerLines(readText(answersPath, 'answers file'), answersPath);
      if (speed !== null) {
        await paced(player, events, speed, io);
      }
      card = playRecorded(player, answers, answersPath);
    } else {
      card = await askOnTerminal(player, events, speed, io);
    }
    const out = resolve(values.out);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'drill.json'), `${JSON.stringify(card, null, 2)}\n`);
    writeFileSync(join(out, 'drill.html'), renderDrillHtml(card));
    const files = [join(out, 'drill.json'), join(out, 'drill.html')];
    if (values.json) {
      io.out(JSON.stringify({ ...card, files }, null, 2));
    } else {
      io.out(formatScorecard(card, files));
    }
    return card.summary.correct === card.summary.stops ? 0 : 1;
  },
};

function speedOf(text: string | undefined): number | null {
  if (text === undefined || text === 'max') {
    return null;
  }
  const speed = Number(text);
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new UsageError(`--speed: expected a number above 0 (event time per real time) or max, got "${text}"`);
  }
  return speed;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new InputError(path, `${what} not found`);
  }
}

/** Asks at each stop; an empty line or the end of input leaves the stop unanswered. */
async function askOnTerminal(player: DrillPlayer, events: readonly RunEvent[], speed: number | null, io: CliIo): Promise<DrillScorecard> {
  const terminal = createInterface({ input: process.stdin, terminal: false });
  // One iterator over the lines: it buffers lines typed (or piped) ahead of the question.
  const lines = terminal[Symbol.asyncIterator]();
  const intro = player.scorecard().intro;
  if (intro !== '') {
    io.err(`${intro}\n`);
  }
  let shown = 0;
  try {
    for (let position = player.position; position.at === 'stop'; position = player.position) {
      shown = await feed(events, shown, position.stop.seq, speed, io);
      io.err(stopText(position.stop, position.index, player.stops.length));
      const asked = Date.now();
      let answer = null;
      for (;;) {
        io.err('> ');
        const next = await lines.next();
        if (next.done === true || next.value.trim() === '') {
          break;
        }
        const typed = parseTypedAnswer(next.value, position.stop.options);
        if (typed.ok) {
          answer = typed.answer;
          break;
        }
        io.err(typed.problem);
      }
      const debrief = player.answer(position.stop.id, answer, Date.now() - asked);
      io.err(`${answerText(answer)}. Debrief: ${debrief}\n`);
    }
    // Every stop answered: the rest of the run is no longer the future.
    io.err('== what happened next ==');
    await feed(events, shown, events.at(-1)?.seq ?? 0, speed, io);
  } finally {
    terminal.close();
  }
  return player.scorecard();
}

/** Headless with a speed: the log's events up to each stop, paced, without asking. */
async function paced(player: DrillPlayer, events: readonly RunEvent[], speed: number, io: CliIo): Promise<void> {
  let shown = 0;
  for (const stop of player.stops) {
    shown = await feed(events, shown, stop.seq, speed, io);
    io.err(stopText(stop, player.stops.indexOf(stop), player.stops.length));
  }
}

/** Prints the activity lines of the events after `shown` up to `until`, pausing by event time / speed. */
async function feed(events: readonly RunEvent[], shown: number, until: number, speed: number | null, io: CliIo): Promise<number> {
  let previous: number | null = null;
  for (const event of events) {
    if (event.seq <= shown || event.seq > until) {
      continue;
    }
    const at = event.eventTime === null ? null : parseEventTime(event.eventTime);
    if (speed !== null && at !== null && previous !== null && at > previous) {
      await new Promise((done) => setTimeout(done, Math.min(MAX_PAUSE_MS, (at - previous!) / speed)));
    }
    previous = at ?? previous;
    const line = activityOf(event);
    if (line !== null) {
      io.err(`${event.eventTime ?? ''.padEnd(19)}  ${line.text}`);
    }
  }
  return until;
}

function stopText(stop: DrillStop, index: number, total: number): string {
  const options = stop.options.map((o) => (o === 'investigate' ? 'investigate <feature | layer N>' : o)).join(' | ');
  return `\n== stop ${index + 1} of ${total}: ${stop.id} (event ${stop.seq}${stop.eventTime === null ? '' : `, ${stop.eventTime}`}) ==\n${stop.trigger}\n${stop.question}\n[${options}]  ${Math.round(stop.timeAllowedMs / 1000)} s allowed`;
}

function formatScorecard(card: DrillScorecard, files: readonly string[]): string {
  const lines = card.stops.map((s) => {
    const time = s.decisionMs === null ? 'not timed' : `${(s.decisionMs / 1000).toFixed(1)} s`;
    const head = `${s.words.outcome.padEnd(16)} ${s.stop.id}: ${s.words.answer} (expected ${s.words.expected}; ${time})`;
    return s.words.damage === null ? head : `${head}\n${' '.repeat(17)}missed rollback: ${s.words.damage}`;
  });
  const sum = card.summary;
  return [
    `Drill ${card.scenario.name}: ${sum.correct} of ${sum.stops} right (${sum.late} late, ${sum.wrong} wrong, ${sum.unanswered} unanswered; ${sum.missedRollbacks} missed rollbacks)`,
    ...lines,
    ...files,
  ].join('\n');
}
