import { HIGHLIGHT_COLORS, type HighlightColor } from '@shared/model';

/** An export's colour name when Offprint has that colour, else null (the merge picks the default). */
export function highlightColor(value: unknown): HighlightColor | null {
  if (typeof value !== 'string') return null;
  const name = value.trim().toLowerCase();
  return (HIGHLIGHT_COLORS as readonly string[]).includes(name) ? (name as HighlightColor) : null;
}
