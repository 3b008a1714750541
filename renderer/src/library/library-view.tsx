import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { ArticleMeta, ListQuery, SaveResult, TagCount } from '@shared/model';
import { api } from '../api';
import { markAlreadySaved } from '../reader/already-saved';
import { UndoToast, useUndoOffer, type UndoOffer } from '../ui/undo-offer';
import { navigate, rememberLibraryRoute, type Route } from '../route';
import type { useTheme } from '../ui/theme';
import { useToast } from '../ui/toast';
import { useHotkeys } from '../ui/use-hotkeys';
import { AddUrlForm } from './add-url-form';
import { siteOf } from '@shared/transfer/markdown-export';
import { TRASH_RETENTION_TEXT } from '@shared/library/trash';
import { UNDO_WINDOW_MS } from '@shared/library/undo-window';
import { ArticleRow } from './article-row';
import { BulkBar, type BulkCommand } from './bulk-bar';
import { ConfirmDialog } from './confirm-dialog';
import { EmptyView, WelcomeGreeting } from './empty-state';
import { afterAction, applyAction, type ListAction } from './library-actions';
import { DEFAULT_SORT, ListToolbar } from './list-toolbar';
import { NoticesBanner } from './notices-banner';
import { SearchBox } from './search-box';
import { isSelected, NO_SELECTION, selectAll, selectedCount, toggled, withRange, type Selection } from './selection';
import { Sidebar, viewLabel } from './sidebar';
import { TagManager } from './tag-manager';
import { TagPopover } from './tag-popover';
import { fetchAllRows, usePagedList, type FetchRows, type ListRow } from './use-paged-list';
import { useListKeys } from './use-list-keys';
import { settingsKey, useViewSettings } from './use-view-settings';
import { scrollRowIntoView, VirtualList } from './virtual-list';

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

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (!value) {
      setSettled('');
      return;
    }
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function LibraryView({ route, theme }: { route: LibraryRoute; theme: ReturnType<typeof useTheme> }) {
  const notify = useToast();
  const inTrash = route.view === 'trash';
  const view = useViewSettings(settingsKey(route.view, route.tag));
  const [query, setQuery] = useState('');
  const searchText = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const searching = searchText !== '';
  const [tags, setTags] = useState<TagCount[]>([]);
  const [libraryEmpty, setLibraryEmpty] = useState<boolean | null>(null);
  const [cursor, setCursor] = useState(-1);
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [tagging, setTagging] = useState<{ articles: ArticleMeta[] } | null>(null);
  const [managingTags, setManagingTags] = useState(false);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const { offer: undoOffer, offerUndo, withdraw: withdrawUndo } = useUndoOffer(UNDO_WINDOW_MS);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLInputElement>(null);
  const sites = useRef(new Set<string>());

  useEffect(() => rememberLibraryRoute(route), [route]);

  const { sort = DEFAULT_SORT, filters = {} } = view.settings;
  const listQuery: ListQuery = { view: route.view, ...filters, ...(route.tag ? { tag: route.tag } : {}), sort };
  const listKey = !view.ready ? null : searching ? `search\n${searchText}` : JSON.stringify(listQuery);
  const fetchRows = useMemo<FetchRows>(() => {
    if (listKey === null) return async () => ({ total: 0, rows: [] });
    if (listKey.startsWith('search\n')) {
      const text = listKey.slice('search\n'.length);
      return (offset, limit) =>
        api.searchPage(text, { offset, limit }).then((page) => ({
          total: page.total,
          exact: page.exact,
          terms: page.terms,
          rows: page.hits.map((hit) => ({ article: hit.article, snippet: hit.snippet, matches: hit.matches })),
        }));
    }
    const q = JSON.parse(listKey) as ListQuery;
    return (offset, limit) =>
      api
        .listPage({ ...q, offset, limit })
        .then((page) => ({ total: page.total, rows: page.items.map((article) => ({ article })) }));
  }, [listKey]);
  const list = usePagedList(listKey, fetchRows);

  const loadTags = useCallback(() => {
    api.listTags().then(setTags, () => undefined);
    api.listPage({ view: 'all', limit: 1 }).then(
      (page) => setLibraryEmpty(page.total === 0),
      () => setLibraryEmpty(false),
    );
  }, []);
  useEffect(loadTags, [loadTags]);

  // A new list starts at the top with nothing picked.
  useEffect(() => {
    setCursor(-1);
    setSelection(NO_SELECTION);
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
  }, [listKey]);

  const reload = useCallback(() => {
    list.refresh();
    loadTags();
  }, [list, loadTags]);

  const rowAt = (index: number): ListRow | undefined => {
    const row = list.rowAt(index);
    if (row) sites.current.add(siteOf(row.article));
    return row;
  };

  const listElement = () => scrollerRef.current?.querySelector<HTMLElement>('.article-list') ?? null;
  const moveCursor = (index: number, focus = true) => {
    if (list.total === 0) return;
    const next = Math.min(Math.max(index, 0), list.total - 1);
    setCursor(next);
    if (scrollerRef.current) scrollRowIntoView(scrollerRef.current, listElement(), next);
    if (focus)
      requestAnimationFrame(() =>
        listElement()
          ?.querySelector<HTMLElement>(`[aria-posinset="${next + 1}"] .article-link`)
          ?.focus({ preventScroll: true }),
      );
  };
  // Keep the cursor on a row that exists once the list has shrunk (an archived row leaves the Inbox).
  useEffect(() => {
    if (cursor >= list.total && list.total > 0 && !list.loading) setCursor(list.total - 1);
  }, [cursor, list.total, list.loading]);

  const count = selectedCount(selection, list.total);

  /** The selection, or else the row under the cursor. */
  const targets = async (): Promise<ArticleMeta[]> => {
    if (count > 0) {
      if (selection.all)
        return (await fetchAllRows(fetchRows)).map((r) => r.article).filter((a) => !selection.ids.has(a.id));
      const found = new Map<string, ArticleMeta>();
      const missing = new Set(selection.ids);
      for (let i = 0; i < list.total && missing.size; i++) {
        const row = list.rowAt(i);
        if (row && missing.delete(row.article.id)) found.set(row.article.id, row.article);
        if (!row) break;
      }
      if (missing.size)
        for (const r of await fetchAllRows(fetchRows))
          if (missing.has(r.article.id)) found.set(r.article.id, r.article);
      return [...found.values()];
    }
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

  const rangeTo = async (index: number) => {
    const from = selection.anchor ?? (cursor >= 0 ? cursor : index);
    const [a, b] = from < index ? [from, index] : [index, from];
    const ids: string[] = [];
    for (let i = a; i <= b; i++) {
      const row = list.rowAt(i);
      if (!row) break;
      ids.push(row.article.id);
    }
    if (ids.length < b - a + 1) {
      ids.length = 0;
      for (let at = a; at <= b; at += 1000)
        ids.push(...(await fetchRows(at, Math.min(1000, b - at + 1))).rows.map((r) => r.article.id));
    }
    setSelection((s) => ({ ...withRange(s, ids), anchor: s.anchor ?? from }));
  };

  const toggleAt = (index: number, shift = false) => {
    const row = list.rowAt(index);
    if (!row) return;
    if (shift) void rangeTo(index);
    else setSelection((s) => toggled(s, row.article.id, index));
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

  useHotkeys({ 'mod+l': () => addRef.current?.focus() });
  useListKeys({
    '/': () => searchRef.current?.focus(),
    j: () => moveCursor(cursor + 1),
    ArrowDown: () => moveCursor(cursor + 1),
    k: () => moveCursor(cursor < 0 ? 0 : cursor - 1),
    ArrowUp: () => moveCursor(cursor < 0 ? 0 : cursor - 1),
    Home: () => moveCursor(0),
    End: () => moveCursor(list.total - 1),
    o: open,
    Enter: () => {
      const active = document.activeElement;
      if (active instanceof HTMLButtonElement) active.click();
      else open();
    },
    e: () =>
      current &&
      !inTrash &&
      void run({ type: 'archive', value: count > 0 ? route.view !== 'archive' : !current.archived }),
    f: () =>
      current &&
      !inTrash &&
      void run({ type: 'favourite', value: count > 0 ? route.view !== 'favourites' : !current.favourite }),
    t: () => !inTrash && void openTagging(),
    '#': () => void run({ type: inTrash ? 'restore' : 'delete' }),
    Delete: () => !inTrash && void run({ type: 'delete' }),
    x: () => cursor >= 0 && toggleAt(cursor),
    'mod+a': () => list.total > 0 && setSelection(selectAll()),
    'mod+z': () => undoOffer && void runUndo(undoOffer),
    Escape: () => setSelection(NO_SELECTION),
    'g i': () => navigate({ name: 'library', view: 'inbox' }),
    'g a': () => navigate({ name: 'library', view: 'archive' }),
    'g f': () => navigate({ name: 'library', view: 'favourites' }),
    'g c': () => navigate({ name: 'library', view: 'clipped' }),
    'g t': () => navigate({ name: 'library', view: 'trash' }),
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
