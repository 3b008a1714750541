import { writeFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { readPageMetadata } from '../electron/core/capture/page-metadata';
import { pageClues, typeFromClues } from '../electron/core/capture/page-type';
import { stripClutter } from '../electron/core/capture/strip-clutter';
import { stripInertMarkup } from '../electron/core/capture/strip-inert-markup';
import { installLinkedomFastPaths } from '../electron/core/capture/linkedom-fast-paths';
import { readWcxbCorpus } from './wcxb-corpus';
installLinkedomFastPaths();
const rows = [];
for (const page of readWcxbCorpus('../shared/corpora/wcxb-dev')) {
  const html = page.html();
  const document = (parseHTML(stripInertMarkup(html)) as unknown as { document: Document }).document;
  const meta = readPageMetadata(document, page.url);
  stripClutter(document.body);
  const clues = pageClues(document, page.url, meta);
  if (typeFromClues(clues) !== 'article') continue;
  let hl = 0, h = 0, inFurn = 0, art = 0, time = 0;
  for (const e of document.body.querySelectorAll('h2,h3,h4,article,time')) {
    if (e.tagName === 'ARTICLE') { art++; continue; }
    if (e.tagName === 'TIME') { time++; continue; }
    h++;
    const t = (e.textContent ?? '').trim().length;
    const a = e.closest('a') ?? e.querySelector('a');
    if (a && t > 0 && (a.textContent ?? '').trim().length >= 0.8 * t) {
      hl++;
      if (e.closest('nav,aside,footer,header')) inFurn++;
    }
  }
  rows.push({ id: page.id, type: page.type, h, hl, inFurn, art, time, lp: clues.counts.longParagraphs });
}
writeFileSync('/tmp/shop/feat.json', JSON.stringify(rows));
