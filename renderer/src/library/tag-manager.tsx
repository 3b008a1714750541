import { useEffect, useState } from 'react';
import type { TagChangeResult, TagCount } from '@shared/model';
import { api } from '../api';
import { OverlayBackdrop, OverlayHeader } from '../ui/overlay';
import { useDialogEscape } from '../ui/use-keys';

interface Props {
  onClose(): void;
  /** After any change: the new tags, and what to tell the user. */
  onChanged(message: string): void;
}

type Editing = { kind: 'rename'; tag: string } | { kind: 'merge' } | { kind: 'delete'; tag: string } | null;

/** Rename, merge and delete tags across the whole library, with how many articles carry each. */
export function TagManager({ onClose, onChanged }: Props) {
  const [tags, setTags] = useState<TagCount[] | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<Editing>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  useDialogEscape(() => (editing ? setEditing(null) : onClose()));

  useEffect(() => {
    api.listTags().then(setTags, (e: Error) => setError(e.message));
  }, []);

  const run = async (change: Promise<TagChangeResult>, message: (r: TagChangeResult) => string) => {
    try {
      const result = await change;
      setTags(result.tags);
      setPicked(new Set());
      setEditing(null);
      setError(null);
      onChanged(message(result));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const articles = (n: number) => `${n.toLocaleString()} article${n === 1 ? '' : 's'}`;

  const submit = () => {
    const name = draft.trim();
    if (!editing || (editing.kind !== 'delete' && !name)) return;
    if (editing.kind === 'rename')
      void run(
        api.renameTag(editing.tag, name),
        (r) => `Renamed “${editing.tag}” to “${name}” on ${articles(r.changed)}`,
      );
    else if (editing.kind === 'merge')
      void run(
        api.mergeTags([...picked], name),
        (r) => `Merged ${picked.size} tags into “${name}” on ${articles(r.changed)}`,
      );
    else void run(api.deleteTag(editing.tag), (r) => `Deleted “${editing.tag}” from ${articles(r.changed)}`);
  };

  const shown = (tags ?? []).filter((t) => t.name.toLowerCase().includes(filter.trim().toLowerCase()));
  const togglePick = (name: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    <OverlayBackdrop onClose={onClose}>
      <div className="dialog tag-manager" role="dialog" aria-modal="true" aria-labelledby="tag-manager-title">
        <OverlayHeader
          titleId="tag-manager-title"
          title="Manage tags"
          closeLabel="Close tag manager"
          onClose={onClose}
        />
        <div className="tag-manager-bar">
          <input
            className="field"
            type="search"
            aria-label="Filter tags"
            placeholder="Filter tags"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            autoFocus
          />
          <button
            type="button"
            className="primary-button small"
            disabled={picked.size < 2}
            onClick={() => {
              setEditing({ kind: 'merge' });
              setDraft([...picked][0] ?? '');
            }}
          >
            Merge {picked.size >= 2 ? picked.size : ''} tags…
          </button>
        </div>
        {editing && (
          <form
            className="tag-manager-edit"
            aria-label={
              editing.kind === 'merge' ? 'Merge tags' : editing.kind === 'rename' ? 'Rename tag' : 'Delete tag'
            }
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            {editing.kind === 'delete' ? (
              <p>Remove “{editing.tag}” from every article? The articles stay in your library.</p>
            ) : (
              <label>
                <span>
                  {editing.kind === 'merge'
                    ? `Merge ${[...picked].map((t) => `“${t}”`).join(', ')} into`
                    : `Rename “${editing.tag}” to`}
                </span>
                <input
                  className="field"
                  aria-label="New tag name"
                  value={draft}
                  maxLength={100}
                  autoFocus
                  onChange={(e) => setDraft(e.target.value)}
                />
              </label>
            )}
            <div className="dialog-actions">
              <button type="button" className="text-button" onClick={() => setEditing(null)}>
                Cancel
              </button>
              <button type="submit" className={`primary-button small${editing.kind === 'delete' ? ' danger' : ''}`}>
                {editing.kind === 'merge' ? 'Merge' : editing.kind === 'rename' ? 'Rename' : 'Delete tag'}
              </button>
            </div>
          </form>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <ul className="tag-manager-list" aria-label="All tags">
          {tags !== null && shown.length === 0 && (
            <li className="muted tag-manager-empty">{tags.length ? 'No tag matches.' : 'No tags yet.'}</li>
          )}
          {shown.map((t) => (
            <li key={t.name} className={picked.has(t.name) ? 'picked' : undefined}>
              <label className="tag-manager-name">
                <input
                  type="checkbox"
                  checked={picked.has(t.name)}
                  onChange={() => togglePick(t.name)}
                  aria-label={`Pick ${t.name}`}
                />
                <span>{t.name}</span>
              </label>
              <span className="nav-count" aria-label={articles(t.count)}>
                {t.count.toLocaleString()}
              </span>
              <button
                type="button"
                className="text-button"
                aria-label={`Rename ${t.name}`}
                onClick={() => {
                  setEditing({ kind: 'rename', tag: t.name });
                  setDraft(t.name);
                }}
              >
                Rename
              </button>
              <button
                type="button"
                className="text-button danger"
                aria-label={`Delete ${t.name}`}
                onClick={() => setEditing({ kind: 'delete', tag: t.name })}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
        <p className="dialog-hint">Tags match whatever their case; renaming onto an existing tag merges the two.</p>
      </div>
    </OverlayBackdrop>
  );
}
