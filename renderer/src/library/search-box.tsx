import { forwardRef, useState } from 'react';
import { SearchIcon } from '../ui/icons';

interface Props {
  value: string;
  onChange(value: string): void;
  /** Enter or ↓ in the field moves on to the results. */
  onEnterList(): void;
}

const SYNTAX: [string, string][] = [
  ['"exact phrase"', 'words in this order'],
  ['-word', 'without this word'],
  ['tag:name', 'tagged'],
  ['site:example.com', 'from a site'],
  ['is:unread  is:archived  is:favourite', 'state'],
  ['has:highlights  has:notes', 'with highlights, with notes'],
  ['lang:de', 'in a language'],
];

export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox({ value, onChange, onEnterList }, ref) {
  const [focused, setFocused] = useState(false);
  return (
    <form className="search-box popover-anchor" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="field-with-icon">
        <SearchIcon />
        <input
          ref={ref}
          className="field"
          type="search"
          aria-label="Search articles"
          aria-describedby="search-syntax"
          placeholder="Search titles and text"
          value={value}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              onChange('');
              event.currentTarget.blur();
            } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
              event.preventDefault();
              onEnterList();
            }
          }}
        />
        <kbd className="field-hint">/</kbd>
      </div>
      <div
        id="search-syntax"
        className={`search-syntax${focused && !value ? ' shown' : ''}`}
        aria-label="Search syntax"
      >
        <p>All words must match; the last one may be unfinished.</p>
        <dl>
          {SYNTAX.map(([example, meaning]) => (
            <div key={example}>
              <dt>
                <code>{example}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </div>
    </form>
  );
});
