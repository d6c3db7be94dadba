/**
 * A drill as the app plays it: the player, the time each stop was reached (so an
 * answer is timed by the engine, not by the page), and the run view as of the current stop. The
 * view is cut here, on the engine's side: the page never receives an event past the stop, even
 * if it asks for one.
 */
import type { DrillAnswer, DrillState } from '../../../contract/drill';
import type { RunEvent } from '../../../contract/events';
import type { RunView, RunViewQuery } from '../../../contract/runView';
import type { Clock } from '../ports/clock';
import type { DrillSection } from '../scenario/sections/drill';
import { runView } from '../view/runView';
import { DrillPlayer } from './drillPlayer';
import { normalizedAnswer } from './typedAnswer';

/** One open drill. */
export class DrillSession {
  private readonly player: DrillPlayer;
  private reachedAt: number;

  constructor(
    readonly drillId: string,
    private readonly events: readonly RunEvent[],
    drill: DrillSection,
    private readonly outDir: string,
    private readonly clock: Clock,
  ) {
    this.player = new DrillPlayer(events, drill);
    this.reachedAt = clock.monotonic();
  }

  /** Where the drill stands. */
  state(): DrillState {
    const card = this.player.scorecard();
    const position = this.player.position;
    const answered = position.at === 'stop' ? position.index : card.stops.length;
    return {
      drillId: this.drillId,
      scenario: card.scenario,
      intro: card.intro,
      stops: card.stops.length,
      answered,
      stop: position.at === 'stop' ? position.stop : null,
      visibleSeq: this.player.visibleSeq,
      last: answered === 0 ? null : card.stops[answered - 1]!,
      scorecard: position.at === 'end' ? card : null,
    };
  }

  /** Answers the current stop, timed from when it was reached. */
  answer(answer: DrillAnswer | null): DrillState {
    const position = this.player.position;
    if (position.at === 'end') {
      throw new Error('the drill has ended: every stop is answered');
    }
    const now = this.clock.monotonic();
    this.player.answer(position.stop.id, answer === null ? null : normalizedAnswer(answer), Math.round(now - this.reachedAt));
    this.reachedAt = now;
    return this.state();
  }

  /** The run as of the current stop (or earlier, when `untilSeq` asks for less), for a stretch of event time. */
  view(query: RunViewQuery = {}): RunView {
    const visible = this.player.visibleEvents();
    const untilSeq = Math.min(query.untilSeq ?? this.player.visibleSeq, this.player.visibleSeq);
    const started = this.events.find((e) => e.kind === 'run.started');
    return runView(
      {
        runId: started?.kind === 'run.started' ? started.runId : this.drillId,
        outDir: this.outDir,
        events: visible,
        control: { state: 'finished', speed: 'max', phase: null, accepts: [] },
      },
      { ...query, untilSeq },
    );
  }
}
