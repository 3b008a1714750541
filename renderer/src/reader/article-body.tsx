import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import { handleArticleLinkClick } from './external-links';
import { forgetHighlights, paintHighlights, type PaintableHighlight } from './paint-highlights';
import { sanitizeArticle } from './sanitize-article';

interface Props {
  content: string;
  highlights: PaintableHighlight[];
  /** Called with the article text once the body is in the DOM. */
  onText(text: string): void;
  onMarkClick(id: string, mark: HTMLElement): void;
}

/** The article's own HTML, sanitized again on the real DOM and managed outside React's tree. */
export const ArticleBody = forwardRef<HTMLDivElement | null, Props>(function ArticleBody(
  { content, highlights, onText, onMarkClick },
  ref,
) {
  const bodyRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => bodyRef.current as HTMLDivElement);

  useLayoutEffect(() => {
    const body = bodyRef.current!;
    body.replaceChildren(sanitizeArticle(content));
    forgetHighlights(body);
    onText(body.textContent ?? '');
  }, [content, onText]);

  useLayoutEffect(() => {
    paintHighlights(bodyRef.current!, highlights);
  }, [content, highlights]);

  useEffect(() => {
    const body = bodyRef.current!;
    const onClick = (event: MouseEvent) => {
      const mark =
        event.target instanceof Element ? event.target.closest<HTMLElement>('mark[data-highlight-id]') : null;
      if (mark && !mark.closest('a') && window.getSelection()?.isCollapsed !== false) {
        onMarkClick(mark.dataset.highlightId!, mark);
      }
      handleArticleLinkClick(event, body);
    };
    // Middle clicks would otherwise open links in a new window.
    const onAuxClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
    };
    body.addEventListener('click', onClick);
    body.addEventListener('auxclick', onAuxClick);
    return () => {
      body.removeEventListener('click', onClick);
      body.removeEventListener('auxclick', onAuxClick);
    };
  }, [onMarkClick]);

  return <div ref={bodyRef} className="article-body" />;
});
