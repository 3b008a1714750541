import { useEffect, useState } from 'react';
import type { TagCount } from '@shared/model';
import { api } from '../api';
import { TagChip } from '../ui/tag-chip';
import { TagInput } from '../ui/tag-input';

interface Props {
  tags: string[];
  onAdd(tag: string): Promise<void>;
  onRemove(tag: string): Promise<void>;
  onClose(): void;
}

/** A small popover: the article's tags as chips, and a field to add one (suggesting existing tags). */
export function TagEditor({ tags, onAdd, onRemove, onClose }: Props) {
  const [known, setKnown] = useState<TagCount[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listTags().then(setKnown, () => setKnown([]));
  }, []);

  const report = (e: Error) => setError(e.message);

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
          <TagChip key={tag} name={tag} onRemove={() => void onRemove(tag).catch(report)} />
        ))}
      </div>
      <TagInput
        known={known}
        exclude={tags}
        label="Add a tag"
        placeholder="Add a tag and press Enter"
        autoFocus
        onPick={(tag) => void onAdd(tag).then(() => setError(null), report)}
        onEscape={onClose}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
