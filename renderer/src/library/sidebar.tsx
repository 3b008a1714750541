import type { ReactNode } from 'react';
import type { LibraryView, TagCount } from '@shared/model';
import { sameTag } from '@shared/library/tag-key';
import { routeHref, type Route } from '../route';
import { ArchiveIcon, HighlightIcon, InboxIcon, NoteIcon, StackIcon, StarIcon, TagIcon, TrashIcon } from '../ui/icons';
import type { ThemePreference } from '../ui/theme';
import { MOD_KEY } from '../ui/platform';
import { ThemeButton } from '../ui/theme-button';
import { ShortcutList, type Shortcut } from '../ui/shortcut-list';

const VIEWS: { view: LibraryView; label: string; icon: ReactNode }[] = [
  { view: 'inbox', label: 'Inbox', icon: <InboxIcon /> },
  { view: 'favourites', label: 'Favourites', icon: <StarIcon /> },
  { view: 'archive', label: 'Archive', icon: <ArchiveIcon /> },
  { view: 'all', label: 'All articles', icon: <StackIcon /> },
  { view: 'clipped', label: 'Highlighted', icon: <HighlightIcon /> },
  { view: 'trash', label: 'Trash', icon: <TrashIcon /> },
];

const SHORTCUTS: Shortcut[] = [
  [[MOD_KEY, 'L'], 'Save a link'],
  [['/'], 'Search'],
  [['j', 'k'], 'Move'],
  [['o'], 'Open'],
  [['e'], 'Archive'],
  [['f'], 'Favourite'],
  [['t'], 'Tag'],
  [['#'], 'Delete'],
  [['x'], 'Select'],
  [[MOD_KEY, 'A'], 'Select all'],
  [[MOD_KEY, 'Z'], 'Undo'],
  [['g', 'i'], 'Go to Inbox'],
  [['g', 'a'], 'Go to Archive'],
  [['g', 'f'], 'Go to Favourites'],
  [['g', 'c'], 'Go to Highlighted'],
];

export const viewLabel = (view: LibraryView): string => VIEWS.find((v) => v.view === view)!.label;

interface Props {
  route: Extract<Route, { name: 'library' }> | { name: 'clips' };
  tags: TagCount[];
  theme: ThemePreference;
  onCycleTheme(): void;
  /** Opens the tag manager (absent where tags cannot be managed). */
  onManageTags?(): void;
}

export function Sidebar({ route, tags, theme, onCycleTheme, onManageTags }: Props) {
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          O
        </span>
        Offprint
      </div>
      <nav aria-label="Library">
        <ul className="nav-list">
          {VIEWS.map(({ view, label, icon }) => {
            const current = route.name === 'library' && !route.tag && route.view === view;
            return (
              <li key={view}>
                <a
                  className="nav-item"
                  href={routeHref({ name: 'library', view })}
                  aria-current={current ? 'page' : undefined}
                >
                  {icon}
                  <span>{label}</span>
                </a>
              </li>
            );
          })}
          <li>
            <a
              className="nav-item"
              href={routeHref({ name: 'clips' })}
              aria-current={route.name === 'clips' ? 'page' : undefined}
            >
              <NoteIcon />
              <span>Clips</span>
            </a>
          </li>
        </ul>
        <div className="nav-heading-row">
          <h2 className="nav-heading">Tags</h2>
          {onManageTags && tags.length > 0 && (
            <button
              type="button"
              className="nav-heading-action"
              onClick={onManageTags}
              aria-label="Manage tags"
              title="Rename, merge and delete tags"
            >
              Manage
            </button>
          )}
        </div>
        {tags.length === 0 ? (
          <p className="nav-empty">Tags you add to articles appear here.</p>
        ) : (
          <ul className="nav-list" aria-label="Tags">
            {tags.map((tag) => {
              const current = route.name === 'library' && route.tag !== undefined && sameTag(route.tag, tag.name);
              return (
                <li key={tag.name}>
                  <a
                    className="nav-item"
                    href={routeHref({ name: 'library', view: 'all', tag: tag.name })}
                    aria-current={current ? 'page' : undefined}
                  >
                    <TagIcon />
                    <span className="nav-label truncate">{tag.name}</span>
                    <span className="nav-count">{tag.count}</span>
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </nav>
      <div className="sidebar-footer">
        <ThemeButton preference={theme} onCycle={onCycleTheme} withLabel />
        <details className="shortcuts-help">
          <summary>Keyboard shortcuts</summary>
          <ShortcutList shortcuts={SHORTCUTS} className="shortcuts" label="Keyboard shortcuts" />
        </details>
      </div>
    </aside>
  );
}
