import { extractPage } from '../electron/core/capture/extract-article';
import { readCorpus, CORPUS_PAGE_URL } from './corpus-metrics';
const pages = readCorpus('/work/shared/corpora/readability-test-pages');
const mb = (n: number) => Math.round(n / 1048576);
for (let pass = 0; pass < 3; pass++) {
  let peak = 0;
  for (const p of pages) { try { extractPage(p.source, CORPUS_PAGE_URL); } catch {} peak = Math.max(peak, process.memoryUsage().rss); }
  const m = process.memoryUsage();
  console.log('pass', pass, 'peak', mb(peak), 'rss', mb(m.rss), 'heapUsed', mb(m.heapUsed), 'heapTotal', mb(m.heapTotal), 'ext', mb(m.external));
  (globalThis as any).gc?.(); console.log(' after gc', mb(process.memoryUsage().rss), mb(process.memoryUsage().heapUsed));
}
