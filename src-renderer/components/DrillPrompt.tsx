/**
 * The drill's question at a stop: why it stopped, what is asked, the actions it
 * offers (investigate takes a feature or a layer), and after an answer the debrief.
 */
import { useState } from 'react';
import type { DrillAction, DrillAnswer, DrillState } from '../../src-main/contract/drill';

const ACTION_NAMES: Readonly<Record<DrillAction, string>> = { hold: 'Hold', investigate: 'Investigate', rollback: 'Roll back', promote: 'Promote' };

export interface DrillPromptProps {
  readonly state: DrillState;
  /** True while the timeline plays up to the stop: the question waits for it. */
  readonly playing: boolean;
  readonly onAnswer: (answer: DrillAnswer | null) => void;
}

export function DrillPrompt({ state, playing, onAnswer }: DrillPromptProps) {
  const [target, setTarget] = useState('');
  const stop = state.stop;
  const investigate = (): void => {
    const text = target.trim();
    // The engine reads whether the text names a layer or a feature.
    onAnswer(text === '' ? { action: 'investigate' } : { action: 'investigate', feature: text });
    setTarget('');
  };
  return (
    <section className="rail-section drill-prompt" aria-label="Drill">
      <header className="rail-header">
        <h2>Drill: {state.scenario.name}</h2>
        <span className="muted" data-testid="drill-progress">
          {state.answered} of {state.stops} answered
        </span>
      </header>
      {state.answered === 0 && state.intro !== '' && <p className="drill-intro">{state.intro}</p>}
      {state.last && (
        <div className={`drill-debrief drill-${state.last.outcome}`} data-testid="drill-debrief">
          <p>
            <strong>{state.last.words.outcome}</strong>: you chose {state.last.words.answer}; expected {state.last.words.expected}.
          </p>
          {state.last.words.damage && <p className="drill-damage">Missed rollback: {state.last.words.damage}</p>}
          <p>{state.last.debrief}</p>
        </div>
      )}
      {stop && (
        <div className="drill-stop" data-testid="drill-stop" data-stop={stop.id} data-seq={stop.seq}>
          <h3>
            Stop {state.answered + 1} of {state.stops}
            {stop.eventTime ? ` · ${stop.eventTime.replace('T', ' ')}` : ''}
          </h3>
          <p className="drill-trigger">{stop.trigger}</p>
          <p className="drill-question">{stop.question}</p>
          {playing ? (
            <p className="muted">Playing the run up to this moment…</p>
          ) : (
            <div className="drill-actions">
              {stop.options
                .filter((o) => o !== 'investigate')
                .map((action) => (
                  <button type="button" key={action} onClick={() => onAnswer({ action })}>
                    {ACTION_NAMES[action]}
                  </button>
                ))}
              {stop.options.includes('investigate') && (
                <span className="drill-investigate">
                  <input
                    aria-label="Feature or layer to investigate"
                    placeholder="feature, or layer 1-4"
                    value={target}
                    onChange={(e) => setTarget(e.target.value)}
                  />
                  <button type="button" onClick={investigate}>
                    Investigate
                  </button>
                </span>
              )}
              <p className="note">{Math.round(stop.timeAllowedMs / 1000)} s allowed; the clock runs from when the question appears.</p>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
