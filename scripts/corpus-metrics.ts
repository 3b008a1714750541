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

/** Equal after normalisation; times equal when they name the same instant. */
function sameValue(field: MetadataField, actual: string | null, expected: string): boolean {
  if (!actual) return false;
  if (field === 'publishedTime')
    return Date.parse(actual) === Date.parse(expected) && !Number.isNaN(Date.parse(actual));
  return actual === expected;
}

/**
 * expected-metadata.json is what Readability itself returned, so its null means "Readability
 * found none", not "the page has none": the issue's own fallbacks (JSON-LD, Open Graph, <meta>)
 * find a date or an author on pages where Readability did not. Agreement is therefore counted
 * over the fields the file states a value for; a value where the file has null is an addition,
 * counted separately, and the strict figure counts additions as disagreements.
 */
export interface MetadataScore {
  /** Stated fields that agree. */
  matched: number;
  /** Fields the file states a value for. */
  stated: number;
  /** Fields the file lists, with or without a value. */
  listed: number;
  /** Values found where the file has null, by field. */
  additions: MetadataField[];
  /** Stated fields that disagree, for diagnosis. */
  mismatched: MetadataField[];
}

export function metadataMatches(actual: Metadata, expected: Metadata): MetadataScore {
  const score: MetadataScore = { matched: 0, stated: 0, listed: 0, additions: [], mismatched: [] };
  for (const field of METADATA_FIELDS) {
    if (!(field in expected)) continue;
    score.listed++;
    const want = normalized(field, expected[field]);
    const got = normalized(field, actual[field]);
    if (!want) {
      if (got) score.additions.push(field);
      continue;
    }
    score.stated++;
    if (sameValue(field, got, want)) score.matched++;
    else score.mismatched.push(field);
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
