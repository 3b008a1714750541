import type { ArticleMeta, TagCount } from '@shared/model';
import { tagKey } from '@shared/library/tag-key';
import { OverlayBackdrop } from '../ui/overlay';
import { TagChip } from '../ui/tag-chip';
import { TagInput } from '../ui/tag-input';
import { useDialogEscape } from '../ui/use-keys';

interface Props {
  /** The articles being tagged (the selection, or the row under the cursor). */
  articles: ArticleMeta[];
  /** The library's tags, for suggestions. */
  known: TagCount[];
  onAdd(tag: string): void;
  onRemove(tag: string): void;
  onClose(): void;
}

/** "t" in the list: add a tag to (or take one off) the chosen articles. */
export function TagPopover({ articles, known, onAdd, onRemove, onClose }: Props) {
  useDialogEscape(onClose);
  const count = articles.length;
  const current = new Map<string, string>();
  for (const a of articles) for (const t of a.tags) if (!current.has(tagKey(t))) current.set(tagKey(t), t);
  const title =
    count === 1 ? `Tags of “${articles[0]?.title ?? 'this article'}”` : `Tag ${count.toLocaleString()} articles`;

  return (
    <OverlayBackdrop onClose={onClose}>
      <div className="dialog tag-popover" role="dialog" aria-modal="true" aria-label="Tags">
        <h2 className="dialog-title">{title}</h2>
        <div className="tag-chips" aria-label="Current tags">
          {current.size === 0 && <span className="muted">No tags yet</span>}
          {[...current.values()].map((tag) => (
            <TagChip key={tag} name={tag} onRemove={() => onRemove(tag)} />
          ))}
        </div>
        <TagInput
          known={known}
          exclude={[...current.values()]}
          label="Add a tag"
          placeholder="Add a tag and press Enter"
          autoFocus
          onPick={onAdd}
        />
        <p className="dialog-hint">
          <kbd>Enter</kbd> adds · <kbd>Esc</kbd> closes
        </p>
      </div>
    </OverlayBackdrop>
  );
}
