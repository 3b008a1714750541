import { useEffect, useRef, useState } from 'react';
import type { ProtocolLinkRequest } from '@shared/protocol-link';
import { api } from '../api';
import { useDialogEscape } from '../ui/use-keys';
import { markAlreadySaved } from '../reader/already-saved';
import { navigate } from '../route';
import { OverlayBackdrop } from '../ui/overlay';
import { useToast } from '../ui/toast';
import '../styles/protocol-links.css';

/**
 * Answers offprint:// links. Any web page can fire one, so a save is shown and waits for the
 * user's yes: nothing is fetched before it. An open link opens the article; a malformed one is explained.
 */
export function ProtocolLinkPrompt() {
  const notify = useToast();
  const [asked, setAsked] = useState<string | null>(null);

  useEffect(
    () =>
      api.on('protocolLink', (request: ProtocolLinkRequest) => {
        if (request.action === 'save') setAsked(request.url);
        else if (request.action === 'open') navigate({ name: 'reader', id: request.id });
        else notify(request.message);
      }),
    [notify],
  );

  if (!asked) return null;
  const save = async (url: string) => {
    setAsked(null);
    try {
      const { article, existed } = await api.saveUrl(url);
      if (existed) markAlreadySaved(article.id);
      else notify(`Saved “${article.title}”`);
      navigate({ name: 'reader', id: article.id });
    } catch (error) {
      notify(`Could not save ${url}: ${(error as Error).message}`);
    }
  };
  return <ConfirmSave url={asked} onSave={() => void save(asked)} onCancel={() => setAsked(null)} />;
}

function ConfirmSave({ url, onSave, onCancel }: { url: string; onSave(): void; onCancel(): void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useDialogEscape(onCancel);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <OverlayBackdrop onClose={onCancel}>
      <div className="dialog confirm-dialog" role="alertdialog" aria-modal="true" aria-label="Save this page?">
        <h2 className="dialog-title">Save this page?</h2>
        <p>A link asks Offprint to save this page. Save it only if you just asked for it:</p>
        <p className="protocol-link-url">{url}</p>
        <div className="dialog-actions">
          <button ref={cancelRef} type="button" className="text-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="primary-button small" onClick={onSave}>
            Save
          </button>
        </div>
      </div>
    </OverlayBackdrop>
  );
}
