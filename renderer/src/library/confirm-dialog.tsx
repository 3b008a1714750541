import { useEffect, useRef } from 'react';
import { OverlayBackdrop } from '../ui/overlay';
import { useDialogEscape } from '../ui/use-keys';

interface Props {
  title: string;
  message: string;
  confirm: string;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog({ title, message, confirm, onConfirm, onCancel }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useDialogEscape(onCancel);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <OverlayBackdrop onClose={onCancel}>
      <div className="dialog confirm-dialog" role="alertdialog" aria-modal="true" aria-label={title}>
        <h2 className="dialog-title">{title}</h2>
        <p>{message}</p>
        <div className="dialog-actions">
          <button ref={cancelRef} type="button" className="text-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="primary-button small danger" onClick={onConfirm}>
            {confirm}
          </button>
        </div>
      </div>
    </OverlayBackdrop>
  );
}
