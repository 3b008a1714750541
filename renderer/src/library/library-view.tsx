import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { onLibraryChanged } from '../import/library-changed';
import type { ArticleMeta, ListQuery, SaveResult } from '@shared/model';
import type { ArticleExportFormat, ArticleExportRequest } from '@shared/transfer/article-export';
import { api } from '../api';
import { markAlreadySaved } from '../reader/already-saved';
import { UndoToast, useUndoOffer, type UndoOffer } from '../ui/undo-offer';
import { navigate, rememberLibraryRoute, useRouteFocus, type Route } from '../route';
import type { useTheme } from '../ui/theme';
import { useToast } from '../ui/toast';
import { useDebounced } from '../ui/use-debounced';
import { AddUrlForm } from './add-url-form';
import { siteOf } from '@shared/transfer/markdown-export';
import { TRASH_RETENTION_TEXT } from '@shared/library/trash';
import { UNDO_WINDOW_MS } from '@shared/library/undo-window';
import { ArticleRow } from './article-row';
import { BulkBar, type BulkCommand } from './bulk-bar';
import { CaptureQueuePanel } from './capture-queue-panel';
import { exportedMessage } from './export-message';
import { ConfirmDialog } from './confirm-dialog';
import { EmptyView, WelcomeGreeting } from './empty-state';
import { afterAction, applyAction, type ListAction } from './library-actions';
import { useListSource, type ListSource } from './list-source';
import { DEFAULT_SORT, ListToolbar } from './list-toolbar';
import { NoticesBanner } from './notices-banner';
import { SearchBox } from './search-box';
import { isSelected, NO_SELECTION, selectAll } from './selection';
import { Sidebar, viewLabel } from './sidebar';
import { TagManager } from './tag-manager';
import { TagPopover } from './tag-popover';
import { usePagedList, type ListRow } from './use-paged-list';
import { useLibraryKeys } from './use-library-keys';
import { useLibraryOverview } from './use-library-overview';
import { useListCursor } from './use-list-cursor';
import { useListSelection } from './use-list-selection';
import { settingsKey, useViewSettings } from './use-view-settings';
import { VirtualList } from './virtual-list';

type LibraryRoute = Extract<Route, { name: 'library' }>;

const EMPTY_HINTS: Record<LibraryRoute['view'], { title: string; hint: string }> = {
  inbox: { title: 'Inbox zero', hint: 'Everything is read or archived. Save a new link whenever you find one.' },
  favourites: { title: 'No favourites yet', hint: 'Press f on an article you want to keep close.' },
  archive: { title: 'Nothing archived yet', hint: 'Press e when you finish an article to move it here.' },
  all: { title: 'No articles', hint: 'Save a link to get started.' },
  clipped: { title: 'No highlights yet', hint: 'Articles with highlights appear here.' },
  trash: {
    title: 'Trash is empty',
    hint: `Deleted articles wait here for ${TRASH_RETENTION_TEXT} before they are removed for good.`,
  },
};

const SEARCH_DELAY_MS = 160;

