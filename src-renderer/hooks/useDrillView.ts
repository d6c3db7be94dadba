/**
 * The run as an open drill shows it. When the drill moves to its next stop, the timeline plays
 * up to it in a few frames (the view as of seqs in between); the engine never sends anything past
 * the current stop, whatever the page asks for.
 */
import { useEffect, useRef, useState } from 'react';
import type { EventTimeRange } from '../../src-main/contract/charts';
import type { RunView } from '../../src-main/contract/runView';
import { useApi } from '../api';

/** Frames of the play from one stop to the next, and the time between them. */
const FRAMES = 8;
const FRAME_MS = 90;

/** The drill's view up to `visibleSeq`, played from the last one shown; null before the drill opens. */
export function useDrillView(
  drillId: string | null,
  visibleSeq: number,
  range: EventTimeRange | null,
): { view: RunView | null; playing: boolean; error: string | null } {
  const api = useApi();
  const [view, setView] = useState<RunView | null>(null);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef(0);
  useEffect(() => {
    if (drillId === null) {
      setView(null);
      shown.current = 0;
      return;
    }
    let active = true;
    const from = Math.min(shown.current, visibleSeq);
    const seqs = Array.from({ length: FRAMES }, (_, i) => Math.round(from + ((visibleSeq - from) * (i + 1)) / FRAMES)).filter(
      (seq, i, all) => seq > 0 && all.indexOf(seq) === i,
    );
    const play = async (): Promise<void> => {
      setPlaying(seqs.length > 1);
      try {
        for (const untilSeq of seqs) {
          const next = await api.getDrillView(drillId, { ...(range ?? {}), untilSeq });
          if (!active) {
            return;
          }
          setView(next);
          shown.current = untilSeq;
          if (untilSeq !== visibleSeq) {
            await new Promise((done) => setTimeout(done, FRAME_MS));
          }
        }
        setError(null);
      } catch (e) {
        if (active) {
          setError(e instanceof Error ? e.message : String(e));
        }
      } finally {
        if (active) {
          setPlaying(false);
        }
      }
    };
    void play();
    return () => {
      active = false;
    };
  }, [api, drillId, visibleSeq, range]);
  return { view, playing, error };
}
