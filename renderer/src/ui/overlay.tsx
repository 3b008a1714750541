import type { ReactNode } from 'react';
import { CloseIcon } from './icons';

/** The dimmed layer behind a dialog; a press on the layer itself (not the dialog) closes it. */
export function OverlayBackdrop({ onClose, children }: { onClose(): void; children: ReactNode }) {
  return (
    <div className="overlay-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      {children}
    </div>
  );
}

/** A dialog's title, with the button that closes it. */
export function OverlayHeader({
  titleId,
  title,
  closeLabel,
  onClose,
}: {
  titleId: string;
  title: string;
  closeLabel: string;
  onClose(): void;
}) {
  return (
    <header className="overlay-header">
      <h2 id={titleId}>{title}</h2>
      <button type="button" className="icon-button" onClick={onClose} aria-label={closeLabel}>
        <CloseIcon />
      </button>
    </header>
  );
}
