import { useId } from 'react';
import {
  SORT_FIELDS,
  type ListFilters,
  type ListSort,
  type SortField,
  type TagCount,
  type ViewSettings,
} from '@shared/model';
import { TagFilterOptions } from '../ui/tag-options';

const SORT_LABELS: Record<SortField, string> = {
  saved: 'Date saved',
  published: 'Date published',
  title: 'Title',
  site: 'Site',
  length: 'Length',
  progress: 'Progress',
};
const DIRECTION_LABELS: Record<SortField, [string, string]> = {
  saved: ['Oldest first', 'Newest first'],
  published: ['Oldest first', 'Newest first'],
  title: ['A to Z', 'Z to A'],
  site: ['A to Z', 'Z to A'],
  length: ['Shortest first', 'Longest first'],
  progress: ['Least read first', 'Most read first'],
};

export const DEFAULT_SORT: ListSort = { field: 'saved', direction: 'desc' };

const LANGUAGES: [string, string][] = [
  ['en', 'English'],
  ['de', 'German'],
  ['fr', 'French'],
  ['es', 'Spanish'],
  ['it', 'Italian'],
  ['pt', 'Portuguese'],
  ['nl', 'Dutch'],
  ['ja', 'Japanese'],
  ['zh', 'Chinese'],
  ['ko', 'Korean'],
  ['ru', 'Russian'],
  ['ar', 'Arabic'],
];

interface Props {
  settings: ViewSettings;
  onChange(settings: ViewSettings): void;
  tags: TagCount[];
  /** Sites of the rows seen so far, offered as suggestions. */
  sites: string[];
  /** In a tag's own view the tag filter is the view itself. */
  showTagFilter: boolean;
}

/** Sort and filters of the current view; every change is remembered for that view. */
export function ListToolbar({ settings, onChange, tags, sites, showTagFilter }: Props) {
  const sort = settings.sort ?? DEFAULT_SORT;
  const filters = settings.filters ?? {};
  const sitesId = useId();
  const setFilter = <K extends keyof ListFilters>(name: K, value: ListFilters[K] | '') => {
    const next: ListFilters = { ...filters };
    if (value) next[name] = value as ListFilters[K];
    else delete next[name];
    onChange({ ...settings, filters: next });
  };
  const active = Object.keys(filters).length;
  const [ascending, descending] = DIRECTION_LABELS[sort.field];

  return (
    <div className="list-toolbar" role="group" aria-label="Sort and filter">
      <label className="toolbar-field">
        <span>Sort</span>
        <select
          aria-label="Sort by"
          value={sort.field}
          onChange={(e) => onChange({ ...settings, sort: { ...sort, field: e.target.value as SortField } })}
        >
          {SORT_FIELDS.map((field) => (
            <option key={field} value={field}>
              {SORT_LABELS[field]}
            </option>
          ))}
        </select>
      </label>
      <select
        aria-label="Sort direction"
        value={sort.direction}
        onChange={(e) =>
          onChange({ ...settings, sort: { ...sort, direction: e.target.value as ListSort['direction'] } })
        }
      >
        <option value="desc">{descending}</option>
        <option value="asc">{ascending}</option>
      </select>
      <span className="toolbar-divider" aria-hidden="true" />
      <select
        aria-label="Read state"
        value={filters.readState ?? ''}
        onChange={(e) => setFilter('readState', e.target.value as ListFilters['readState'])}
      >
        <option value="">Read or unread</option>
        <option value="unread">Unread</option>
        <option value="read">Read</option>
      </select>
      {showTagFilter && (
        <select aria-label="Tag filter" value={filters.tag ?? ''} onChange={(e) => setFilter('tag', e.target.value)}>
          <TagFilterOptions tags={tags} />
        </select>
      )}
      <select aria-label="Language" value={filters.lang ?? ''} onChange={(e) => setFilter('lang', e.target.value)}>
        <option value="">Any language</option>
        {LANGUAGES.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
        {filters.lang && !LANGUAGES.some(([code]) => code === filters.lang) && (
          <option value={filters.lang}>{filters.lang}</option>
        )}
      </select>
      <input
        key={filters.site ?? ''}
        className="site-filter"
        aria-label="Site filter"
        placeholder="Any site"
        list={sitesId}
        defaultValue={filters.site ?? ''}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            e.currentTarget.value = filters.site ?? '';
            e.currentTarget.blur();
          }
        }}
        onBlur={(e) => e.target.value.trim() !== (filters.site ?? '') && setFilter('site', e.target.value.trim())}
      />
      <datalist id={sitesId}>
        {sites.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {active > 0 && (
        <button type="button" className="text-button" onClick={() => onChange({ ...settings, filters: {} })}>
          Clear filters
        </button>
      )}
    </div>
  );
}
