/** "Open file": a scenario path typed, or picked from the scenario folder; the engine validates it. */
import { useEffect, useState } from 'react';
import { useApi } from '../api';

export function OpenFileDialog({ folder, onOpen, onClose }: { folder: string; onOpen: (path: string) => Promise<void>; onClose: () => void }) {
  const api = useApi();
  const [files, setFiles] = useState<readonly string[]>([]);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listScenarioFiles().then(setFiles, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);
  const open = async () => {
    setBusy(true);
    try {
      await onOpen(path.trim());
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-label="Open a scenario file">
        <h3>Open a scenario file</h3>
        <label className="field-label" htmlFor="scenario-path">
          Path of a scenario file (YAML) on this machine
        </label>
        <input id="scenario-path" type="text" value={path} onChange={(e) => setPath(e.target.value)} placeholder={`${folder}/…`} autoFocus spellCheck={false} />
        <p className="muted">Or pick one from {folder}:</p>
        <ul className="file-list">
          {files.map((f) => (
            <li key={f}>
              <button type="button" className={f === path ? 'selected' : ''} onClick={() => setPath(f)}>
                {f.startsWith(`${folder}/`) ? f.slice(folder.length + 1) : f}
              </button>
            </li>
          ))}
        </ul>
        {error && <p className="error">{error}</p>}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void open()} disabled={busy || path.trim() === ''}>
            Validate and open
          </button>
        </div>
      </div>
    </div>
  );
}
