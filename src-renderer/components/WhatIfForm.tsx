/** One knob of one resource profile changed on a finished run: the engine reruns what it affects; when the new run ends, the comparison opens. */
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../src-main/contract/history';
import type { WhatIfHandle } from '../../src-main/contract/rehearsalApi';
import { useApi } from '../api';
import { runLabel } from '../hooks/useRunHistory';

const KNOBS = [
  { knob: 'memory', label: 'Memory', example: '512Mi' },
  { knob: 'cpus', label: 'CPUs', example: '0.5' },
  { knob: 'maxBatch', label: 'Max batch', example: '16' },
  { knob: 'queueDelay', label: 'Queue delay', example: '5ms' },
] as const;

export function WhatIfForm({ run, onClose, onDone }: { run: RunSummary; onClose: () => void; onDone: (from: string, to: string) => void }) {
  const api = useApi();
  const [profile, setProfile] = useState<'staging' | 'production'>('production');
  const [knob, setKnob] = useState<(typeof KNOBS)[number]['knob']>('maxBatch');
  const [value, setValue] = useState('1');
  const [handle, setHandle] = useState<WhatIfHandle | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (handle === null) {
      return undefined;
    }
    return api.onDidEmitEvent((runId, event) => {
      if (runId === handle.runId && event.kind === 'run.finished') {
        onDone(handle.from, handle.runId);
      }
    });
  }, [api, handle, onDone]);
  const start = () => {
    setError(null);
    api
      .startWhatIf({ runId: run.runId, profile, settings: [`${knob}=${value}`] })
      .then(setHandle, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const example = KNOBS.find((k) => k.knob === knob)!.example;
  return (
    <section className="whatif" aria-labelledby="whatif-title">
      <h2 id="whatif-title">What-if from {runLabel(run)}</h2>
      <div className="whatif-fields">
        <label>
          Profile
          <select value={profile} onChange={(e) => setProfile(e.target.value as 'staging' | 'production')}>
            <option value="staging">staging</option>
            <option value="production">production</option>
          </select>
        </label>
        <label>
          Knob
          <select value={knob} onChange={(e) => setKnob(e.target.value as (typeof KNOBS)[number]['knob'])}>
            {KNOBS.map((k) => (
              <option key={k.knob} value={k.knob}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Value
          <input value={value} placeholder={example} onChange={(e) => setValue(e.target.value)} />
        </label>
        <button type="button" className="primary" disabled={handle !== null || value.trim() === ''} onClick={start}>
          Run what-if
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {handle && (
        <p role="status" data-testid="whatif-status">
          Rerunning {handle.rerun.join(', ')}; carried over as they were: {handle.carried.join(', ') || 'nothing'}. The comparison opens when it ends.
        </p>
      )}
    </section>
  );
}
