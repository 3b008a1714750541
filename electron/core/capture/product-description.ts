/**
 * A product's own description, as its JSON-LD states it, when the page's region shows little of
 * it: shops often fill the description's drawer or tab by script, or show only the other products
 * around it. It is placed after the headline, as the paragraphs the shop wrote.
 */
import { escapeText, type Region } from './main-region';

const WORD = /[\p{L}\p{N}]+/gu;
/** A line under the name ("Regular fit") is no description worth adding. */
const MIN_WORDS = 12;
/** The region already shows the description when it holds this share of its words. */
const SHOWN_SHARE = 0.6;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** JSON-LD descriptions are often HTML, or text with entities: plain paragraphs come out. */
function paragraphs(description: string): string[] {
  const text = description
    .replace(/<(br|\/p|\/li|\/h\d|\/div)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name]);
  return text
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export function withProductDescription(region: Region, description: string | null | undefined): Region {
  // Written URL-encoded by some shops: nothing a reader should see.
  if (!description || /%20/.test(description)) return region;
  const lines = paragraphs(description);
  const words = lines.join(' ').toLowerCase().match(WORD) ?? [];
  if (words.length < MIN_WORDS) return region;
  const shown = new Set(
    region.html
      .replace(/<[^>]*>/g, ' ')
      .toLowerCase()
      .match(WORD),
  );
  if (words.filter((word) => shown.has(word)).length >= SHOWN_SHARE * words.length) return region;
  const added = lines.map((line) => `<p>${escapeText(line)}</p>`).join('');
  const afterHeadline = region.html.indexOf('</h1>');
  const html =
    afterHeadline < 0
      ? added + region.html
      : region.html.slice(0, afterHeadline + 5) + added + region.html.slice(afterHeadline + 5);
  return { ...region, html, chars: region.chars + lines.join('').replace(/\s+/g, '').length };
}
