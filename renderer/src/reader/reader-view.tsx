import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { ArticleMeta, ArticleWithContent, HighlightColor } from '@shared/model';
import { articleToMarkdown, quoteWithCitation } from '@shared/transfer/markdown-export';
import { api } from '../api';
import { backToLibrary } from '../route';
import { ReaderSettingsPopover } from '../settings/reader-settings-popover';
import { UNDO_WINDOW_MS } from '@shared/library/undo-window';
import { readerStyle, stepSize, updateReaderSettings, useReaderSettings } from '../settings/reader-settings';
import type { useTheme } from '../ui/theme';
import { useToast } from '../ui/toast';
import { isEditable, useHotkeys } from '../ui/use-hotkeys';
import { ArticleBody } from './article-body';
import { ArticleHeader } from './article-header';
import { currentRange, selectedSpan } from './current-selection';
import { FindBar } from './find-bar';
import { HighlightPopover } from './highlight-popover';
import { HighlightsPanel } from './highlights-panel';
import { flashHighlight, marksOf } from './paint-highlights';
import { useReadAloud } from './read-aloud';
import { ReaderToolbar, type ReaderPopover } from './reader-toolbar';
import { SelectionToolbar } from './selection-toolbar';
import { ShortcutsOverlay } from './shortcuts-overlay';
import { headingsOf, TableOfContents } from './table-of-contents';
import { TagEditor } from './tag-editor';
import { readableText } from './text-offsets';
import { UndoToast, useUndoOffer } from '../ui/undo-offer';
import { AlreadySavedNotice, UpdateStatus, useUpdateFromWeb } from './update-from-web';
import { clearAlreadySaved, wasAlreadySaved } from './already-saved';
import { useHighlights } from './use-highlights';
import { useReadingProgress } from './use-reading-progress';

type Theme = ReturnType<typeof useTheme>;
const PANEL_KEY = 'offprint.highlightsPanel';
const LINE_STEP = 72;

export function ReaderView({ id, theme, highlightId }: { id: string; theme: Theme; highlightId?: string }) {
  const [loaded, setLoaded] = useState<{ article?: ArticleWithContent; error?: string; id: string }>({ id });
  // Bumped by "Update from the web": the article is read again and the reader starts afresh on the new copy.
  const [version, setVersion] = useState(0);
  const onUpdated = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    api.getArticle(id).then(
      (article) => live && setLoaded({ article, id }),
      (error: Error) => live && setLoaded({ error: error.message, id }),
    );
    return () => {
      live = false;
    };
  }, [id, version]);
  useHotkeys({ u: backToLibrary, Escape: backToLibrary }, !loaded.article);

  if (loaded.id === id && loaded.article) {
    return (
      <Reader
        key={`${id}/${loaded.article.updatedAt}`}
        article={loaded.article}
        theme={theme}
        highlightId={highlightId}
        onUpdated={onUpdated}
      />
    );
  }
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

/** Goes back to the library and puts the cursor in its search field. */
function searchLibrary(): void {
  backToLibrary();
  let tries = 0;
  const focus = () => {
    const field = document.querySelector<HTMLInputElement>('input[aria-label="Search articles"]');
    if (field) field.focus();
    else if (tries++ < 30) requestAnimationFrame(focus);
  };
  requestAnimationFrame(focus);
}

