/**
 * A product's own description, as its JSON-LD states it, when the page's region shows little of
 * it: shops often fill the description's drawer or tab by script, or show only the other products
 * around it. It is placed after the headline, as the paragraphs the shop wrote.
 */
import { escapeText, type Region } from './main-region';
import { squeezeSpace } from './squeeze-space';

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
  return text.split(/\n+/).map(squeezeSpace).filter(Boolean);
}

/** A line opening with a bullet ("- ", "• ", "* "): an item of the description's list. */
const BULLET = /^[-•*–]\s+/;
/**
 * Items run together when the shop's line breaks were lost ("- Slim fit- Lightweight- Crew neck"):
 * a bullet right after a word, before the next item's capital or digit.
 */
const RUN_TOGETHER = /(?<=[\p{L}\p{N}).%])[-•–]\s+(?=[\p{Lu}\p{N}])/u;
const MIN_RUN_TOGETHER = 2;

function itemsOf(line: string): string[] | null {
  if (!BULLET.test(line)) return null;
  const items = line.replace(BULLET, '').split(RUN_TOGETHER);
  return items.length > MIN_RUN_TOGETHER || items.length === 1 ? items.map((item) => item.trim()) : [line];
}

/** Paragraphs, and the bulleted lines between them as one list. */
function blocksOf(lines: string[]): string {
  const out: string[] = [];
  let list: string[] = [];
  const closeList = () => {
    if (list.length) out.push(`<ul>${list.map((item) => `<li>${escapeText(item)}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const line of lines) {
    const items = itemsOf(line);
    if (items) list.push(...items.filter(Boolean));
    else {
      closeList();
      out.push(`<p>${escapeText(line)}</p>`);
    }
  }
  closeList();
  return out.join('');
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
  const added = blocksOf(lines);
  const afterHeadline = region.html.indexOf('</h1>');
  const html =
    afterHeadline < 0
      ? added + region.html
      : region.html.slice(0, afterHeadline + 5) + added + region.html.slice(afterHeadline + 5);
  return { ...region, html, chars: region.chars + lines.join('').replace(/\s+/g, '').length };
}
