import { forwardRef } from 'react';
import type { ArticleMeta } from '@shared/model';
import { routeHref } from '../route';
import { ArchiveIcon, HighlightIcon, InboxIcon, StarIcon } from '../ui/icons';
import { readingTime, relativeTime } from '../ui/relative-time';

interface Props {
  article: ArticleMeta;
  snippet?: string;
  selected: boolean;
  onFocus(): void;
  onArchive(): void;
  onFavourite(): void;
}

export function siteOf(article: ArticleMeta): string {
  if (article.siteName) return article.siteName;
  try {
    return new URL(article.url).hostname.replace(/^www\./, '');
  } catch {
    return article.url;
  }
}

export const ArticleRow = forwardRef<HTMLAnchorElement, Props>(function ArticleRow(
  { article, snippet, selected, onFocus, onArchive, onFavourite },
  ref,
) {
  const summary = snippet ?? article.excerpt;
  return (
    <li className={`article-row${selected ? ' selected' : ''}`} data-article-id={article.id} aria-current={selected || undefined}>
      <a ref={ref} className="article-link" href={routeHref({ name: 'reader', id: article.id })} onFocus={onFocus}>
        <div className="article-text">
          <h3 className="article-row-title">{article.title}</h3>
          <p className="article-row-meta">
            <span className="site">{siteOf(article)}</span>
            <span>{readingTime(article.readingMinutes)}</span>
            <time dateTime={article.savedAt} title={new Date(article.savedAt).toLocaleString()}>
              {relativeTime(article.savedAt)}
            </time>
            {article.highlightCount > 0 && (
              <span className="meta-highlights" title="Highlights">
                <HighlightIcon /> {article.highlightCount}
              </span>
            )}
            {article.archived && <span>Archived</span>}
            {article.progress > 0.02 && article.progress < 0.98 && <span>{Math.round(article.progress * 100)}% read</span>}
          </p>
          {summary && <p className={snippet ? 'article-row-snippet' : 'article-row-excerpt'}>{summary}</p>}
          {article.tags.length > 0 && (
            <p className="article-row-tags">
              {article.tags.map((tag) => (
                <span key={tag} className="tag-chip small">
                  {tag}
                </span>
              ))}
            </p>
          )}
        </div>
        {article.leadImage && <img className="thumbnail" src={article.leadImage} alt="" />}
        {article.progress > 0.02 && (
          <span className="row-progress" role="img" aria-label={`${Math.round(article.progress * 100)}% read`}>
            <span className="row-progress-fill" style={{ transform: `scaleX(${article.progress})` }} />
          </span>
        )}
      </a>
      <div className="row-actions">
        <button
          type="button"
          className={`icon-button${article.favourite ? ' is-on' : ''}`}
          onClick={onFavourite}
          aria-label={article.favourite ? 'Remove from favourites' : 'Favourite'}
          aria-pressed={article.favourite}
          title="Favourite (f)"
        >
          <StarIcon filled={article.favourite} />
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={onArchive}
          aria-label={article.archived ? 'Move to Inbox' : 'Archive'}
          title={article.archived ? 'Move to Inbox (e)' : 'Archive (e)'}
        >
          {article.archived ? <InboxIcon /> : <ArchiveIcon />}
        </button>
      </div>
    </li>
  );
});
