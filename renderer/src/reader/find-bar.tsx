import { useEffect, useMemo, useRef, useState } from 'react';
import { CloseIcon } from '../ui/icons';
import { findMatches } from './find-matches';
import { spansToRanges } from './text-offsets';

interface Props {
  body: HTMLElement | null;
  text: string;
  onClose(): void;
}

const ALL = 'find-match';
const CURRENT = 'find-current';

/**
 * Find in article: matches are shown with the CSS Custom Highlight API, so the article's
 * DOM (and the highlights painted into it) is never touched.
 */
export function FindBar({ body, text, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => (query.trim().length > 0 ? findMatches(text, query) : []), [text, query]);
  const ranges = useMemo(() => (body && matches.length ? spansToRanges(body, matches) : []), [body, matches]);
  const current = matches.length ? Math.min(index, matches.length - 1) : -1;

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  useEffect(() => {
    const valid = ranges.filter((r): r is Range => r !== null);
    CSS.highlights.set(ALL, new Highlight(...valid));
    const range = current >= 0 ? ranges[current] : null;
    if (range) {
      CSS.highlights.set(CURRENT, new Highlight(range));
      const rect = range.getBoundingClientRect();
      const scroller = body?.closest('.reader-main');
      if (scroller && (rect.top < 80 || rect.bottom > window.innerHeight - 40)) {
        scroller.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
      }
    } else {
      CSS.highlights.delete(CURRENT);
    }
  }, [ranges, current, body]);

  useEffect(
    () => () => {
      CSS.highlights.delete(ALL);
      CSS.highlights.delete(CURRENT);
    },
    [],
  );

  const move = (step: 1 | -1) => {
    if (matches.length) setIndex((current + step + matches.length) % matches.length);
  };

  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={inputRef}
        className="field"
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setIndex(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            move(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {query.trim() ? (matches.length ? `${current + 1} of ${matches.length}` : 'No matches') : ''}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label="Previous match"
        title="Previous (Shift+Enter)"
        onClick={() => move(-1)}
        disabled={!matches.length}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next match"
        title="Next (Enter)"
        onClick={() => move(1)}
        disabled={!matches.length}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" className="icon-button" aria-label="Close find" title="Close (Esc)" onClick={onClose}>
        <CloseIcon />
      </button>
    </div>
  );
}
