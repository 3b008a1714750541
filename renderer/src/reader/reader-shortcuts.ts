import { MOD_KEY } from '../ui/platform';
import type { Shortcut } from '../ui/shortcut-list';

/** Every reader shortcut, as the `?` overlay lists them. */
export const READER_SHORTCUTS: { group: string; items: Shortcut[] }[] = [
  {
    group: 'Reading',
    items: [
      [['j', '↓'], 'Scroll down'],
      [['k', '↑'], 'Scroll up'],
      [['Space'], 'Page down'],
      [['Shift', 'Space'], 'Page up'],
      [['+', '−'], 'Larger or smaller text'],
      [[MOD_KEY, 'F'], 'Find in article'],
      [['c'], 'Table of contents'],
      [['r'], 'Read aloud, pause'],
      [['s'], 'Reading settings'],
    ],
  },
  {
    group: 'Highlights',
    items: [
      [['h'], 'Highlight the selection (last colour)'],
      [['n'], 'Highlight with a note'],
      [['[', ']'], 'Previous or next highlight'],
      [['p'], 'Highlights panel'],
      [[MOD_KEY, 'Z'], 'Undo delete'],
    ],
  },
  {
    group: 'Article',
    items: [
      [['e'], 'Archive'],
      [['f'], 'Favourite'],
      [['t'], 'Tags'],
      [['o'], 'Open the original'],
      [['u', 'Esc'], 'Back to the library'],
      [['/'], 'Search the library'],
      [['?'], 'This list'],
    ],
  },
];
