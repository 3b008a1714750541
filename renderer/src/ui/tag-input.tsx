import { useId, useState, type KeyboardEvent } from 'react';
import type { TagCount } from '@shared/model';
import { tagKey } from '@shared/library/tag-key';

interface Props {
  known: TagCount[];
  /** Tags not to suggest (already on the article), compared case-insensitively. */
  exclude?: string[];
  label: string;
  placeholder: string;
  autoFocus?: boolean;
  onPick(tag: string): void;
  onEscape?(): void;
}

const MAX_SUGGESTIONS = 8;

/** A field that suggests existing tags as you type (case-insensitive), most used first. */
export function TagInput({ known, exclude = [], label, placeholder, autoFocus, onPick, onEscape }: Props) {
  const [draft, setDraft] = useState('');
  const [active, setActive] = useState(-1);
  const listId = useId();
  const skip = new Set(exclude.map(tagKey));
  const typed = draft.trim().toLowerCase();
  const suggestions = typed
    ? known
        .filter((t) => !skip.has(tagKey(t.name)) && t.name.toLowerCase().includes(typed))
        .sort(
          (a, b) =>
            Number(b.name.toLowerCase().startsWith(typed)) - Number(a.name.toLowerCase().startsWith(typed)) ||
            b.count - a.count,
        )
        .slice(0, MAX_SUGGESTIONS)
    : [];

  const pick = (tag: string) => {
    const value = tag.trim();
    if (!value) return;
    onPick(value);
    setDraft('');
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => {
        const next = a + step;
        return next >= suggestions.length ? -1 : next < -1 ? suggestions.length - 1 : next;
      });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(active >= 0 && suggestions[active] ? suggestions[active].name : draft);
    } else if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      event.stopPropagation();
      onEscape();
    }
  };

  return (
    <div className="tag-input">
      <input
        className="field"
        role="combobox"
        aria-label={label}
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 && suggestions[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        autoFocus={autoFocus}
        maxLength={100}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      {suggestions.length > 0 && (
        <ul className="tag-suggestions" id={listId} role="listbox" aria-label="Suggested tags">
          {suggestions.map((t, i) => (
            <li
              key={t.name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(t.name);
              }}
            >
              <span>{t.name}</span>
              <span className="nav-count">{t.count}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
