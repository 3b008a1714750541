import { useCallback, useEffect, useState } from 'react';

export interface UndoOffer {
  message: string;
  run(): Promise<unknown>;
  /** A new offer replaces the old one on screen, rather than updating it in place. */
  key: number;
}

/** One "Undo" offer at a time, withdrawn after `lifetimeMs`. */
export function useUndoOffer(lifetimeMs: number) {
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  useEffect(() => {
    if (!offer) return;
    const timer = window.setTimeout(() => setOffer(null), lifetimeMs);
    return () => window.clearTimeout(timer);
  }, [offer, lifetimeMs]);
  const offerUndo = useCallback(
    (message: string, run: () => Promise<unknown>) => setOffer({ message, run, key: Date.now() }),
    [],
  );
  const withdraw = useCallback(() => setOffer(null), []);
  return { offer, offerUndo, withdraw };
}

/** The status line with an Undo button, for an action that can be taken back for a few seconds. */
export function UndoToast({ offer, onUndo }: { offer: UndoOffer | null; onUndo(offer: UndoOffer): void }) {
  return (
    <div className="undo-region" role="status" aria-live="polite">
      {offer && (
        <div className="toast undo-toast" key={offer.key}>
          <span>{offer.message}</span>
          <button type="button" className="toast-action" onClick={() => onUndo(offer)}>
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
