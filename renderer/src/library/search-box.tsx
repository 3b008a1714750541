import { forwardRef } from 'react';
import { SearchIcon } from '../ui/icons';

interface Props {
  value: string;
  onChange(value: string): void;
  /** Enter or ↓ in the field moves on to the results. */
  onEnterList(): void;
}

export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox({ value, onChange, onEnterList }, ref) {
  return (
    <form className="search-box" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="field-with-icon">
        <SearchIcon />
        <input
          ref={ref}
          className="field"
          type="search"
          aria-label="Search articles"
          placeholder="Search titles and text"
          value={value}
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
    </form>
  );
});