function Reader({
  article,
  theme,
  highlightId,
  onUpdated,
}: {
  article: ArticleWithContent;
  theme: Theme;
  highlightId?: string;
  onUpdated(): void;
}) {
  const notify = useToast();
  const settings = useReaderSettings();
  const [meta, setMeta] = useState<ArticleMeta>(article);
  const [text, setText] = useState('');
  const [panelOpen, setPanelOpen] = useState(() => localStorage.getItem(PANEL_KEY) === 'open');
  const [editingId, setEditingId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [popover, setPopover] = useState<ReaderPopover>(null);
  const [findOpen, setFindOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [editor, setEditor] = useState<{ id: string; rect: DOMRect; editNote: boolean } | null>(null);
  const [reattachingId, setReattachingId] = useState<string | null>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [bar, setBar] = useState<HTMLElement | null>(null);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  const body = text ? bodyRef.current : null;

  const { anchored, add, update, remove, undoDelete, canUndo, reattach } = useHighlights(
    article.id,
    article.highlights,
    text,
    body,
  );
  const { offer: undoOffer, offerUndo, withdraw: withdrawUndo } = useUndoOffer(UNDO_WINDOW_MS);
  const paintable = useMemo(
    () => anchored.flatMap(({ highlight, span }) => (span ? [{ id: highlight.id, color: highlight.color, span }] : [])),
    [anchored],
  );
  const headings = useMemo(() => (text ? headingsOf(bodyRef.current) : []), [text]);
  const readAloud = useReadAloud(body, article.lang, notify);

  const fail = useCallback((error: unknown) => notify((error as Error).message), [notify]);

  const [alreadySaved, setAlreadySaved] = useState(() => wasAlreadySaved(article.id));
  useEffect(clearAlreadySaved, []);
  const updateFromWeb = useUpdateFromWeb(
    meta,
    useCallback(() => {
      notify('Updated from the web');
      onUpdated();
    }, [notify, onUpdated]),
  );

  const toggleArchived = useCallback(async () => {
    try {
      const next = await api.setArchived(meta.id, !meta.archived);
      setMeta(next);
      notify(next.archived ? 'Moved to Archive' : 'Moved back to Inbox');
    } catch (error) {
      fail(error);
    }
  }, [meta, notify, fail]);

  const onFinished = useCallback(() => {
    if (!settings.archiveWhenFinished || meta.archived) return;
    api.setArchived(meta.id, true).then((next) => {
      setMeta(next);
      notify('Finished — moved to the Archive');
    }, fail);
  }, [settings.archiveWhenFinished, meta, notify, fail]);

  const progress = useReadingProgress({
    articleId: article.id,
    readingMinutes: article.readingMinutes,
    scroller,
    bar,
    body,
    initialProgress: article.progress,
    ready: text !== '',
    skipRestore: Boolean(highlightId),
    onFinished,
  });

  // Opened from the Clips view: go straight to the highlight.
  const jumped = useRef(false);
  useEffect(() => {
    if (!highlightId || jumped.current || !body || paintable.length === 0) return;
    jumped.current = true;
    setActiveId(highlightId);
    requestAnimationFrame(() => flashHighlight(body, highlightId, 'instant'));
  }, [highlightId, body, paintable]);

  const showPanel = useCallback((open: boolean) => {
    setPanelOpen(open);
    localStorage.setItem(PANEL_KEY, open ? 'open' : 'closed');
  }, []);

  const highlightSelection = useCallback(
    async (color: HighlightColor, note = '') => {
      const span = selectedSpan(bodyRef.current, text);
      if (!span) {
        notify('Select a passage in the article first.');
        return null;
      }
      if (color !== settings.lastColor) updateReaderSettings({ lastColor: color });
      const selected = currentRange();
      try {
        const created = await add(span, color, note);
        // Clear only the selection that was highlighted: the reader may have selected more meanwhile.
        if (selected && currentRange() === selected) window.getSelection()?.removeAllRanges();
        return created;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    [add, fail, notify, text, settings.lastColor],
  );

  const noteSelection = useCallback(async () => {
    const rect = currentRange()?.getBoundingClientRect() ?? null;
    const created = await highlightSelection(settings.lastColor);
    if (created && rect) setEditor({ id: created.id, rect, editNote: true });
  }, [highlightSelection, settings.lastColor]);

  const copyQuote = useCallback(async () => {
    const span = selectedSpan(bodyRef.current, text);
    if (!span || !bodyRef.current) return;
    try {
      await navigator.clipboard.writeText(quoteWithCitation(readableText(bodyRef.current, span), meta));
      notify('Copied as a Markdown quote');
    } catch (error) {
      fail(error);
    }
  }, [text, meta, notify, fail]);

  const reattachSelection = useCallback(async () => {
    const span = selectedSpan(bodyRef.current, text);
    if (!span || !reattachingId) return;
    try {
      await reattach(reattachingId, span);
      window.getSelection()?.removeAllRanges();
      setReattachingId(null);
      notify('Highlight re-attached');
    } catch (error) {
      fail(error);
    }
  }, [text, reattachingId, reattach, notify, fail]);

  const undo = useCallback(async () => {
    try {
      const restored = await undoDelete();
      withdrawUndo();
      if (restored) notify('Highlight restored');
    } catch (error) {
      fail(error);
    }
  }, [undoDelete, withdrawUndo, notify, fail]);

  const deleteHighlight = useCallback(
    async (id: string) => {
      try {
        await remove(id);
        setEditor(null);
        offerUndo('Highlight deleted', undo);
      } catch (error) {
        fail(error);
      }
    },
    [remove, fail, offerUndo, undo],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        !(event.ctrlKey || event.metaKey) ||
        event.key.toLowerCase() !== 'z' ||
        event.shiftKey ||
        isEditable(event.target)
      )
        return;
      if (!canUndo()) return;
      event.preventDefault();
      void undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, canUndo]);

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

  const onMarkClick = useCallback((id: string, mark: HTMLElement) => {
    setActiveId(id);
    setEditor({ id, rect: mark.getBoundingClientRect(), editNote: false });
  }, []);

  /** The next or previous highlight from the middle of the view. */
  const stepHighlight = (direction: 1 | -1) => {
    const root = bodyRef.current;
    if (!root || paintable.length === 0) return;
    const middle = window.innerHeight / 2;
    const tops = paintable.map((p) => ({ id: p.id, top: marksOf(root, p.id)[0]?.getBoundingClientRect().top ?? 0 }));
    const target =
      direction > 0 ? tops.find((t) => t.top > middle + 8) : [...tops].reverse().find((t) => t.top < middle - 8);
    if (target) selectHighlight(target.id);
    else notify(direction > 0 ? 'No more highlights below' : 'No more highlights above');
  };

  const scrollBy = (top: number) => scroller?.scrollBy({ top, behavior: 'smooth' });
  const page = (event: KeyboardEvent) => scrollBy((event.shiftKey ? -1 : 1) * ((scroller?.clientHeight ?? 600) - 80));

  const escape = () => {
    const selection = window.getSelection();
    if (editor) setEditor(null);
    else if (selection && !selection.isCollapsed) selection.removeAllRanges();
    else if (reattachingId) setReattachingId(null);
    else if (popover) setPopover(null);
    else if (findOpen) setFindOpen(false);
    else backToLibrary();
  };

  const overlayOpen = shortcutsOpen;
  useHotkeys(
    {
      u: backToLibrary,
      Escape: escape,
      j: () => scrollBy(LINE_STEP),
      ArrowDown: () => scrollBy(LINE_STEP),
      k: () => scrollBy(-LINE_STEP),
      ArrowUp: () => scrollBy(-LINE_STEP),
      ' ': page,
      PageDown: () => scrollBy((scroller?.clientHeight ?? 600) - 80),
      PageUp: () => scrollBy(-((scroller?.clientHeight ?? 600) - 80)),
      e: () => void toggleArchived(),
      f: () => void toggleFavourite(),
      t: () => setPopover('tags'),
      s: () => setPopover((p) => (p === 'settings' ? null : 'settings')),
      c: () => headings.length && setPopover((p) => (p === 'toc' ? null : 'toc')),
      h: () => void highlightSelection(settings.lastColor),
      n: () => void noteSelection(),
      '[': () => stepHighlight(-1),
      ']': () => stepHighlight(1),
      Enter: () => {
        const root = bodyRef.current;
        const mark = activeId && root ? marksOf(root, activeId)[0] : null;
        if (mark) setEditor({ id: activeId!, rect: mark.getBoundingClientRect(), editNote: false });
      },
      '+': () => stepSize(1),
      '=': () => stepSize(1),
      '-': () => stepSize(-1),
      o: () => void api.openExternal(meta.url).catch(fail),
      p: () => showPanel(!panelOpen),
      r: () => void readAloud.toggle(),
      '/': searchLibrary,
      '?': () => setShortcutsOpen(true),
      'mod+f': () => setFindOpen(true),
    },
    !overlayOpen,
  );

  const resolvedTheme = settings.theme === 'system' ? theme.resolved : settings.theme;
  const editing = editor && anchored.find((a) => a.highlight.id === editor.id)?.highlight;
  const reattaching = reattachingId ? anchored.find((a) => a.highlight.id === reattachingId) : undefined;

  return (
    <div
      className={`reader${panelOpen ? ' with-panel' : ''}${settings.justify ? ' justify' : ''} font-${settings.font}`}
      data-reader-theme={resolvedTheme}
      style={readerStyle(settings) as CSSProperties}
    >
      <div className="reader-main" ref={setScroller}>
        <div className="reading-progress" aria-hidden="true">
          <div className="reading-progress-bar" ref={setBar} />
        </div>
        <ReaderToolbar
          meta={meta}
          minutesLeft={progress.minutesLeft}
          finished={progress.finished}
          highlightCount={anchored.length}
          panelOpen={panelOpen}
          popover={popover}
          hasContents={headings.length > 0}
          readAloud={readAloud.state}
          onBack={backToLibrary}
          onPopover={setPopover}
          onFind={() => setFindOpen(true)}
          onReadAloud={() => void readAloud.toggle()}
          onFavourite={() => void toggleFavourite()}
          onArchive={() => void toggleArchived()}
          onPanel={() => showPanel(!panelOpen)}
          onUpdate={() => void updateFromWeb.run()}
          updating={updateFromWeb.running}
          renderPopover={(which) =>
            which === 'settings' ? (
              <ReaderSettingsPopover onClose={() => setPopover(null)} />
            ) : which === 'toc' ? (
              <TableOfContents headings={headings} onClose={() => setPopover(null)} />
            ) : (
              <TagEditor
                tags={meta.tags}
                onAdd={async (tag) => setMeta(await api.addTag(meta.id, tag))}
                onRemove={async (tag) => setMeta(await api.removeTag(meta.id, tag))}
                onClose={() => setPopover(null)}
              />
            )
          }
        />
        {findOpen && <FindBar body={body} text={text} onClose={() => setFindOpen(false)} />}
        <article className="reader-article" lang={article.lang ?? undefined} dir={article.dir ?? undefined}>
          <ArticleHeader article={meta} />
          {alreadySaved && !updateFromWeb.running && (
            <AlreadySavedNotice meta={meta} update={updateFromWeb} onClose={() => setAlreadySaved(false)} />
          )}
          <UpdateStatus update={updateFromWeb} />
          {article.contentMissing && (
            <p className="article-notice" role="alert">
              The saved text of this article is missing from the library folder.{' '}
              <button
                type="button"
                className="text-button"
                disabled={updateFromWeb.running}
                onClick={() => void updateFromWeb.run()}
              >
                Update from the web
              </button>{' '}
              to restore it, or use “Original” to read it on the web.
            </p>
          )}
          <ArticleBody
            ref={bodyRef}
            content={article.content}
            highlights={paintable}
            onText={setText}
            onMarkClick={onMarkClick}
          />
        </article>
        <footer className="reader-end">
          <button type="button" className="text-button" onClick={() => void toggleArchived()}>
            {meta.archived ? 'Move back to Inbox' : 'Done reading? Archive it'} <kbd>e</kbd>
          </button>
          <button type="button" className="text-button" onClick={() => setShortcutsOpen(true)}>
            Keyboard shortcuts <kbd>?</kbd>
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
          onDelete={(id) => void deleteHighlight(id)}
          onClose={() => showPanel(false)}
          reattachingId={reattachingId}
          onReattach={(id) => {
            setReattachingId(id);
            if (id) notify('Select the passage this highlight belongs to, then choose “Re-attach here”.');
          }}
          onCopyMarkdown={() => {
            const inOrder = anchored.map((a) => a.highlight);
            navigator.clipboard
              .writeText(articleToMarkdown(meta, inOrder))
              .then(() => notify('Highlights copied as Markdown'), fail);
          }}
          onExport={(format) => {
            api
              .exportHighlights({ articleId: meta.id, format })
              .then((result) => result.written && notify(`Exported to ${result.files.join(', ')}`), fail);
          }}
        />
      )}
      <SelectionToolbar
        root={body}
        scroller={scroller}
        lastColor={settings.lastColor}
        onHighlight={(color) => void highlightSelection(color)}
        onNote={() => void noteSelection()}
        onCopyQuote={() => void copyQuote()}
        reattachLabel={reattaching ? 'Re-attach here' : undefined}
        onReattach={reattaching ? () => void reattachSelection() : undefined}
      />
      {editor && editing && (
        <HighlightPopover
          key={editor.id}
          highlight={editing}
          anchor={editor.rect}
          editNote={editor.editNote}
          onColor={(color) => {
            updateReaderSettings({ lastColor: color });
            void update(editor.id, { color }).catch(fail);
          }}
          onSaveNote={(note) => update(editor.id, { note })}
          onDelete={() => void deleteHighlight(editor.id)}
          onClose={() => setEditor(null)}
        />
      )}
      <UndoToast offer={undoOffer} onUndo={(offer) => void offer.run()} />
      {shortcutsOpen && <ShortcutsOverlay onClose={() => setShortcutsOpen(false)} />}
    </div>
  );
}
