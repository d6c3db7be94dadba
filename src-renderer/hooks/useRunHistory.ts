/** The runs folder's list, from the engine, refreshed on demand. */
import { useCallback, useEffect, useState } from 'react';
import type { RunSummary } from '../../src-main/contract/history';
import { useApi } from '../api';

export function useRunHistory(): { runs: readonly RunSummary[] | null; error: string | null; refresh: () => void } {
  const api = useApi();
  const [runs, setRuns] = useState<readonly RunSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    api.listRuns().then(
      (list) => {
        setRuns(list);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [api]);
  useEffect(refresh, [refresh]);
  return { runs, error, refresh };
}

/** A run as a person picks it: scenario, start time and the start of its id. */
export function runLabel(run: RunSummary): string {
  return `${run.scenario} · ${(run.startedAt ?? '').slice(0, 19).replace('T', ' ')} · ${run.runId.slice(0, 8)}${run.whatIf ? ' (what-if)' : ''}`;
}
