import { forwardRef, useEffect, useState } from 'react';
import type { CaptureProgress, SaveResult } from '@shared/model';
import { api } from '../api';
import { LinkIcon } from '../ui/icons';
import { MOD_KEY } from '../ui/platform';
import { describeCapture } from './capture-stage';

interface Props {
  onSaved(result: SaveResult): void;
}

/** "Save a link": shows each capture stage while it runs and the core's own message when it fails. */
export const AddUrlForm = forwardRef<HTMLInputElement, Props>(function AddUrlForm({ onSaved }, ref) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<CaptureProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => api.on('captureProgress', (event) => setProgress(event)), []);

  const submit = async () => {
    const value = url.trim();
    if (!value || busy) return;
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      const result = await api.saveUrl(value);
      setUrl('');
      onSaved(result);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const { label, fraction } = describeCapture(progress);
  return (
    <form
      className={`add-url${busy ? ' busy' : ''}${error ? ' has-error' : ''}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="field-with-icon">
        <LinkIcon />
        <input
          ref={ref}
          className="field"
          type="text"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          aria-label="Save a link"
          placeholder="Paste a link to save"
          value={url}
          disabled={busy}
          onChange={(event) => {
            setUrl(event.target.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.currentTarget.blur();
              setError(null);
            }
          }}
        />
        <kbd className="field-hint">{MOD_KEY} L</kbd>
        {url.trim() && (
          <button type="submit" className="primary-button small" disabled={busy}>
            Save
          </button>
        )}
      </div>
      {busy && (
        <div className="capture-progress" role="status" aria-live="polite">
          <div className="capture-track">
            <div className="capture-fill" style={{ transform: `scaleX(${fraction})` }} />
          </div>
          <span className="capture-label">{label}</span>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
});
