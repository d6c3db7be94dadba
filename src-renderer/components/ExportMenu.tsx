/** Export of the report from the app, through the engine's report writer (the files the CLI writes). */
import { useState } from 'react';
import type { ExportedReport, RunChoice } from '../../src-main/contract/rehearsalApi';
import type { ReportFormat } from '../../src-main/contract/report';

export function ExportMenu({
  formats,
  disabled,
  onExport,
}: {
  formats: RunChoice<ReportFormat> | null;
  disabled: boolean;
  onExport: (formats: readonly ReportFormat[]) => Promise<ExportedReport>;
}) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<readonly ReportFormat[]>(['html', 'json']);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportedReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = (format: ReportFormat) => setChosen(chosen.includes(format) ? chosen.filter((f) => f !== format) : [...chosen, format]);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await onExport(chosen));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export">
      <button type="button" onClick={() => setOpen(!open)} disabled={disabled} aria-expanded={open}>
        ⇩ Export ▾
      </button>
      {open && (
        <div className="popover" role="dialog" aria-label="Export the report">
          <h4>Export the report</h4>
          <p className="muted">Written from the run's events so far by the same report writer as rehearse run.</p>
          <div className="formats">
            {(formats?.options ?? []).map((format) => (
              <label key={format}>
                <input type="checkbox" checked={chosen.includes(format)} onChange={() => toggle(format)} /> {format}
              </label>
            ))}
          </div>
          {formats?.note && <p className="note">{formats.note}</p>}
          <button type="button" className="primary" onClick={() => void run()} disabled={busy || chosen.length === 0}>
            {busy ? 'Writing…' : 'Write files'}
          </button>
          {error && <p className="error">{error}</p>}
          {result && (
            <div className="export-result" data-testid="export-result">
              <p>
                <strong>{result.verdict}</strong>
                {result.complete ? '' : ' (the run had not finished: the report says what was known then)'}
              </p>
              <ul>
                {result.files.map((f) => (
                  <li key={f.format}>
                    <span className="format">{f.format}</span> <code>{f.path}</code>
                  </li>
                ))}
                {result.skipped.map((s) => (
                  <li key={s.format} className="skipped">
                    <span className="format">{s.format}</span> not written: {s.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
