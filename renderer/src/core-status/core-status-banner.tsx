import { useEffect, useState } from 'react';
import type { CoreStatus } from '@shared/ipc/contract';
import { api } from '../api';
import { announceLibraryChanged } from '../import/library-changed';
import { CloseIcon } from '../ui/icons';
import '../styles/core-status.css';

/**
 * The library's own process stopped: said at once, over every view, until it is back (then the
 * views load again, and the note can be dismissed) or could not be brought back (it stays).
 */
export function CoreStatusBanner() {
  const [status, setStatus] = useState<CoreStatus | null>(null);
  useEffect(
    () =>
      api.on('coreStatus', (next) => {
        setStatus(next);
        if (next.state === 'restarted') announceLibraryChanged();
      }),
    [],
  );
  if (!status) return null;
  const trouble = status.state !== 'restarted';
  return (
    <div className={`core-status${trouble ? ' core-status-trouble' : ''}`} role={trouble ? 'alert' : 'status'}>
      <p>{status.message}</p>
      {status.state === 'restarted' && (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setStatus(null)}>
          <CloseIcon />
        </button>
      )}
    </div>
  );
}