export function LibraryView({ route, theme }: { route: LibraryRoute; theme: ReturnType<typeof useTheme> }) {
  const notify = useToast();
  const inTrash = route.view === 'trash';
  const view = useViewSettings(settingsKey(route.view, route.tag));
  const [query, setQuery] = useState('');
  const searchText = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const searching = searchText !== '';
  const { tags, libraryEmpty, refresh: loadTags } = useLibraryOverview();
  const [tagging, setTagging] = useState<{ articles: ArticleMeta[] } | null>(null);
  const [managingTags, setManagingTags] = useState(false);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const { offer: undoOffer, offerUndo, withdraw: withdrawUndo } = useUndoOffer(UNDO_WINDOW_MS);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLInputElement>(null);
  const sites = useRef(new Set<string>());

  useEffect(() => rememberLibraryRoute(route), [route]);
  useRouteFocus(route, { search: searchRef });

  const { sort = DEFAULT_SORT, filters = {} } = view.settings;
  const listQuery: ListQuery = { view: route.view, ...filters, ...(route.tag ? { tag: route.tag } : {}), sort };
  const source: ListSource | null = !view.ready
    ? null
    : searching
      ? { kind: 'search', text: searchText }
      : { kind: 'view', query: listQuery };
  const { key: listKey, fetchRows } = useListSource(source);
  const list = usePagedList(listKey, fetchRows);
  const { cursor, setCursor, moveCursor } = useListCursor(list, listKey, scrollerRef);
  const picks = useListSelection(list, listKey, fetchRows);
  const { selection, setSelection, count } = picks;

  const reload = () => {
    list.refresh();
    loadTags();
  };
  // Articles also arrive from outside the window (an import, its undo, the browser connector, a
  // second launch): show them.
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => onLibraryChanged(() => reloadRef.current()), []);
  useEffect(() => api.on('captureProgress', (p) => p.stage === 'done' && reloadRef.current()), []);

  const rowAt = (index: number): ListRow | undefined => {
    const row = list.rowAt(index);
    if (row) sites.current.add(siteOf(row.article));
    return row;
  };

  /** The selection, or else the row under the cursor. */
  const targets = async (): Promise<ArticleMeta[]> => {
    if (count > 0) return picks.selected();
    const row = cursor >= 0 ? list.rowAt(cursor) : undefined;
    return row ? [row.article] : [];
  };

  const run = async (action: ListAction, given?: ArticleMeta[]) => {
    try {
      const chosen = given ?? (await targets());
      if (chosen.length === 0) return;
      const applied = await applyAction(chosen, action);
      if (action.type !== 'add-tag' && action.type !== 'remove-tag') setSelection(NO_SELECTION);
      if (applied.undo) offerUndo(applied.message, applied.undo);
      else notify(applied.message);
      setTagging((t) => (t ? { ...t, articles: afterAction(t.articles, action) } : t));
      reload();
    } catch (error) {
      notify((error as Error).message);
    }
  };

  const runUndo = async (offer: UndoOffer) => {
    withdrawUndo();
    try {
      await offer.run();
      notify('Undone');
      reload();
    } catch (error) {
      notify((error as Error).message);
    }
  };

  const openTagging = async () => {
    const chosen = await targets();
    if (chosen.length) setTagging({ articles: chosen });
  };

  const onBulk = (command: BulkCommand) => {
    if (command === 'tag') void openTagging();
    else if (command === 'archive' || command === 'unarchive')
      void run({ type: 'archive', value: command === 'archive' });
    else if (command === 'favourite' || command === 'unfavourite')
      void run({ type: 'favourite', value: command === 'favourite' });
    else void run({ type: command });
  };

  const exportArticles = async (request: ArticleExportRequest) => {
    try {
      const result = await api.exportArticles({ ...request, includeContent: true });
      if (result.written) notify(exportedMessage(result.articles, result.skipped));
    } catch (error) {
      notify((error as Error).message);
    }
  };
  const exportSelection = async (format: ArticleExportFormat) => {
    const ids = (await targets()).map((a) => a.id);
    if (ids.length > 0) await exportArticles({ format, ids });
  };
  // File → Export Current View: the view on screen (its tag too), whatever is selected in it.
  const exportViewRef = useRef((_format: ArticleExportFormat) => {});
  exportViewRef.current = (format) =>
    void exportArticles({ format, view: route.view, ...(route.tag ? { tag: route.tag } : {}) });
  useEffect(() => api.on('exportView', (format) => exportViewRef.current(format)), []);

  const toggleAt = (index: number, shift = false) => {
    if (!list.rowAt(index)) return;
    if (shift) void picks.rangeTo(index, cursor >= 0 ? cursor : index);
    else picks.toggle(index);
    setCursor(index);
  };

  const onRowClick = (index: number, event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      toggleAt(index);
    } else if (event.shiftKey) {
      event.preventDefault();
      toggleAt(index, true);
    } else setCursor(index);
  };

  const onSaved = ({ article, existed }: SaveResult) => {
    if (existed) {
      markAlreadySaved(article.id);
      // The reader says so, and offers to update it from the web.
      navigate({ name: 'reader', id: article.id });
      return;
    }
    notify(`Saved “${article.title}”`);
    if (route.tag || route.view !== 'inbox') navigate({ name: 'library', view: 'inbox' });
    setQuery('');
    setCursor(-1);
    reload();
  };

  const current = cursor >= 0 ? (list.rowAt(cursor)?.article ?? null) : null;
  const open = () => current && navigate({ name: 'reader', id: current.id });

  useLibraryKeys({
    focusAdd: () => addRef.current?.focus(),
    focusSearch: () => searchRef.current?.focus(),
    move: (step) => moveCursor(step > 0 ? cursor + 1 : cursor < 0 ? 0 : cursor - 1),
    moveTo: (where) => moveCursor(where === 'first' ? 0 : list.total - 1),
    open,
    archive: () =>
      current &&
      !inTrash &&
      void run({ type: 'archive', value: count > 0 ? route.view !== 'archive' : !current.archived }),
    favourite: () =>
      current &&
      !inTrash &&
      void run({ type: 'favourite', value: count > 0 ? route.view !== 'favourites' : !current.favourite }),
    tag: () => !inTrash && void openTagging(),
    deleteOrRestore: () => void run({ type: inTrash ? 'restore' : 'delete' }),
    delete: () => !inTrash && void run({ type: 'delete' }),
    toggleSelected: () => cursor >= 0 && toggleAt(cursor),
    selectAll: () => list.total > 0 && setSelection(selectAll()),
    undo: () => undoOffer && void runUndo(undoOffer),
    clearSelection: () => setSelection(NO_SELECTION),
  });

  const emptyTrash = async () => {
    setConfirmEmpty(false);
    try {
      const { changed } = await api.emptyTrash();
      notify(`Removed ${changed === 1 ? '1 article' : `${changed.toLocaleString()} articles`} for good`);
      reload();
    } catch (error) {
      notify((error as Error).message);
    }
  };

  const heading = searching ? `Results for “${searchText}”` : route.tag ? `#${route.tag}` : viewLabel(route.view);
  const showWelcome = libraryEmpty === true && !inTrash && !searching && !list.loading && list.total === 0;
  const totalLabel = searching
    ? `${list.exact ? '' : 'about '}${list.total.toLocaleString()} ${list.total === 1 ? 'result' : 'results'}`
    : list.total.toLocaleString();

  return (
    <div className="library">
      <Sidebar
        route={route}
        tags={tags}
        theme={theme.preference}
        onCycleTheme={theme.cycle}
        onManageTags={() => setManagingTags(true)}
      />
      <main className="library-main">
        <header className="library-header">
          <AddUrlForm ref={addRef} onSaved={onSaved} />
          <SearchBox ref={searchRef} value={query} onChange={setQuery} onEnterList={() => moveCursor(0)} />
        </header>
        <div className="library-content">
          <NoticesBanner />
          <CaptureQueuePanel onCaptured={reload} />
          {showWelcome ? (
            <WelcomeGreeting onAddLink={() => addRef.current?.focus()} />
          ) : (
            <>
              <div className="list-sticky">
                <div className="list-heading">
                  <h1>{heading}</h1>
                  {!list.loading && <span className="count">{totalLabel}</span>}
                  {inTrash && !searching && list.total > 0 && (
                    <button
                      type="button"
                      className="text-button danger heading-action"
                      onClick={() => setConfirmEmpty(true)}
                    >
                      Empty Trash…
                    </button>
                  )}
                </div>
                {inTrash && !searching && (
                  <p className="list-note">Articles in the Trash are removed for good after {TRASH_RETENTION_TEXT}.</p>
                )}
                {!searching && (
                  <ListToolbar
                    settings={view.settings}
                    onChange={view.update}
                    tags={tags}
                    sites={[...sites.current].sort().slice(0, 300)}
                    showTagFilter={!route.tag}
                  />
                )}
                {count > 0 && (
                  <BulkBar
                    count={count}
                    inTrash={inTrash}
                    onCommand={onBulk}
                    onExport={(format) => void exportSelection(format)}
                    onClear={() => setSelection(NO_SELECTION)}
                  />
                )}
              </div>
              {list.error && (
                <p className="form-error" role="alert">
                  {list.error}
                </p>
              )}
              {list.total === 0 && !list.loading ? (
                searching ? (
                  <EmptyView title="No matches" hint="Try fewer words, or another word from the title or the text." />
                ) : Object.keys(filters).length > 0 ? (
                  <EmptyView title="Nothing matches these filters" hint="Clear a filter to see more." />
                ) : (
                  <EmptyView
                    {...(route.tag
                      ? { title: 'No articles with this tag', hint: 'Press t on an article to tag it.' }
                      : EMPTY_HINTS[route.view])}
                  />
                )
              ) : (
                <div className="list-scroller" ref={scrollerRef}>
                  <VirtualList
                    scroller={scrollerRef}
                    count={list.total}
                    label={heading}
                    onRange={list.ensure}
                    renderRow={(index) => {
                      const row = rowAt(index);
                      if (!row) return <div className="article-row placeholder" aria-hidden="true" />;
                      return (
                        <ArticleRow
                          row={row}
                          current={index === cursor}
                          selected={isSelected(selection, row.article.id)}
                          selecting={count > 0}
                          inTrash={inTrash}
                          onClick={(event) => onRowClick(index, event)}
                          onToggleSelect={(shift) => toggleAt(index, shift)}
                          onArchive={() => void run({ type: 'archive', value: !row.article.archived }, [row.article])}
                          onFavourite={() =>
                            void run({ type: 'favourite', value: !row.article.favourite }, [row.article])
                          }
                          onRestore={() => void run({ type: 'restore' }, [row.article])}
                        />
                      );
                    }}
                  />
                </div>
              )}
            </>
          )}
        </div>
      </main>
      {tagging && (
        <TagPopover
          articles={tagging.articles}
          known={tags}
          onAdd={(tag) => void run({ type: 'add-tag', tag }, tagging.articles)}
          onRemove={(tag) => void run({ type: 'remove-tag', tag }, tagging.articles)}
          onClose={() => setTagging(null)}
        />
      )}
      {managingTags && (
        <TagManager
          onClose={() => setManagingTags(false)}
          onChanged={(message) => {
            notify(message);
            reload();
          }}
        />
      )}
      {confirmEmpty && (
        <ConfirmDialog
          title="Empty the Trash?"
          message={`The ${list.total.toLocaleString()} articles in the Trash, their highlights and files will be removed for good. This cannot be undone.`}
          confirm="Empty Trash"
          onConfirm={() => void emptyTrash()}
          onCancel={() => setConfirmEmpty(false)}
        />
      )}
      <UndoToast offer={undoOffer} onUndo={(offer) => void runUndo(offer)} />
    </div>
  );
}
