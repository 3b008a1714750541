import type { MouseEvent } from 'react';
import { siteOf } from '@shared/transfer/markdown-export';
import { routeHref } from '../route';
import { HighlightIcon } from '../ui/icons';
import { FavouriteArchiveButtons } from '../ui/state-buttons';
import { readingTime, relativeTime } from '../ui/relative-time';
import { MarkedSnippet } from './marked-snippet';
import type { ListRow } from './use-paged-list';

interface Props {
  row: ListRow;
  /** The keyboard cursor is on this row. */
  current: boolean;
  /** Picked for a bulk action. */
  selected: boolean;
  selecting: boolean;
  inTrash: boolean;
  onClick(event: MouseEvent): void;
  onToggleSelect(shift: boolean): void;
  onArchive(): void;
  onFavourite(): void;
  onRestore(): void;
}

const percent = (p: number) => `${Math.round(p * 100)}% read`;

export function ArticleRow({
  row,
  current,
  selected,
  selecting,
  inTrash,
  onClick,
  onToggleSelect,
  onArchive,
  onFavourite,
  onRestore,
}: Props) {
  const { article, snippet, matches } = row;
  const classes = [
    'article-row',
    current && 'current',
    selected && 'selected',
    selecting && 'selecting',
    inTrash && 'trashed',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-article-id={article.id}>
      <label className="row-check" title="Select (x)" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          checked={selected}
          aria-label={`Select “${article.title}”`}
          onClick={(e) => {
            e.preventDefault();
            onToggleSelect(e.shiftKey);
          }}
          onChange={() => undefined}
        />
      </label>
      <a
        className="article-link"
        href={routeHref({ name: 'reader', id: article.id })}
        aria-current={current || undefined}
        onClick={onClick}
        tabIndex={current ? 0 : -1}
      >
        <div className="article-text">
          <h3 className="article-row-title">{article.title}</h3>
          <p className="article-row-meta">
            <span className="site">{siteOf(article)}</span>
            <span>{readingTime(article.readingMinutes)}</span>
            <time dateTime={article.savedAt} title={`Saved ${new Date(article.savedAt).toLocaleString()}`}>
              {relativeTime(article.savedAt)}
            </time>
            {article.highlightCount > 0 && (
              <span className="meta-highlights" title="Highlights">
                <HighlightIcon /> {article.highlightCount}
              </span>
            )}
            {article.archived && !inTrash && <span>Archived</span>}
            {article.progress > 0.02 && article.progress < 0.98 && <span>{percent(article.progress)}</span>}
            {article.awaitingCapture && (
              <span className="meta-missing" title="Imported without its text; it is captured from the web">
                Not captured yet
              </span>
            )}
            {article.contentMissing && !article.awaitingCapture && (
              <span
                className="meta-missing"
                title="The saved text is missing; open the article to update it from the web"
              >
                Content missing
              </span>
            )}
            {article.tags.map((tag) => (
              <span key={tag} className="tag-chip small">
                {tag}
              </span>
            ))}
          </p>
          {snippet ? (
            <p className="article-row-snippet">
              <MarkedSnippet text={snippet} matches={matches} />
            </p>
          ) : (
            article.excerpt && <p className="article-row-excerpt">{article.excerpt}</p>
          )}
        </div>
        {article.leadImage && <img className="thumbnail" src={article.leadImage} alt="" loading="lazy" />}
        {article.progress > 0.02 && (
          <span className="row-progress" role="img" aria-label={percent(article.progress)}>
            <span className="row-progress-fill" style={{ transform: `scaleX(${article.progress})` }} />
          </span>
        )}
      </a>
      <div className="row-actions">
        {inTrash ? (
          <button type="button" className="text-button" onClick={onRestore} title="Put back where it was">
            Restore
          </button>
        ) : (
          <>
            <FavouriteArchiveButtons
              favourite={article.favourite}
              archived={article.archived}
              onFavourite={onFavourite}
              onArchive={onArchive}
            />
          </>
        )}
      </div>
    </div>
  );
}
