/**
 * The bar of DESIGN.md's main screen: Run, Pause/Resume, Step, speed, Promote, Roll back, Stop,
 * Export. A control is enabled exactly when the engine says the run accepts it (`accepts`).
 */
import type { RunCommand, RunCommandKind, RunSpeed } from '../../src-main/contract/events';
import type { RunChoice } from '../../src-main/contract/rehearsalApi';
import type { RunControlState } from '../../src-main/contract/runView';
import { speedLabel } from '../format';

export interface RunControlsProps {
  readonly canRun: boolean;
  readonly control: RunControlState | null;
  readonly speed: RunSpeed;
  readonly speeds: RunChoice<RunSpeed> | null;
  readonly onRun: () => void;
  readonly onCommand: (command: RunCommand) => void;
  readonly onSpeed: (speed: RunSpeed) => void;
}

export function RunControls({ canRun, control, speed, speeds, onRun, onCommand, onSpeed }: RunControlsProps) {
  const accepts = (kind: RunCommandKind) => control?.accepts.includes(kind) ?? false;
  const paused = control?.state === 'paused';
  return (
    <div className="run-controls" role="toolbar" aria-label="Run controls">
      <button type="button" className="primary" onClick={onRun} disabled={!canRun}>
        ▶ Run
      </button>
      {paused ? (
        <button type="button" onClick={() => onCommand({ kind: 'resume' })} disabled={!accepts('resume')}>
          ▶ Resume
        </button>
      ) : (
        <button type="button" onClick={() => onCommand({ kind: 'pause' })} disabled={!accepts('pause')}>
          ❚❚ Pause
        </button>
      )}
      <button type="button" onClick={() => onCommand({ kind: 'step' })} disabled={!accepts('step')} title="Let a paused run go on by one chunk or window">
        ▶❚ Step
      </button>
      <div className="segmented speed" role="radiogroup" aria-label="Speed">
        {(speeds?.options ?? []).map((s) => (
          <button
            key={String(s)}
            type="button"
            role="radio"
            aria-checked={s === speed}
            className={s === speed ? 'on' : ''}
            onClick={() => (control && accepts('speed') ? onCommand({ kind: 'speed', speed: s }) : onSpeed(s))}
            disabled={control !== null && !accepts('speed') && control.state !== 'finished'}
          >
            {speedLabel(s)}
          </button>
        ))}
      </div>
      <span className="divider" />
      <button type="button" onClick={() => onCommand({ kind: 'promote' })} disabled={!accepts('promote')} title="Send all traffic to green">
        Promote
      </button>
      <button
        type="button"
        className="danger"
        onClick={() => onCommand({ kind: 'rollback', reason: 'rolled back by hand from the app' })}
        disabled={!accepts('rollback')}
        title="All traffic back to blue at once"
      >
        ↺ Roll back
      </button>
      <button type="button" onClick={() => onCommand({ kind: 'stop' })} disabled={!accepts('stop')} title="Stop the run; its report is still written">
        ■ Stop
      </button>
    </div>
  );
}
