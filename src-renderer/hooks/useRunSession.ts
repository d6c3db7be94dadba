/**
 * The run this window follows: started from the selected scenario with the rail's options, steered
 * by the run controls (each command's receipt shown as a message), its view refreshed by
 * useRunView for the brushed range.
 */
import { useEffect, useState } from 'react';
import type { EventTimeRange } from '../../src-main/contract/charts';
import type { PhaseId, RunCommand, RunSpeed } from '../../src-main/contract/events';
import type { ExportedReport } from '../../src-main/contract/rehearsalApi';
import type { ReportFormat } from '../../src-main/contract/report';
import type { RunView } from '../../src-main/contract/runView';
import type { ScenarioSummary } from '../../src-main/contract/scenarioSummary';
import { useApi } from '../api';
import type { RunOptionValues } from '../components/RunOptions';
import { useRunView } from './useRunView';

/** A line above the screen: what a command did, or why something failed. */
export interface AppMessage {
  readonly level: 'info' | 'warn' | 'error';
  readonly text: string;
}

const COMMAND_NAMES: Readonly<Record<RunCommand['kind'], string>> = {
  pause: 'Pause',
  resume: 'Resume',
  step: 'Step',
  speed: 'Speed',
  promote: 'Promote',
  rollback: 'Roll back',
  stop: 'Stop',
};

/** The followed run and what acts on it. */
export interface RunSession {
  readonly runId: string | null;
  readonly view: RunView | null;
  /** The last error asking the engine for the view. */
  readonly viewError: string | null;
  readonly starting: boolean;
  /** A run is starting or going: the options are locked and Run is off. */
  readonly busy: boolean;
  readonly brushed: EventTimeRange | null;
  readonly brush: (range: EventTimeRange | null) => void;
  readonly run: (scenario: ScenarioSummary, options: RunOptionValues, speed: RunSpeed) => Promise<void>;
  readonly command: (command: RunCommand) => Promise<void>;
  readonly exportReport: (formats: readonly ReportFormat[]) => Promise<ExportedReport>;
}

/** `say` shows a message (null clears it); `onSpeed` hears a speed change the engine applied. */
export function useRunSession(say: (message: AppMessage | null) => void, onSpeed: (speed: RunSpeed) => void): RunSession {
  const api = useApi();
  const [runId, setRunId] = useState<string | null>(null);
  const [brushed, setBrushed] = useState<EventTimeRange | null>(null);
  const [starting, setStarting] = useState(false);
  const { view, error } = useRunView(runId, brushed);
  const [following, setFollowing] = useState<PhaseId | null>(null);
  useFollowPhase(view, brushed, following, setBrushed, setFollowing);
  // A range brushed by hand (or "Whole run") stops following the phase until the next one starts.
  const brush = (range: EventTimeRange | null) => {
    setFollowing(null);
    setBrushed(range);
  };
  const fail = (e: unknown) => say({ level: 'error', text: e instanceof Error ? e.message : String(e) });

  const run = async (scenario: ScenarioSummary, options: RunOptionValues, speed: RunSpeed) => {
    setStarting(true);
    brush(null);
    say(null);
    try {
      const handle = await api.startRun({ scenarioPath: scenario.path, ...options, speed });
      setRunId(handle.runId);
    } catch (e) {
      fail(e);
    } finally {
      setStarting(false);
    }
  };
  const command = async (c: RunCommand) => {
    if (runId === null) {
      return;
    }
    try {
      const receipt = await api.controlRun(runId, c);
      if (c.kind === 'speed' && receipt.effect === 'applied') {
        onSpeed(c.speed);
      }
      say({ level: receipt.effect === 'ignored' ? 'warn' : 'info', text: `${COMMAND_NAMES[c.kind]}: ${receipt.note}` });
    } catch (e) {
      fail(e);
    }
  };
  const exportReport = (formats: readonly ReportFormat[]) => api.exportReport(runId!, { formats });
  const busy = starting || (runId !== null && view?.control.state !== 'finished');
  return { runId, view, viewError: error, starting, busy, brushed, brush, run, command, exportReport };
}

/**
 * The eye goes where the run is: when a phase starts, the lanes show its event-time range (as the
 * engine measured it so far) and keep up with it while it runs; at the end of a followed phase the
 * whole run comes back. A phase already seen is not followed again once left.
 */
function useFollowPhase(
  view: RunView | null,
  brushed: EventTimeRange | null,
  following: PhaseId | null,
  setBrushed: (range: EventTimeRange | null) => void,
  setFollowing: (phase: PhaseId | null) => void,
): void {
  const [seen, setSeen] = useState<{ readonly runId: string | null; readonly phases: readonly PhaseId[] }>({ runId: null, phases: [] });
  useEffect(() => {
    const phase = view?.control.phase ?? null;
    const range = phase === null ? undefined : view?.phaseRanges.find((p) => p.phase === phase)?.range;
    const phases = seen.runId === (view?.runId ?? null) ? seen.phases : [];
    if (phase !== null && range !== undefined && !phases.includes(phase)) {
      setSeen({ runId: view!.runId, phases: [...phases, phase] });
      setFollowing(phase);
      setBrushed(range);
    } else if (following !== null && phase === following && range !== undefined && (range.from !== brushed?.from || range.to !== brushed?.to)) {
      setBrushed(range);
    } else if (following !== null && phase !== following) {
      setFollowing(null);
      setBrushed(null);
    }
  }, [view, brushed, following, seen, setBrushed, setFollowing]);
}
