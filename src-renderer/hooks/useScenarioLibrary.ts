/**
 * The scenarios the rail offers and the choices the app opens with, as the engine reports them at
 * launch; a file opened by path joins the list once the engine has validated it.
 */
import { useEffect, useState } from 'react';
import type { RunSpeed } from '../../src-main/contract/events';
import type { LaunchState } from '../../src-main/contract/rehearsalApi';
import type { ScenarioSummary } from '../../src-main/contract/scenarioSummary';
import { useApi } from '../api';
import type { RunOptionValues } from '../components/RunOptions';

/** The scenario library's state and what changes it. */
export interface ScenarioLibraryState {
  readonly launch: LaunchState | null;
  readonly scenarios: readonly ScenarioSummary[];
  readonly selected: string | null;
  readonly select: (path: string | null) => void;
  /** The selected scenario's summary, when it is in the list. */
  readonly current: ScenarioSummary | null;
  readonly options: RunOptionValues | null;
  readonly setOptions: (options: RunOptionValues) => void;
  /** The speed a new run starts at, and the one the controls show before a run reports its own. */
  readonly speed: RunSpeed;
  readonly setSpeed: (speed: RunSpeed) => void;
  /** Validates a scenario file through the engine, adds it to the list and selects it. */
  readonly openFile: (path: string) => Promise<void>;
}

/** Loads the launch state once; `fail` hears why it could not. */
export function useScenarioLibrary(fail: (error: unknown) => void): ScenarioLibraryState {
  const api = useApi();
  const [launch, setLaunch] = useState<LaunchState | null>(null);
  const [scenarios, setScenarios] = useState<readonly ScenarioSummary[]>([]);
  const [selected, select] = useState<string | null>(null);
  const [options, setOptions] = useState<RunOptionValues | null>(null);
  const [speed, setSpeed] = useState<RunSpeed>('max');
  useEffect(() => {
    Promise.all([api.getLaunch(), api.listScenarios()]).then(([state, builtIn]) => {
      setLaunch(state);
      const first = state.scenario;
      setScenarios(first && !builtIn.some((s) => s.path === first.path) ? [first, ...builtIn] : builtIn);
      select(first?.path ?? builtIn[0]?.path ?? null);
      setOptions({
        profile: state.choices.profile.initial,
        backend: state.choices.backend.initial,
        executionProvider: state.choices.executionProvider.initial,
      });
      setSpeed(state.choices.speed.initial);
    }, fail);
  }, [api]);
  const openFile = async (path: string) => {
    const summary = await api.validateScenario(path);
    setScenarios([...scenarios.filter((s) => s.path !== summary.path), summary]);
    select(summary.path);
  };
  const current = scenarios.find((s) => s.path === selected) ?? null;
  return { launch, scenarios, selected, select, current, options, setOptions, speed, setSpeed, openFile };
}
