import { useEffect, useRef, useState } from 'react';
import type { ArticleExportFormat } from '@shared/transfer/article-export';
import { ExportIcon } from '../ui/icons';

export const EXPORT_CHOICES: { format: ArticleExportFormat; label: string }[] = [
  { format: 'markdown', label: 'Markdown folder (Obsidian)' },
  { format: 'epub', label: 'EPUB e-book' },
  { format: 'json', label: 'Offprint JSON (with content)' },
  { format: 'csv', label: 'CSV spreadsheet' },
  { format: 'netscape', label: 'Browser bookmarks (HTML)' },
];

/** The bulk bar's "Export…": a button opening the list of formats; Escape or a click elsewhere closes it. */
export function ExportMenu({ onExport }: { onExport(format: ArticleExportFormat): void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);
  return (
    <div className="export-menu" ref={root}>
      <button
        type="button"
        className="bulk-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <ExportIcon />
        <span>Export…</span>
      </button>
      {open && (
        <div className="export-menu-list" role="menu" aria-label="Export as">
          {EXPORT_CHOICES.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                onExport(format);
              }}
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
