import { extractPage } from '../electron/core/capture/extract-article';
import { readCorpus, CORPUS_PAGE_URL, METADATA_FIELDS } from '../scripts/corpus-metrics';
const pages = readCorpus('/work/shared/corpora/readability-test-pages');
const counts: Record<string, number> = {};
for (const p of pages) {
  const a = extractPage(p.source, CORPUS_PAGE_URL).article as any;
  for (const f of METADATA_FIELDS) {
    if (!(f in p.expectedMetadata)) continue;
    const e = (p.expectedMetadata as any)[f] ?? null; const v = a[f] ?? null;
    const same = f === 'publishedTime' && v && e ? Date.parse(v) === Date.parse(e) : (String(v ?? '').replace(/\s+/g,' ').trim()||null) === (String(e??'').replace(/\s+/g,' ').trim()||null);
    if (!same) { counts[f] = (counts[f] ?? 0) + 1; if (process.argv.includes(f)) console.log(p.name, f, JSON.stringify(v)?.slice(0,120), '|', JSON.stringify(e)?.slice(0,120)); }
  }
}
console.log(counts);
