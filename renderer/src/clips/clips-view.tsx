import { useEffect, useRef, useState } from 'react';
import { HIGHLIGHT_COLORS, type ArticleMeta, type HighlightColor, type TagCount } from '@shared/model';
import { groupByArticle } from '@shared/transfer/clip';
import { articlesToMarkdown } from '@shared/transfer/markdown-export';
import { api } from '../api';
import { Sidebar } from '../library/sidebar';
import { rememberLibraryRoute, useRouteFocus, type ListRoute } from '../route';
import { SearchIcon } from '../ui/icons';
import { TagFilterOptions } from '../ui/tag-options';
import type { useTheme } from '../ui/theme';
import { useToast } from '../ui/toast';
import { useKeys } from '../ui/use-keys';
import { ClipCard } from './clip-card';
import { EVERY_CLIP, useClips } from './use-clips';

/** Every highlight across the library, newest first: filter by colour, tag and article, search, export. */
export function ClipsView({
  route,
  theme,
}: {
  route: Extract<ListRoute, { name: 'clips' }>;
  theme: ReturnType<typeof useTheme>;
}) {
  const notify = useToast();
  const [text, setText] = useState('');
  const [color, setColor] = useState<HighlightColor | undefined>();
  const [tag, setTag] = useState<string | undefined>();
  const [articleId, setArticleId] = useState<string | undefined>();
  const [tags, setTags] = useState<TagCount[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);
  const { clips, answered, loading, error } = useClips({ text, color, tag, articleId });
  // The article filter offers every clipped article: taken from the unfiltered list, which the
  // view opens with, and kept while a filter is on (nothing in this view adds or removes clips).
  const [articles, setArticles] = useState<ArticleMeta[]>([]);
  useEffect(() => {
    if (answered === EVERY_CLIP) setArticles(groupByArticle(clips).map((g) => g.article));
  }, [answered, clips]);

  useEffect(() => {
    rememberLibraryRoute({ name: 'clips' });
    api.listTags().then(setTags, () => setTags([]));
  }, []);
  useKeys({ '/': () => searchRef.current?.focus() });
  useRouteFocus(route, { search: searchRef });

  const filtered = Boolean(text.trim() || color || tag || articleId);

  const copyAll = () => {
    navigator.clipboard.writeText(articlesToMarkdown(groupByArticle(clips))).then(
      () => notify(`Copied ${clips.length} highlight${clips.length === 1 ? '' : 's'} as Markdown`),
      (e: Error) => notify(e.message),
    );
  };
  const exportAll = (format: 'markdown' | 'json') => {
    api.exportHighlights({ format }).then(
      (result) =>
        result.written && notify(`Exported ${result.files.length} file${result.files.length === 1 ? '' : 's'}`),
      (e: Error) => notify(e.message),
    );
  };

  return (
    <div className="library clips">
      <Sidebar route={{ name: 'clips' }} tags={tags} theme={theme.preference} onCycleTheme={theme.cycle} />
      <main className="library-main clips-main">
        <header className="library-header clips-header">
          <form className="search-box" role="search" onSubmit={(event) => event.preventDefault()}>
            <div className="field-with-icon">
              <SearchIcon />
              <input
                ref={searchRef}
                className="field"
                type="search"
                aria-label="Search clips"
                placeholder="Search highlights and notes"
                value={text}
                onChange={(event) => setText(event.target.value)}
                onKeyDown={(event) => event.key === 'Escape' && (setText(''), event.currentTarget.blur())}
              />
            </div>
          </form>
        </header>
        <div className="library-content clips-content">
          <div className="list-heading">
            <h1>Clips</h1>
            {!loading && <span className="count">{clips.length}</span>}
            <div className="clips-export" role="group" aria-label="Export">
              <button type="button" className="text-button" onClick={copyAll} disabled={clips.length === 0}>
                Copy as Markdown
              </button>
              <button
                type="button"
                className="text-button"
                onClick={() => exportAll('markdown')}
                disabled={articles.length === 0}
              >
                Export Markdown…
              </button>
              <button
                type="button"
                className="text-button"
                onClick={() => exportAll('json')}
                disabled={articles.length === 0}
              >
                Export JSON…
              </button>
            </div>
          </div>
          <div className="clip-filters">
            <div className="color-filter" role="radiogroup" aria-label="Colour">
              <button
                type="button"
                role="radio"
                aria-checked={!color}
                className="filter-chip"
                onClick={() => setColor(undefined)}
              >
                All colours
              </button>
              {HIGHLIGHT_COLORS.map((c) => (
                <button
                  key={c}
                  type="button"
                  role="radio"
                  aria-checked={color === c}
                  aria-label={c}
                  className={`swatch swatch-${c}`}
                  onClick={() => setColor(color === c ? undefined : c)}
                />
              ))}
            </div>
            <label className="select-filter">
              <span>Tag</span>
              <select className="field" value={tag ?? ''} onChange={(event) => setTag(event.target.value || undefined)}>
                <TagFilterOptions tags={tags} />
              </select>
            </label>
            <label className="select-filter">
              <span>Article</span>
              <select
                className="field"
                value={articleId ?? ''}
                onChange={(event) => setArticleId(event.target.value || undefined)}
              >
                <option value="">Any article</option>
                {articles.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {!loading && clips.length === 0 ? (
            <div className="empty-view">
              <h2>{filtered ? 'No matching clips' : 'No clips yet'}</h2>
              <p>
                {filtered
                  ? 'Try another word, colour or tag.'
                  : 'Select a passage while reading and press h to keep it here.'}
              </p>
            </div>
          ) : (
            <ul className="clip-list" aria-label="Clips" aria-busy={loading}>
              {clips.map((clip) => (
                <ClipCard key={clip.highlight.id} clip={clip} />
              ))}
            </ul>
          )}
        </div>
      </main>
    </div>
  );
}
