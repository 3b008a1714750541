import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { ArticleWithContent } from '@shared/model';
import { articleToMarkdown } from '@shared/transfer/markdown-export';
import { api } from '../api';
import { backToLibrary, searchLibrary } from '../route';
import { ReaderSettingsPopover } from '../settings/reader-settings-popover';
import { UNDO_WINDOW_MS } from '@shared/library/undo-window';
import { readerStyle, updateReaderSettings, useReaderSettings } from '../settings/reader-settings';
import type { useTheme } from '../ui/theme';
import { useFailureToast, useToast } from '../ui/toast';
import { useKeys } from '../ui/use-keys';
import { ArticleBody } from './article-body';
import { ArticleHeader } from './article-header';
import { FindBar } from './find-bar';
import { HighlightPopover } from './highlight-popover';
import { HighlightsPanel } from './highlights-panel';
import { useReadAloud } from './read-aloud';
import { ReaderToolbar } from './reader-toolbar';
import { SelectionToolbar } from './selection-toolbar';
import { ShortcutsOverlay } from './shortcuts-overlay';
import { headingsOf, TableOfContents } from './table-of-contents';
import { TagEditor } from './tag-editor';
import { UndoToast, useUndoOffer } from '../ui/undo-offer';
import { AlreadySavedNotice, UpdateStatus, useUpdateFromWeb } from './update-from-web';
import { clearAlreadySaved, wasAlreadySaved } from './already-saved';
import { useArticle } from './use-article';
import { useArticleMeta } from './use-article-meta';
import { useHighlightDelete } from './use-highlight-delete';
import { useHighlightFocus } from './use-highlight-focus';
import { useHighlights } from './use-highlights';
import { usePanelOpen } from './use-panel-open';
import { useReaderKeys } from './use-reader-keys';
import { useReaderOverlays } from './use-reader-overlays';
import { useReadingProgress } from './use-reading-progress';
import { useReattach } from './use-reattach';
import { useSelectionActions } from './use-selection-actions';

type Theme = ReturnType<typeof useTheme>;

export function ReaderView({ id, theme, highlightId }: { id: string; theme: Theme; highlightId?: string }) {
  const loaded = useArticle(id);
  useKeys({ u: backToLibrary, Escape: backToLibrary }, { enabled: !loaded.article });

  if (loaded.article) {
    return (
      <Reader
        key={`${id}/${loaded.article.updatedAt}`}
        article={loaded.article}
        theme={theme}
        highlightId={highlightId}
        onUpdated={loaded.reload}
      />
    );
  }
  return (
    <div className="reader reader-placeholder">
      {loaded.error ? (
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
  const fail = useFailureToast();
  const settings = useReaderSettings();
  const { meta, toggleArchived, toggleFavourite, finished, addTag, removeTag } = useArticleMeta(
    article,
    settings.archiveWhenFinished,
  );
  const [text, setText] = useState('');
  const [panelOpen, showPanel] = usePanelOpen();
  const [editingId, setEditingId] = useState<string | null>(null);
  const { popover, setPopover, togglePopover, findOpen, setFindOpen, shortcutsOpen, setShortcutsOpen, closeInnermost } =
    useReaderOverlays();
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
  const paintedIds = useMemo(() => paintable.map((p) => p.id), [paintable]);
  const headings = useMemo(() => (text ? headingsOf(bodyRef.current) : []), [text]);
  const readAloud = useReadAloud(body, article.lang, notify);
  const focus = useHighlightFocus({ body, ids: paintedIds, openAt: highlightId, onNone: notify });
  const { editor, setEditor } = focus;
  const reattaching = useReattach({ bodyRef, text, reattach });
  const selection = useSelectionActions({
    bodyRef,
    text,
    meta,
    lastColor: settings.lastColor,
    add,
    onNoted: useCallback((created, rect) => setEditor({ id: created.id, rect, editNote: true }), [setEditor]),
  });
  const { undo, deleteHighlight } = useHighlightDelete({
    remove,
    undoDelete,
    offerUndo,
    withdrawUndo,
    onDeleted: useCallback(() => setEditor(null), [setEditor]),
  });

  const [alreadySaved, setAlreadySaved] = useState(() => wasAlreadySaved(article.id));
  useEffect(clearAlreadySaved, []);
  const updateFromWeb = useUpdateFromWeb(
    meta,
    useCallback(() => {
      notify('Updated from the web');
      onUpdated();
    }, [notify, onUpdated]),
  );

  const progress = useReadingProgress({
    articleId: article.id,
    readingMinutes: article.readingMinutes,
    scroller,
    bar,
    body,
    initialProgress: article.progress,
    ready: text !== '',
    skipRestore: Boolean(highlightId),
    onFinished: finished,
  });

  /** Esc closes the innermost thing open, and leaves the article when nothing is. */
  const escape = () => {
    const selected = window.getSelection();
    if (editor) setEditor(null);
    else if (selected && !selected.isCollapsed) selected.removeAllRanges();
    else if (reattaching.reattachingId) reattaching.cancel();
    else if (!closeInnermost()) backToLibrary();
  };

  useReaderKeys({
    scroller,
    back: backToLibrary,
    escape,
    archive: () => void toggleArchived(),
    favourite: () => void toggleFavourite(),
    tags: () => setPopover('tags'),
    settings: () => togglePopover('settings'),
    contents: () => headings.length && togglePopover('toc'),
    highlight: () => void selection.highlight(settings.lastColor),
    note: () => void selection.note(),
    stepHighlight: focus.step,
    editActive: focus.editActive,
    openOriginal: () => void api.openExternal(meta.url).catch(fail),
    panel: () => showPanel(!panelOpen),
    readAloud: () => void readAloud.toggle(),
    search: searchLibrary,
    shortcuts: () => setShortcutsOpen(true),
    find: () => setFindOpen(true),
    undo: canUndo() ? () => void undo() : undefined,
  });

  const resolvedTheme = settings.theme === 'system' ? theme.resolved : settings.theme;
  const editing = editor && anchored.find((a) => a.highlight.id === editor.id)?.highlight;
  const reattachingItem = reattaching.reattachingId
    ? anchored.find((a) => a.highlight.id === reattaching.reattachingId)
    : undefined;

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
              <TagEditor tags={meta.tags} onAdd={addTag} onRemove={removeTag} onClose={() => setPopover(null)} />
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
            onMarkClick={focus.openMark}
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
          activeId={focus.activeId}
          onEdit={setEditingId}
          onSelect={focus.select}
          onSaveNote={(id, note) => update(id, { note })}
          onColor={(id, color) => void update(id, { color }).catch(fail)}
          onDelete={(id) => void deleteHighlight(id)}
          onClose={() => showPanel(false)}
          reattachingId={reattaching.reattachingId}
          onReattach={reattaching.start}
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
        onHighlight={(color) => void selection.highlight(color)}
        onNote={() => void selection.note()}
        onCopyQuote={() => void selection.copyQuote()}
        reattachLabel={reattachingItem ? 'Re-attach here' : undefined}
        onReattach={reattachingItem ? () => void reattaching.attachSelection() : undefined}
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
