import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleMeta, ArticleWithContent, HighlightColor } from '@shared/model';
import { api } from '../api';
import { backToLibrary } from '../route';
import { ArchiveIcon, BackIcon, InboxIcon, PanelIcon, StarIcon, TagIcon } from '../ui/icons';
import type { useTheme } from '../ui/theme';
import { ThemeButton } from '../ui/theme-button';
import { useToast } from '../ui/toast';
import { useHotkeys } from '../ui/use-hotkeys';
import { ArticleBody } from './article-body';
import { ArticleHeader } from './article-header';
import { selectedSpan } from './current-selection';
import { HighlightsPanel } from './highlights-panel';
import { flashHighlight } from './paint-highlights';
import { SelectionToolbar } from './selection-toolbar';
import { TagEditor } from './tag-editor';
import { useHighlights } from './use-highlights';
import { useReadingProgress } from './use-reading-progress';

type Theme = ReturnType<typeof useTheme>;
const PANEL_KEY = 'offprint.highlightsPanel';

export function ReaderView({ id, theme }: { id: string; theme: Theme }) {
  const [loaded, setLoaded] = useState<{ article?: ArticleWithContent; error?: string; id: string }>({ id });
  useEffect(() => {
    let live = true;
    api.getArticle(id).then(
      (article) => live && setLoaded({ article, id }),
      (error: Error) => live && setLoaded({ error: error.message, id }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  useHotkeys({ u: backToLibrary, Escape: backToLibrary }, !loaded.article);

  if (loaded.id === id && loaded.article) return <Reader key={id} article={loaded.article} theme={theme} />;
  return (
    <div className="reader reader-placeholder">
      {loaded.id === id && loaded.error ? (
        <div className="reader-error" role="alert">
          <h1>This article could not be opened</h1>
          <p>{loaded.error}</p>
          <button type="button" className="primary-button" onClick={backToLibrary}>
            Back to the library
          </button>
        </div>
      ) : (
        <p className="muted loading">Opening…</p>
      )}
    </div>
  );
}

function Reader({ article, theme }: { article: ArticleWithContent; theme: Theme }) {
  const notify = useToast();
  const [meta, setMeta] = useState<ArticleMeta>(article);
  const [text, setText] = useState('');
  const [panelOpen, setPanelOpen] = useState(() => localStorage.getItem(PANEL_KEY) === 'open');
  const [editingId, setEditingId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [tagsOpen, setTagsOpen] = useState(false);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [bar, setBar] = useState<HTMLElement | null>(null);
  const bodyRef = useRef<HTMLDivElement | null>(null);

  const { anchored, add, update, remove } = useHighlights(article.id, article.highlights, text, bodyRef.current);
  const paintable = useMemo(
    () => anchored.flatMap(({ highlight, span }) => (span ? [{ id: highlight.id, color: highlight.color, span }] : [])),
    [anchored],
  );
  useReadingProgress(article.id, scroller, bar, article.progress, text !== '');

  const showPanel = useCallback((open: boolean) => {
    setPanelOpen(open);
    localStorage.setItem(PANEL_KEY, open ? 'open' : 'closed');
  }, []);

  const fail = useCallback((error: unknown) => notify((error as Error).message), [notify]);

  const highlightSelection = useCallback(
    async (color: HighlightColor) => {
      const span = selectedSpan(bodyRef.current, text);
      if (!span) {
        notify('Select a passage in the article first.');
        return null;
      }
      try {
        const created = await add(span, color);
        window.getSelection()?.removeAllRanges();
        return created;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    [add, fail, notify, text],
  );

  const noteSelection = useCallback(async () => {
    const created = await highlightSelection('yellow');
    if (!created) return;
    showPanel(true);
    setEditingId(created.id);
  }, [highlightSelection, showPanel]);

  const toggleArchived = useCallback(async () => {
    try {
      const next = await api.setArchived(meta.id, !meta.archived);
      setMeta(next);
      notify(next.archived ? 'Moved to Archive' : 'Moved back to Inbox');
    } catch (error) {
      fail(error);
    }
  }, [meta, notify, fail]);

  const toggleFavourite = useCallback(async () => {
    try {
      const next = await api.setFavourite(meta.id, !meta.favourite);
      setMeta(next);
      notify(next.favourite ? 'Added to Favourites' : 'Removed from Favourites');
    } catch (error) {
      fail(error);
    }
  }, [meta, notify, fail]);

  const selectHighlight = useCallback((id: string) => {
    setActiveId(id);
    if (bodyRef.current) flashHighlight(bodyRef.current, id);
  }, []);

  const onMarkClick = useCallback(
    (id: string) => {
      showPanel(true);
      setActiveId(id);
    },
    [showPanel],
  );

  const escape = () => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) selection.removeAllRanges();
    else if (tagsOpen) setTagsOpen(false);
    else backToLibrary();
  };

  useHotkeys({
    u: backToLibrary,
    Escape: escape,
    e: () => void toggleArchived(),
    f: () => void toggleFavourite(),
    t: () => setTagsOpen(true),
    h: () => void highlightSelection('yellow'),
    n: () => void noteSelection(),
  });

  return (
    <div className={`reader${panelOpen ? ' with-panel' : ''}`}>
      <div className="reader-main" ref={setScroller}>
        <div className="reading-progress" aria-hidden="true">
          <div className="reading-progress-bar" ref={setBar} />
        </div>
        <nav className="reader-toolbar" aria-label="Article">
          <button type="button" className="icon-button" onClick={backToLibrary} aria-label="Back to library" title="Back (u)">
            <BackIcon />
          </button>
          <span className="toolbar-title" aria-hidden="true">
            {meta.title}
          </span>
          <div className="toolbar-group">
            <div className="popover-anchor">
              <button
                type="button"
                className={`icon-button${meta.tags.length ? ' has-value' : ''}`}
                onClick={() => setTagsOpen((open) => !open)}
                aria-label="Tags"
                aria-expanded={tagsOpen}
                title="Tags (t)"
              >
                <TagIcon />
                {meta.tags.length > 0 && <span className="badge">{meta.tags.length}</span>}
              </button>
              {tagsOpen && (
                <TagEditor
                  tags={meta.tags}
                  onAdd={async (tag) => setMeta(await api.addTag(meta.id, tag))}
                  onRemove={async (tag) => setMeta(await api.removeTag(meta.id, tag))}
                  onClose={() => setTagsOpen(false)}
                />
              )}
            </div>
            <button
              type="button"
              className={`icon-button${meta.favourite ? ' is-on' : ''}`}
              onClick={() => void toggleFavourite()}
              aria-label={meta.favourite ? 'Remove from favourites' : 'Favourite'}
              aria-pressed={meta.favourite}
              title="Favourite (f)"
            >
              <StarIcon filled={meta.favourite} />
            </button>
            <button
              type="button"
              className="icon-button"
              onClick={() => void toggleArchived()}
              aria-label={meta.archived ? 'Move to Inbox' : 'Archive'}
              title={meta.archived ? 'Move to Inbox (e)' : 'Archive (e)'}
            >
              {meta.archived ? <InboxIcon /> : <ArchiveIcon />}
            </button>
            <button
              type="button"
              className={`icon-button${panelOpen ? ' is-on' : ''}`}
              onClick={() => showPanel(!panelOpen)}
              aria-label="Highlights"
              aria-pressed={panelOpen}
              title="Highlights and notes"
            >
              <PanelIcon />
              {anchored.length > 0 && <span className="badge">{anchored.length}</span>}
            </button>
            <ThemeButton preference={theme.preference} onCycle={theme.cycle} />
          </div>
        </nav>
        <article className="reader-article" lang={article.lang ?? undefined} dir={article.dir ?? undefined}>
          <ArticleHeader article={meta} />
          {article.contentMissing && (
            <p className="article-notice" role="alert">
              The saved text of this article is missing from the library folder. Use “Original” to read it on the web.
            </p>
          )}
          <ArticleBody ref={bodyRef} content={article.content} highlights={paintable} onText={setText} onMarkClick={onMarkClick} />
        </article>
        <footer className="reader-end">
          <button type="button" className="text-button" onClick={() => void toggleArchived()}>
            {meta.archived ? 'Move back to Inbox' : 'Done reading? Archive it'} <kbd>e</kbd>
          </button>
        </footer>
      </div>
      {panelOpen && (
        <HighlightsPanel
          items={anchored}
          editingId={editingId}
          activeId={activeId}
          onEdit={setEditingId}
          onSelect={selectHighlight}
          onSaveNote={(id, note) => update(id, { note })}
          onColor={(id, color) => void update(id, { color }).catch(fail)}
          onDelete={(id) => void remove(id).catch(fail)}
          onClose={() => showPanel(false)}
        />
      )}
      <SelectionToolbar
        root={bodyRef.current}
        scroller={scroller}
        onHighlight={(color) => void highlightSelection(color)}
        onNote={() => void noteSelection()}
      />
    </div>
  );
}
