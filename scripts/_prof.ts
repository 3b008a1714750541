import { parseHTML } from 'linkedom';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { readCorpus, CORPUS_PAGE_URL } from './corpus-metrics';
import { readPageMetadata } from '../electron/core/capture/page-metadata';
import { resolveDocumentUrls } from '../electron/core/capture/resolve-urls';
import { prepareImages } from '../electron/core/capture/lazy-images';
import { stripClutter } from '../electron/core/capture/strip-clutter';
import { sanitizeArticleHtml, htmlToText } from '../electron/core/capture/sanitize-article';
const only = process.argv[2];
const pages = readCorpus('/work/shared/corpora/readability-test-pages').filter(p => !only || p.name === only);
const t: Record<string, number[]> = {};
for (let pass = 0; pass < 2; pass++) for (const p of pages) {
  let s = performance.now();
  const lap = (k: string) => { const n = performance.now(); if (pass) (t[k] ??= []).push(n - s); s = n; };
  const src = process.env.STRIP ? p.source.replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->/gi, '') : p.source; lap('strip'); const { document } = parseHTML(src) as any; lap('parse');
  readPageMetadata(document, CORPUS_PAGE_URL); lap('meta');
  resolveDocumentUrls(document, CORPUS_PAGE_URL); lap('resolve');
  prepareImages(document); lap('images');
  stripClutter(document.body); lap('clutter');
  isProbablyReaderable(document); lap('readerable');
  const r = new Readability(document, { keepClasses: false }).parse(); lap('readability');
  const c = sanitizeArticleHtml(r?.content ?? ''); lap('sanitize');
  htmlToText(c); lap('text');
}
for (const [k, v] of Object.entries(t)) { const s = [...v].sort((a,b)=>a-b); console.log(k.padEnd(12), 'median', s[s.length>>1].toFixed(2), 'sum', v.reduce((a,b)=>a+b,0).toFixed(0)); }
