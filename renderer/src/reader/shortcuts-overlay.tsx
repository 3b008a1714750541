import { useEffect, useRef } from 'react';
import { OverlayBackdrop, OverlayHeader } from '../ui/overlay';
import { ShortcutList } from '../ui/shortcut-list';
import { READER_SHORTCUTS } from './reader-shortcuts';

export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <OverlayBackdrop onClose={onClose}>
      <div
        ref={ref}
        className="shortcuts-overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === '?') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <OverlayHeader
          titleId="shortcuts-title"
          title="Keyboard shortcuts"
          closeLabel="Close shortcuts"
          onClose={onClose}
        />
        <div className="shortcut-groups">
          {READER_SHORTCUTS.map(({ group, items }) => (
            <section key={group} aria-label={group}>
              <h3>{group}</h3>
              <ShortcutList shortcuts={items} rowClassName="shortcut-row" />
            </section>
          ))}
        </div>
      </div>
    </OverlayBackdrop>
  );
}
