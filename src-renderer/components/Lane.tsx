/** One lane of the timeline (or the load panel): its chart, or the engine's reason it has none. */
import type { ReactNode } from 'react';
import type { LaneSlot } from '../../src-main/contract/runView';

/** A titled lane; draws `children(data)` when measured, else says it is waiting, or "not measured in this run" and why. */
export function Lane<T>({
  id,
  title,
  hint,
  slot,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  slot: LaneSlot<T> | null;
  children: (data: T) => ReactNode;
}) {
  const state = slot === null ? 'idle' : slot.measured ? 'measured' : 'pending' in slot ? 'pending' : 'not-measured';
  return (
    <section className={`lane-card lane-${state}`} data-lane={id} data-state={state} aria-label={title}>
      <header className="lane-header">
        <h3>{title}</h3>
        <span className="lane-hint">{hint}</span>
      </header>
      {slot === null && <p className="lane-empty">Run a scenario to fill this lane.</p>}
      {slot !== null && !slot.measured && (
        <div className={`lane-empty ${state}`}>
          <strong>{state === 'pending' ? 'Waiting for the run' : 'Not measured in this run'}</strong>
          <span>{slot.reason}</span>
        </div>
      )}
      {slot !== null && slot.measured && <div className="lane-chart">{children(slot.data)}</div>}
    </section>
  );
}
