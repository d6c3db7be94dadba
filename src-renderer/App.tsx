/** The app shell: the scenario library with each scenario's validation state. */
import { useEffect, useState } from 'react';
import type { ScenarioSummary } from '../src-main/contract/scenarioSummary';
import { rehearsalApi } from './api';

export function App() {
  const [scenarios, setScenarios] = useState<readonly ScenarioSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    rehearsalApi()
      .listScenarios()
      .then(setScenarios, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <main>
      <h1>Rehearsal</h1>
      {error !== null && <p role="alert">{error}</p>}
      <ul aria-label="scenarios">
        {(scenarios ?? []).map((s) => (
          <li key={s.path}>
            <strong>{s.name}</strong> {s.valid ? s.summary : s.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}
          </li>
        ))}
      </ul>
    </main>
  );
}
