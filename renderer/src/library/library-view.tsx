import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleMeta, SaveResult } from '@shared/model';
import { api } from '../api';
import { navigate, rememberLibraryRoute, type Route } from '../route';
import { relativeTime } from '../ui/relative-time';
import type { useTheme } from '../ui/theme';
import { useToast } from '../ui/toast';
import { useHotkeys } from '../ui/use-hotkeys';
import { AddUrlForm } from './add-url-form';
import { ArticleRow } from './article-row';
import { EmptyView, WelcomeGreeting } from './empty-state';
import { SearchBox } from './search-box';
import { Sidebar, viewLabel } from './sidebar';
import { useLibrary, useSearch } from './use-library';

type LibraryRoute = Extract<Route, { name: 'library' }>;

const EMPTY_HINTS: Record<LibraryRoute['view'], { title: string; hint: string }> = {
  inbox: { title: 'Inbox zero', hint: 'Everything is read or archived. Save a new link whenever you find one.' },
  favourites: { title: 'No favourites yet', hint: 'Press f on an article you want to keep close.' },
  archive: { title: 'Nothing archived yet', hint: 'Press e when you finish an article to move it here.' },
  all: { title: 'No articles', hint: 'Save a link to get started.' },
  clipped: { title: 'No highlights yet', hint: 'Articles with highlights appear here.' },
  trash: { title: 'Trash is empty', hint: 'Deleted articles wait here before they are removed for good.' },
};

export function LibraryView({ route, theme }: { route: LibraryRoute; theme: ReturnType<typeof useTheme> }) {
  const notify = useToast();
  const library = useLibrary(route.view, route.tag);
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState(0);
  const search = useSearch(query, version);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLInputElement>(null);
  const rowRefs = useRef(new Map<string, HTMLAnchorElement>());

  useEffect(() => rememberLibraryRoute(route), [route]);

  const rows: { article: ArticleMeta; snippet?: string }[] = search.hits
    ? search.hits.map((hit) => ({ article: hit.article, snippet: hit.snippet }))
    : library.articles.map((article) => ({ article }));
  const selectedIndex = rows.findIndex((r) => r.article.id === selectedId);
  const selected = selectedIndex >= 0 ? rows[selectedIndex].article : null;

  const reload = useCallback(() => {
    library.refresh();
    setVersion((v) => v + 1);
  }, [library]);

  const select = (index: number) => {
    const row = rows[Math.min(Math.max(index, 0), rows.length - 1)];
    if (!row) return;
    setSelectedId(row.article.id);
    rowRefs.current.get(row.article.id)?.focus();
  };

  const toggleArchived = async (article: ArticleMeta) => {
    try {
      const next = await api.setArchived(article.id, !article.archived);
      notify(next.archived ? `Archived “${next.title}”` : `Moved “${next.title}” back to Inbox`);
      reload();
    } catch (error) {
      notify((error as Error).message);
    }
  };

  const toggleFavourite = async (article: ArticleMeta) => {
    try {
      const next = await api.setFavourite(article.id, !article.favourite);
      notify(next.favourite ? 'Added to Favourites' : 'Removed from Favourites');
      reload();
    } catch (error) {
      notify((error as Error).message);
    }
  };

  const onSaved = ({ article, existed }: SaveResult) => {
    if (existed) {
      notify(`Already in your library — saved ${relativeTime(article.savedAt)}.`);
      navigate({ name: 'reader', id: article.id });
      return;
    }
    notify(`Saved “${article.title}”`);
    setSelectedId(article.id);
    if (route.tag || route.view === 'archive' || route.view === 'favourites') navigate({ name: 'library', view: 'inbox' });
    setQuery('');
    reload();
  };

  const open = (article: ArticleMeta | null) => article && navigate({ name: 'reader', id: article.id });

  useHotkeys({
    '/': () => searchRef.current?.focus(),
    'mod+l': () => addRef.current?.focus(),
    j: () => select(selectedIndex + 1),
    k: () => select(selectedIndex < 0 ? 0 : selectedIndex - 1),
    o: () => open(selected),
    Enter: () => {
      const active = document.activeElement;
      if (active instanceof HTMLButtonElement) active.click();
      else open(selected);
    },
    e: () => selected && void toggleArchived(selected),
    f: () => selected && void toggleFavourite(selected),
  });

  const heading = search.hits ? `Results for “${query.trim()}”` : route.tag ? `#${route.tag}` : viewLabel(route.view);
  const showWelcome = !library.loading && library.libraryEmpty && !search.hits;

  return (
    <div className="library">
      <Sidebar route={route} tags={library.tags} theme={theme.preference} onCycleTheme={theme.cycle} />
      <main className="library-main">
        <header className="library-header">
          <AddUrlForm ref={addRef} onSaved={onSaved} />
          <SearchBox ref={searchRef} value={query} onChange={setQuery} onEnterList={() => select(0)} />
        </header>
        <div className="library-content">
          {showWelcome ? (
            <WelcomeGreeting onAddLink={() => addRef.current?.focus()} />
          ) : (
            <>
              <div className="list-heading">
                <h1>{heading}</h1>
                {!library.loading && <span className="count">{rows.length}</span>}
              </div>
              {(library.error || search.error) && (
                <p className="form-error" role="alert">
                  {library.error ?? search.error}
                </p>
              )}
              {rows.length === 0 && !library.loading ? (
                search.hits ? (
                  <EmptyView title="No matches" hint="Try another word from the title or the text." />
                ) : (
                  <EmptyView {...EMPTY_HINTS[route.view]} />
                )
              ) : (
                <ul className="article-list" aria-label={heading}>
                  {rows.map(({ article, snippet }) => (
                    <ArticleRow
                      key={article.id}
                      ref={(el) => {
                        if (el) rowRefs.current.set(article.id, el);
                        else rowRefs.current.delete(article.id);
                      }}
                      article={article}
                      snippet={snippet}
                      selected={article.id === selectedId}
                      onFocus={() => setSelectedId(article.id)}
                      onArchive={() => void toggleArchived(article)}
                      onFavourite={() => void toggleFavourite(article)}
                    />
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      </main>
    </div>
  );
}
