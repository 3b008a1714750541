/**
 * The WCXB layout (html/<id>.html.gz, ground-truth/<id>.json) and its metric, as the corpus README
 * defines it: word-level F1 per page over lowercased `\w+` tokens (Unicode word characters), the
 * multiset overlap giving precision and recall; an empty reference with an empty prediction scores 1.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../electron/core/capture/decode-html';

export const PAGE_TYPES = ['article', 'documentation', 'forum', 'service', 'product', 'collection', 'listing'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface WcxbTruth {
  title: string | null;
  author: string | null;
  publishDate: string | null;
  mainContent: string;
  with: string[];
  without: string[];
}

export interface WcxbPage {
  id: string;
  type: PageType | string;
  url: string;
  truth: WcxbTruth;
  /** Decoded on demand: the whole corpus decoded would not fit the benchmark's heap. */
  html(): string;
}

export const isWcxbCorpus = (dir: string) => existsSync(join(dir, 'html')) && existsSync(join(dir, 'ground-truth'));

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);

export function readWcxbCorpus(dir: string): WcxbPage[] {
  return readdirSync(join(dir, 'ground-truth'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const id = name.replace(/\.json$/, '');
      const record = JSON.parse(readFileSync(join(dir, 'ground-truth', name), 'utf8')) as {
        url?: string;
        _internal?: { page_type?: { primary?: string } };
        ground_truth?: Record<string, unknown>;
      };
      const truth = record.ground_truth ?? {};
      const htmlFile = join(dir, 'html', `${id}.html.gz`);
      return {
        id,
        type: record._internal?.page_type?.primary ?? 'unknown',
        url: text(record.url) ?? `https://wcxb.invalid/${id}`,
        truth: {
          title: text(truth.title),
          author: text(truth.author),
          publishDate: text(truth.publish_date),
          mainContent: text(truth.main_content) ?? '',
          with: texts(truth.with),
          without: texts(truth.without),
        },
        html: () => decodeHtml(gunzipSync(readFileSync(htmlFile))).text,
      };
    });
}

/** Python's `\w` on str: Unicode letters, digits and the underscore. */
const WORD = /[\p{L}\p{N}_]+/gu;

export interface WordScore {
  f1: number;
  precision: number;
  recall: number;
}

export function wordScore(predicted: string, reference: string): WordScore {
  const p = predicted.toLowerCase().match(WORD) ?? [];
  const r = reference.toLowerCase().match(WORD) ?? [];
  if (p.length === 0 && r.length === 0) return { f1: 1, precision: 1, recall: 1 };
  if (p.length === 0 || r.length === 0) return { f1: 0, precision: 0, recall: 0 };
  const counts = new Map<string, number>();
  for (const t of r) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of p) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(t, left - 1);
    }
  }
  const precision = overlap / p.length;
  const recall = overlap / r.length;
  return { f1: overlap ? (2 * precision * recall) / (precision + recall) : 0, precision, recall };
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
const folded = (s: string) => squeeze(s).toLowerCase();

/** How many of the snippets occur in the text, compared case-insensitively with white space collapsed. */
export function snippetsFound(extracted: string, snippets: string[]): number {
  const haystack = folded(extracted);
  return snippets.filter((s) => folded(s) && haystack.includes(folded(s))).length;
}

/** Exact after collapsing white space. */
export const sameTitle = (actual: string | null | undefined, expected: string) =>
  squeeze(actual ?? '') === squeeze(expected);

/** The same name, ignoring case, a leading "By" and the separators between several names. */
export function sameAuthor(actual: string | null | undefined, expected: string): boolean {
  const norm = (s: string) =>
    folded(s)
      .replace(/^(by|von|par|por|di|door)\s+/, '')
      .replace(/\s*(,|&|\band\b)\s*/g, ',');
  return !!actual && norm(actual) === norm(expected);
}

/** The same calendar day: the date as the page wrote it when it is ISO-like, else as Date reads it. */
export function sameDay(actual: string | null | undefined, expected: string): boolean {
  if (!actual) return false;
  const day = (s: string) => {
    const iso = /^(\d{4}-\d{2}-\d{2})/.exec(s.trim());
    if (iso) return iso[1];
    const ms = Date.parse(s);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
  };
  const a = day(actual);
  return !!a && a === day(expected);
}
