import type { Clip } from '@shared/transfer/clip';
import { siteOf } from '@shared/transfer/markdown-export';
import { routeHref } from '../route';
import { relativeTime } from '../ui/relative-time';

/** One highlight: the passage, its note, and where it came from (a link back to its place in the article). */
export function ClipCard({ clip }: { clip: Clip }) {
  const { highlight, article, orphaned, pending } = clip;
  const href = routeHref({ name: 'reader', id: article.id, highlight: highlight.id });
  return (
    <li className={`clip-card hl-item-${highlight.color}${orphaned ? ' orphan' : ''}`} data-highlight-id={highlight.id}>
      <a className="clip-link" href={href} aria-label={`${highlight.quote.exact.slice(0, 80)} — in ${article.title}`}>
        <blockquote className="clip-quote" lang={article.lang ?? undefined} dir={article.dir ?? undefined}>
          {highlight.text ?? highlight.quote.exact}
        </blockquote>
      </a>
      {highlight.note && <p className="clip-note">{highlight.note}</p>}
      <p className="clip-meta">
        <span className={`clip-dot swatch-${highlight.color}`} aria-hidden="true" />
        <a className="clip-article" href={href}>
          {article.title}
        </a>
        <span>{siteOf(article)}</span>
        <time dateTime={highlight.createdAt} title={new Date(highlight.createdAt).toLocaleString()}>
          {relativeTime(highlight.createdAt)}
        </time>
        {orphaned && (
          <span className="orphan-flag" title="Its passage is no longer in the article; open it to re-attach or delete">
            Orphaned
          </span>
        )}
        {pending && (
          <span className="orphan-flag" title="Its article is waiting to be captured; the highlight is placed then">
            Waiting for capture
          </span>
        )}
      </p>
    </li>
  );
}
