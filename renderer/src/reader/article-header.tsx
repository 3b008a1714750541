import type { ArticleMeta } from '@shared/model';
import { siteOf } from '@shared/transfer/markdown-export';
import { api } from '../api';
import { ExternalIcon } from '../ui/icons';
import { formatDate, readingTime } from '../ui/relative-time';

export function ArticleHeader({ article }: { article: ArticleMeta }) {
  const published = formatDate(article.publishedTime);
  return (
    <header className="article-header">
      <p className="article-site">{siteOf(article)}</p>
      <h1 className="article-title">{article.title}</h1>
      {article.byline && <p className="article-byline">{article.byline}</p>}
      <p className="article-meta">
        {published && <time dateTime={article.publishedTime ?? undefined}>{published}</time>}
        <span>{readingTime(article.readingMinutes)}</span>
        <a
          className="original-link"
          href={article.url}
          onClick={(event) => {
            event.preventDefault();
            void api.openExternal(article.url);
          }}
        >
          Original <ExternalIcon />
        </a>
      </p>
      {article.tags.length > 0 && (
        <p className="article-tags">
          {article.tags.map((tag) => (
            <span key={tag} className="tag-chip small">
              {tag}
            </span>
          ))}
        </p>
      )}
      {article.extraction === 'fallback' && (
        <p className="article-notice">
          Offprint could not find a clear article on this page, so this is a cleaned copy of the whole page.
        </p>
      )}
    </header>
  );
}
