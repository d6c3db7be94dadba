/** Resource profile, backend and execution provider, with what this version does with each choice. */
import type { LaunchState, RunRequest } from '../../src-main/contract/rehearsalApi';

/** The choices of a run request a person makes in the rail. */
export type RunOptionValues = Required<Pick<RunRequest, 'profile' | 'backend' | 'executionProvider'>>;

export function RunOptions({
  choices,
  values,
  disabled,
  onChange,
}: {
  choices: LaunchState['choices'];
  values: RunOptionValues;
  disabled: boolean;
  onChange: (values: RunOptionValues) => void;
}) {
  const rows = [
    { key: 'profile', label: 'Resource profile', choice: choices.profile },
    { key: 'backend', label: 'Backend', choice: choices.backend },
    { key: 'executionProvider', label: 'Execution provider', choice: choices.executionProvider },
  ] as const;
  return (
    <section className="rail-section" aria-label="Run options">
      <header className="rail-header">
        <h2>Run options</h2>
      </header>
      {rows.map(({ key, label, choice }) => (
        <div key={key} className="option">
          <span className="option-label">{label}</span>
          <div className="segmented" role="radiogroup" aria-label={label}>
            {choice.options.map((option) => (
              <button
                key={option}
                type="button"
                role="radio"
                aria-checked={values[key] === option}
                className={values[key] === option ? 'on' : ''}
                disabled={disabled}
                onClick={() => onChange({ ...values, [key]: option })}
              >
                {option}
              </button>
            ))}
          </div>
          {choice.note && <p className="note">{choice.note}</p>}
        </div>
      ))}
    </section>
  );
}
