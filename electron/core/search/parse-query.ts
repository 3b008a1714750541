/**
 * The search box's syntax: plain words (all must match), "quoted phrases", -word to exclude,
 * and filters tag:x, site:example.com, is:archived|unread|read|favourite|deleted,
 * has:highlights|notes, lang:de (each can be negated with a leading -). The last plain word
 * also matches as a prefix while it is being typed (no space after it yet). An is: or has: value
 * not listed here is an error ('bad-query'), so a typo does not silently match everything.
 */
import { OffprintError } from '@shared/ipc/envelope';
import { fold } from '@shared/text/fold-text';
import { eachToken } from './tokenize';

export type FilterKey = 'tag' | 'site' | 'is' | 'has' | 'lang';

export interface QueryFilter {
  key: FilterKey;
  /** Lower-cased; for tag: as typed (matching is case-insensitive anyway); for is: and has: the canonical value. */
  value: string;
  negated: boolean;
}

export interface ParsedQuery {
  /** Tokens that must all occur. */
  terms: string[];
  /** The last word being typed: any token starting with it counts. */
  prefix: string | null;
  /** Each a run of tokens that must occur next to each other, in order; `text` is the folded phrase. */
  phrases: Array<{ tokens: string[]; text: string }>;
  /** Tokens that must not occur. */
  excluded: string[];
  filters: QueryFilter[];
}

const FILTER_KEYS = new Set<string>(['tag', 'site', 'is', 'has', 'lang']);

/** The values is: and has: understand, each with the spellings that mean it. */
export const IS_VALUES = {
  archived: ['archived'],
  unread: ['unread'],
  read: ['read'],
  favourite: ['favourite', 'favorite', 'fav', 'starred'],
  inbox: ['inbox'],
  deleted: ['deleted', 'trashed'],
} as const;
export const HAS_VALUES = {
  highlights: ['highlights', 'highlight'],
  notes: ['notes', 'note'],
} as const;
export type IsValue = keyof typeof IS_VALUES;
export type HasValue = keyof typeof HAS_VALUES;

/** The canonical value a spelling means, or null. */
function canonical<K extends string>(table: Record<K, readonly string[]>, value: string): K | null {
  for (const [name, spellings] of Object.entries(table) as Array<[K, readonly string[]]>) {
    if (spellings.includes(value)) return name;
  }
  return null;
}

function checkedValue(key: FilterKey, value: string): string {
  if (key !== 'is' && key !== 'has') return value;
  const table = key === 'is' ? IS_VALUES : HAS_VALUES;
  const known = canonical<string>(table, value);
  if (known) return known;
  throw new OffprintError(
    'bad-query',
    `Unknown search filter ${key}:${value}. ${key}: takes ${Object.keys(table).join(', ')}.`,
  );
}
const PART = /(-?)([a-z]+):("[^"]*"?|[^\s"]+)|(-?)"([^"]*)"?|(\S+)/gi;

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], prefix: null, phrases: [], excluded: [], filters: [] };
  const typing = query.length > 0 && !/\s$/.test(query);
  let lastWord: { tokens: string[]; index: number } | null = null;
  for (const match of query.matchAll(PART)) {
    const [whole, neg1, key, value, neg2, phrase, word] = match;
    const isLast = match.index + whole.length === query.length;
    if (key !== undefined && FILTER_KEYS.has(key.toLowerCase())) {
      const clean = value.replace(/^"|"$/g, '').trim();
      const k = key.toLowerCase() as FilterKey;
      if (clean)
        parsed.filters.push({
          key: k,
          value: k === 'tag' ? clean : checkedValue(k, clean.toLowerCase()),
          negated: neg1 === '-',
        });
      continue;
    }
    if (phrase !== undefined) {
      const tokens = tokensOf(phrase);
      if (tokens.length === 0) continue;
      if (neg2 === '-') parsed.excluded.push(...(tokens.length === 1 ? tokens : []));
      else if (tokens.length === 1) parsed.terms.push(tokens[0]);
      else parsed.phrases.push({ tokens, text: phraseText(phrase) });
      continue;
    }
    const text = key !== undefined ? whole : word;
    if (text.startsWith('-') && text.length > 1) {
      parsed.excluded.push(...tokensOf(text.slice(1)));
      continue;
    }
    const tokens = tokensOf(text);
    if (tokens.length === 0) continue;
    parsed.terms.push(...tokens);
    lastWord = isLast && typing ? { tokens, index: parsed.terms.length - 1 } : null;
  }
  if (lastWord) {
    // Only the last token of the last word is incomplete ("new yo" → new, yo*).
    parsed.prefix = parsed.terms.splice(lastWord.index, 1)[0];
  }
  parsed.terms = [...new Set(parsed.terms)];
  return parsed;
}

/** Folded, with every run of non-letters as one space: what a phrase is compared against. */
export function phraseText(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function tokensOf(text: string): string[] {
  const tokens: string[] = [];
  eachToken(fold(text), (t) => tokens.push(t));
  return tokens;
}

/** Every token a hit's snippet should mark. */
export function markedTokens(query: ParsedQuery): string[] {
  return [
    ...new Set([...query.terms, ...query.phrases.flatMap((p) => p.tokens), ...(query.prefix ? [query.prefix] : [])]),
  ];
}
