import { useEffect, useRef, useState } from 'react';

export interface Heading {
  element: HTMLElement;
  text: string;
  level: number;
}

const MIN_HEADINGS = 3;

/** The article's headings, when there are enough of them to be worth a table of contents. */
export function headingsOf(body: HTMLElement | null): Heading[] {
  if (!body) return [];
  const headings = [...body.querySelectorAll<HTMLElement>('h1, h2, h3, h4')]
    .map((element) => ({
      element,
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      level: Number(element.tagName[1]),
    }))
    .filter((h) => h.text);
  return headings.length >= MIN_HEADINGS ? headings : [];
}

export function TableOfContents({ headings, onClose }: { headings: Heading[]; onClose(): void }) {
  const top = Math.min(...headings.map((h) => h.level));
  const listRef = useRef<HTMLOListElement>(null);
  const [current] = useState(() => currentHeading(headings));
  useEffect(() => {
    listRef.current?.querySelectorAll<HTMLButtonElement>('button')[Math.max(0, current)]?.focus();
  }, [current]);
  return (
    <nav
      className="popover toc-popover"
      aria-label="Contents"
      onKeyDown={(event) => {
        const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
        const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          event.stopPropagation();
          buttons[Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
        }
      }}
    >
      <h2 className="settings-heading">Contents</h2>
      <ol ref={listRef} className="toc-list">
        {headings.map((heading, i) => (
          <li key={i} style={{ paddingInlineStart: `${(heading.level - top) * 14}px` }}>
            <button
              type="button"
              className={`toc-item${i === current ? ' current' : ''}`}
              aria-current={i === current ? 'location' : undefined}
              onClick={() => {
                heading.element.scrollIntoView({ block: 'start', behavior: 'smooth' });
                onClose();
              }}
            >
              {heading.text}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The last heading above the top of the view. */
function currentHeading(headings: Heading[]): number {
  let current = -1;
  headings.forEach((h, i) => {
    if (h.element.getBoundingClientRect().top < 120) current = i;
  });
  return current;
}
