/**
 * The view of the current run, kept fresh: fetched from the engine when the run or the brushed
 * range changes and again after events of the run arrive (at most a few times a second, and never
 * two requests at once). The engine computes it; the renderer only asks.
 */
import { useEffect, useState } from 'react';
import type { EventTimeRange } from '../../src-main/contract/charts';
import type { RunView } from '../../src-main/contract/runView';
import { useApi } from '../api';

/** How long to gather events before asking for a new view. */
const REFRESH_MS = 120;

/** The run's view for `range` (the whole run when null), and the last error asking for it. */
export function useRunView(runId: string | null, range: EventTimeRange | null): { view: RunView | null; error: string | null } {
  const api = useApi();
  const [view, setView] = useState<RunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (runId === null) {
      setView(null);
      return;
    }
    let active = true;
    let inFlight = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const fetchView = async (): Promise<void> => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      try {
        const next = await api.getRunView(runId, range ?? undefined);
        if (active) {
          setView(next);
          setError(null);
        }
      } catch (e) {
        if (active) {
          setError(e instanceof Error ? e.message : String(e));
        }
      } finally {
        inFlight = false;
        if (again && active) {
          again = false;
          void fetchView();
        }
      }
    };
    void fetchView();
    const unsubscribe = api.onDidEmitEvent((id) => {
      if (id === runId && timer === null) {
        timer = setTimeout(() => {
          timer = null;
          void fetchView();
        }, REFRESH_MS);
      }
    });
    return () => {
      active = false;
      unsubscribe();
      if (timer !== null) {
        clearTimeout(timer);
      }
    };
  }, [api, runId, range]);
  return { view, error };
}
