/**
 * Measures for the extraction benchmark and the corpus test: token-level F1 against a
 * corpus page's expected.html, metadata agreement, and relative URLs left in the output.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

export const CORPUS_PAGE_URL = 'http://fakehost/test/page.html';
export const METADATA_FIELDS = ['title', 'byline', 'excerpt', 'siteName', 'lang', 'dir', 'publishedTime'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];
export type Metadata = Partial<Record<MetadataField, string | null | undefined>>;

export interface CorpusCase {
  name: string;
  source: string;
  expectedText: string;
  expectedMetadata: Metadata;
}

/** Every <dir>/<case>/ holding a source.html, sorted by name. */
export function readCorpus(dir: string): CorpusCase[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'source.html')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const at = (file: string) => join(dir, name, file);
      const expectedHtml = existsSync(at('expected.html')) ? readFileSync(at('expected.html'), 'utf8') : '';
      const metadataFile = at('expected-metadata.json');
      return {
        name,
        source: readFileSync(at('source.html'), 'utf8'),
        expectedText: htmlText(expectedHtml),
        expectedMetadata: existsSync(metadataFile) ? (JSON.parse(readFileSync(metadataFile, 'utf8')) as Metadata) : {},
      };
    });
}

export function htmlText(html: string): string {
  if (!html.trim()) return '';
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return document.body?.textContent ?? '';
}

/** Words, and CJK characters one by one (those scripts do not separate words). */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu;

export function tokenF1(actual: string, expected: string): number {
  const a = actual.toLowerCase().match(TOKEN) ?? [];
  const e = expected.toLowerCase().match(TOKEN) ?? [];
  if (a.length === 0 && e.length === 0) return 1;
  if (a.length === 0 || e.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of e) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of a) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(t, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / a.length;
  const recall = overlap / e.length;
  return (2 * precision * recall) / (precision + recall);
}

const BYLINE_PREFIX = /^(by|par|von|por|di|door)\s+/i;

/** Light normalisation, the same for every pipeline: collapsed white space, no leading "By " on a byline. */
function normalized(field: MetadataField, value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return (field === 'byline' ? text.replace(BYLINE_PREFIX, '') : text) || null;
}

/**
 * Equal after normalisation; times equal when they name the same instant. A value where the
 * expectation has none is a disagreement, as is none where it has one. `additionsAllowed`
 * is the lenient reading: a value found where the expectation has none counts as agreement.
 */
function sameValue(field: MetadataField, actual: string | null | undefined, expected: string | null | undefined, additionsAllowed: boolean): boolean {
  const a = normalized(field, actual);
  const e = normalized(field, expected);
  if (!e) return !a || additionsAllowed;
  if (!a) return false;
  if (field === 'publishedTime') return Date.parse(a) === Date.parse(e) && !Number.isNaN(Date.parse(a));
  return a === e;
}

export interface MetadataScore {
  /** Fields that agree (see sameValue). */
  matched: number;
  /** Fields that agree when a value found where the expectation has none is not counted against. */
  lenient: number;
  /** Fields the expectation states. */
  total: number;
  /** The disagreeing fields, for diagnosis. */
  mismatched: MetadataField[];
}

/** How many metadata fields agree, counting only fields the expectation states. */
export function metadataMatches(actual: Metadata, expected: Metadata): MetadataScore {
  const score: MetadataScore = { matched: 0, lenient: 0, total: 0, mismatched: [] };
  for (const field of METADATA_FIELDS) {
    if (!(field in expected)) continue;
    score.total++;
    if (sameValue(field, actual[field], expected[field], false)) score.matched++;
    else score.mismatched.push(field);
    if (sameValue(field, actual[field], expected[field], true)) score.lenient++;
  }
  return score;
}

const ABSOLUTE_OR_FRAGMENT = /^(#|[a-z][a-z0-9+.-]*:)/i;
const URL_ATTRIBUTE = /\s(href|src|poster|cite)\s*=\s*"([^"]*)"/gi;
const SRCSET_ATTRIBUTE = /\ssrcset\s*=\s*"([^"]*)"/gi;

/** Whether serialized HTML still refers to anything by a relative URL. */
export function hasRelativeUrl(html: string): boolean {
  // Only real tags: code samples show markup as escaped text (&lt;script src="x.js"&gt;).
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    for (const m of tag.matchAll(URL_ATTRIBUTE)) if (!ABSOLUTE_OR_FRAGMENT.test(m[2].trim())) return true;
    for (const m of tag.matchAll(SRCSET_ATTRIBUTE)) {
      for (const candidate of m[1].split(/,\s+/)) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url && !ABSOLUTE_OR_FRAGMENT.test(url)) return true;
      }
    }
  }
  return false;
}

export { percentile } from './percentile';
