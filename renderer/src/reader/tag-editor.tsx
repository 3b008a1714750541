import { useEffect, useId, useRef, useState } from 'react';
import type { TagCount } from '@shared/model';
import { api } from '../api';
import { TagChip } from '../ui/tag-chip';

interface Props {
  tags: string[];
  onAdd(tag: string): Promise<void>;
  onRemove(tag: string): Promise<void>;
  onClose(): void;
}

/** A small popover: the article's tags as chips, and a field to add one (suggesting existing tags). */
export function TagEditor({ tags, onAdd, onRemove, onClose }: Props) {
  const [draft, setDraft] = useState('');
  const [known, setKnown] = useState<TagCount[]>([]);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    api.listTags().then(setKnown, () => setKnown([]));
  }, []);

  const lower = new Set(tags.map((t) => t.toLowerCase()));
  const suggestions = known.filter((t) => !lower.has(t.name.toLowerCase()));

  const submit = async () => {
    const tag = draft.trim();
    if (!tag) return;
    try {
      await onAdd(tag);
      setDraft('');
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div
      className="popover tag-editor"
      role="dialog"
      aria-label="Tags"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="tag-chips" aria-label="Current tags">
        {tags.length === 0 && <span className="muted">No tags yet</span>}
        {tags.map((tag) => (
          <TagChip key={tag} name={tag} onRemove={() => void onRemove(tag).catch((e: Error) => setError(e.message))} />
        ))}
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <input
          ref={inputRef}
          className="field"
          aria-label="Add a tag"
          placeholder="Add a tag and press Enter"
          list={listId}
          value={draft}
          maxLength={100}
          onChange={(event) => setDraft(event.target.value)}
        />
        <datalist id={listId}>
          {suggestions.map((t) => (
            <option key={t.name} value={t.name} />
          ))}
        </datalist>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
