/**
 * Reads what a page says about itself — <meta>, Open Graph, JSON-LD, <time>, <html lang> —
 * before Readability mutates the document. Readability's own findings take precedence;
 * these fill the gaps.
 */
import type { TextDirection } from '@shared/model';
import { documentBaseUrl, resolveReference } from './resolve-urls';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  excerpt: string | null;
  lang: string | null;
  dir: TextDirection | null;
  publishedTime: string | null;
  leadImageUrl: string | null;
  canonicalUrl: string | null;
}

const ARTICLE_TYPE = /Article|BlogPosting|Posting|Report|Review|NewsArticle/;
const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);
const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished', 'article.published',
  'published_time', 'publish-date', 'publish_date', 'pubdate', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created',
  'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'citation_publication_date',
];

type JsonObject = Record<string, unknown>;

export const collapse = (s: string | null | undefined): string | null => {
  const text = (s ?? '').replace(/\s+/g, ' ').trim();
  return text || null;
};

/** ISO 8601 (UTC) for anything Date can read, or null. */
export function toIsoDate(value: string | null | undefined): string | null {
  const text = collapse(value);
  if (!text) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year > 1900 && year < 2200 ? new Date(ms).toISOString() : null;
}

export function cleanByline(value: string | null | undefined): string | null {
  const text = collapse(value)?.replace(/^(by|von|par|por|di|door)\s+/i, '').replace(/^[-–—|·,\s]+|[-–—|·,\s]+$/g, '');
  if (!text || text.length > 120 || /^https?:\/\//i.test(text)) return null;
  return text;
}

export function normalizeLang(value: string | null | undefined): string | null {
  const text = collapse(value)?.replace(/_/g, '-');
  return text && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(text) ? text : null;
}

export function directionForLang(lang: string | null): TextDirection | null {
  if (!lang) return null;
  return RTL_LANGS.has(lang.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
}

export function asDirection(value: string | null | undefined): TextDirection | null {
  const text = value?.trim().toLowerCase();
  return text === 'rtl' || text === 'ltr' ? text : null;
}

function metaMap(document: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta[content]')) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

function jsonLdObjects(document: Document): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const obj = node as JsonObject;
    found.push(obj);
    if (obj['@graph']) visit(obj['@graph']);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common and harmless: the other sources still apply.
    }
  }
  return found;
}

function typeMatches(obj: JsonObject): boolean {
  const type = obj['@type'];
  return (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return collapse(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf((value as JsonObject).name);
  return null;
}

function urlOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return urlOf(value[0]);
  if (value && typeof value === 'object') return urlOf((value as JsonObject).url ?? (value as JsonObject).contentUrl);
  return null;
}

function publishedFromTimeElements(document: Document): string | null {
  for (const selector of ['time[itemprop="datePublished"]', 'time[pubdate]', 'article time[datetime]', 'header time[datetime]']) {
    const time = document.querySelector(selector);
    const iso = toIsoDate(time?.getAttribute('datetime') ?? time?.textContent);
    if (iso) return iso;
  }
  return null;
}

export function readPageMetadata(document: Document, pageUrl: string): PageMetadata {
  const meta = metaMap(document);
  const m = (...keys: string[]) => collapse(keys.map((k) => meta.get(k)).find(Boolean));
  const ld = jsonLdObjects(document).find(typeMatches) ?? {};
  const base = documentBaseUrl(document, pageUrl);
  const page = new URL(pageUrl);
  const absolute = (value: string | null | undefined) => {
    if (!value) return null;
    const url = resolveReference(value, base, page);
    return url && /^https?:/i.test(url) ? url : null;
  };
  const html = document.documentElement;
  const lang =
    normalizeLang(html?.getAttribute('lang') ?? html?.getAttribute('xml:lang')) ??
    normalizeLang(m('content-language', 'og:locale')) ??
    normalizeLang(typeof ld.inLanguage === 'string' ? ld.inLanguage : null);

  return {
    title: nameOf(ld.headline) ?? m('og:title', 'twitter:title') ?? collapse(document.querySelector('title')?.textContent) ?? collapse(document.querySelector('h1')?.textContent),
    byline: cleanByline(nameOf(ld.author) ?? m('author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator')),
    siteName: m('og:site_name', 'application-name') ?? nameOf(ld.publisher),
    excerpt: m('description', 'og:description', 'twitter:description') ?? (typeof ld.description === 'string' ? collapse(ld.description) : null),
    lang,
    dir: asDirection(html?.getAttribute('dir')) ?? asDirection(document.body?.getAttribute('dir')) ?? directionForLang(lang),
    publishedTime:
      toIsoDate(typeof ld.datePublished === 'string' ? ld.datePublished : null) ??
      toIsoDate(PUBLISHED_META.map((k) => meta.get(k)).find((v) => toIsoDate(v))) ??
      publishedFromTimeElements(document),
    leadImageUrl: absolute(m('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ?? urlOf(ld.image)),
    canonicalUrl: absolute(document.querySelector('link[rel~="canonical"][href]')?.getAttribute('href')),
  };
}

/** "Story | Site" and "Site – Story" become "Story" when the site's name is known. */
export function stripSiteName(title: string | null, siteName: string | null): string | null {
  if (!title || !siteName) return title;
  const site = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title.replace(new RegExp(`\\s+[|\\-–—:·»]\\s+${site}$`, 'i'), '').replace(new RegExp(`^${site}\\s+[|\\-–—:·»]\\s+`, 'i'), '');
  return stripped.trim() || title;
}

/**
 * Readability drops a " | Site" or " - Site" suffix but not an en-dash one ("Story – Site"):
 * the same rule, for the en dash — the last part goes when more than four words remain.
 */
export function stripTitleSuffix(title: string | null): string | null {
  if (!title) return title;
  const at = title.lastIndexOf(' – ');
  if (at < 0) return title;
  const head = title.slice(0, at).trim();
  return head.split(/\s+/).length > 4 ? head : title;
}
