/**
 * The context a W3C quote selector and position selector give a highlight beyond its exact text:
 * the prefix and suffix around it and its character offsets, each kept only when present.
 */
import type { ImportedHighlight } from '@shared/import/import-model';
import { rawStr, type JsonObject } from './json-values';

export function addSelectorContext(
  highlight: ImportedHighlight,
  quote: JsonObject | undefined,
  position: JsonObject | undefined,
): void {
  if (quote && rawStr(quote.prefix)) highlight.prefix = rawStr(quote.prefix);
  if (quote && rawStr(quote.suffix)) highlight.suffix = rawStr(quote.suffix);
  if (position && Number.isInteger(position.start) && Number.isInteger(position.end)) {
    highlight.position = { start: position.start as number, end: position.end as number };
  }
}
