import { useEffect, useRef } from 'react';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@shared/model';
import { CloseIcon, NoteIcon, TrashIcon } from '../ui/icons';
import { NoteEditor } from './note-editor';
import type { AnchoredHighlight } from './use-highlights';

interface Props {
  items: AnchoredHighlight[];
  editingId: string | null;
  activeId: string | null;
  onEdit(id: string | null): void;
  onSelect(id: string): void;
  onSaveNote(id: string, note: string): Promise<void>;
  onColor(id: string, color: HighlightColor): void;
  onDelete(id: string): void;
  onClose(): void;
  /** The orphan waiting for the user to select its new passage, if any. */
  reattachingId: string | null;
  onReattach(id: string | null): void;
  onCopyMarkdown(): void;
  onExport(format: 'markdown' | 'json'): void;
}

/** The article's notebook: highlights in reading order, then any that no longer anchor. */
export function HighlightsPanel(props: Props) {
  const { items, editingId, activeId, onEdit, onSelect, onSaveNote, onColor, onDelete, onClose } = props;
  const { reattachingId, onReattach, onCopyMarkdown, onExport } = props;
  const anchored = items.filter((i) => i.span);
  const orphaned = items.filter((i) => !i.span);
  const renderItem = (item: AnchoredHighlight) => (
    <HighlightItem
      key={item.highlight.id}
      item={item}
      editing={editingId === item.highlight.id}
      active={activeId === item.highlight.id}
      onEdit={onEdit}
      onSelect={onSelect}
      onSaveNote={onSaveNote}
      onColor={onColor}
      onDelete={onDelete}
      reattaching={reattachingId === item.highlight.id}
      onReattach={onReattach}
    />
  );
  return (
    <aside className="highlights-panel" aria-label="Highlights">
      <header className="panel-header">
        <h2>
          Highlights <span className="count">{items.length}</span>
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close highlights" title="Close">
          <CloseIcon />
        </button>
      </header>
      {items.length === 0 ? (
        <p className="panel-empty">
          Select a passage and press <kbd>h</kbd> to highlight it, or <kbd>n</kbd> to add a note.
        </p>
      ) : (
        <ol className="highlight-list">{anchored.map(renderItem)}</ol>
      )}
      {items.length > 0 && (
        <div className="panel-export" role="group" aria-label="Export highlights">
          <button type="button" className="text-button" onClick={onCopyMarkdown}>
            Copy as Markdown
          </button>
          <button type="button" className="text-button" onClick={() => onExport('markdown')}>
            Export Markdown…
          </button>
          <button type="button" className="text-button" onClick={() => onExport('json')}>
            Export JSON…
          </button>
        </div>
      )}
      {orphaned.length > 0 && (
        <section className="orphaned" aria-label="Orphaned highlights">
          <h3>Orphaned</h3>
          <p className="panel-hint">
            These passages are no longer in the article text; the highlights and notes are kept. Re-attach one by
            selecting its new passage, or delete it.
          </p>
          <ol className="highlight-list">{orphaned.map(renderItem)}</ol>
        </section>
      )}
    </aside>
  );
}

interface ItemProps extends Pick<Props, 'onEdit' | 'onSelect' | 'onSaveNote' | 'onColor' | 'onDelete' | 'onReattach'> {
  item: AnchoredHighlight;
  editing: boolean;
  active: boolean;
  reattaching: boolean;
}

function HighlightItem({
  item,
  editing,
  active,
  onEdit,
  onSelect,
  onSaveNote,
  onColor,
  onDelete,
  reattaching,
  onReattach,
}: ItemProps) {
  const { highlight, span, display } = item;
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active || editing) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [active, editing]);
  return (
    <li
      ref={ref}
      className={`highlight-item hl-item-${highlight.color}${active ? ' active' : ''}${span ? '' : ' orphan'}`}
      data-highlight-id={highlight.id}
    >
      <button
        type="button"
        className="highlight-quote"
        disabled={!span}
        onClick={() => onSelect(highlight.id)}
        title={span ? 'Show in article' : 'This passage could not be found in the article'}
      >
        {display}
      </button>
      {editing ? (
        <NoteEditor
          initial={highlight.note}
          onSave={async (note) => {
            await onSaveNote(highlight.id, note);
            onEdit(null);
          }}
          onCancel={() => onEdit(null)}
        />
      ) : (
        highlight.note && <p className="highlight-note">{highlight.note}</p>
      )}
      {!editing && (
        <div className="highlight-actions">
          <button type="button" className="text-button" onClick={() => onEdit(highlight.id)}>
            <NoteIcon /> {highlight.note ? 'Edit note' : 'Add note'}
          </button>
          {!span && (
            <button
              type="button"
              className="text-button"
              aria-pressed={reattaching}
              onClick={() => onReattach(reattaching ? null : highlight.id)}
            >
              {reattaching ? 'Select the passage…' : 'Re-attach'}
            </button>
          )}
          <span className="swatches" role="group" aria-label="Colour">
            {HIGHLIGHT_COLORS.map((color) => (
              <button
                key={color}
                type="button"
                className={`swatch swatch-small swatch-${color}`}
                aria-label={`Colour ${color}`}
                aria-pressed={highlight.color === color}
                onClick={() => onColor(highlight.id, color)}
              />
            ))}
          </span>
          <button
            type="button"
            className="icon-button danger"
            aria-label="Delete highlight"
            title="Delete highlight"
            onClick={() => onDelete(highlight.id)}
          >
            <TrashIcon />
          </button>
        </div>
      )}
    </li>
  );
}
