/**
 * Child process of the crash test: performs a stream of mixed writes on a library through the
 * real store and prints, for each, a "begin" line before and an "ack" line once the store has
 * acknowledged it. The parent kills it with SIGKILL at random moments.
 * Usage: node --import tsx crash-writer.ts <libraryDir> <seed>
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LibraryStore } from '../../../electron/core/library/library-store';

const [dir, seedArg] = process.argv.slice(2);
let seed = Number(seedArg) >>> 0;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const say = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

const store = await LibraryStore.open(dir, { progressFlushMs: 60_000, compactJournalBytes: 16 * 1024 });
say({ type: 'ready' });
for (let n = 0; ; n++) {
  const live = store.articles().filter((a) => !a.deletedAt);
  const target = live[Math.floor(random() * live.length)];
  const roll = random();
  if (!target || roll < 0.25) {
    const staging = await store.beginStaging();
    const text = `Article ${n} from seed ${seedArg}. ${'Words and more words. '.repeat(1 + Math.floor(random() * 20))}`;
    await writeFile(join(staging.assetsDir, 'image.png'), Buffer.alloc(64 + Math.floor(random() * 4096), n % 256));
    const url = `https://crash.test/${seedArg}/${n}`;
    say({ type: 'begin', op: 'save', url });
    const { article } = await store.commitArticle(staging, {
      url,
      originalUrl: url,
      title: `Article ${n}`,
      byline: null,
      siteName: 'Crash Test',
      excerpt: null,
      lang: 'en',
      dir: 'ltr',
      publishedTime: null,
      wordCount: text.split(' ').length,
      readingMinutes: 1,
      leadImage: null,
      extraction: 'readability',
      content: `<p>${text}</p>`,
      textContent: text,
    });
    say({ type: 'ack', op: 'save', id: article.id, url });
  } else if (roll < 0.45) {
    const tags = random() < 0.7 ? [...target.tags, `tag${Math.floor(random() * 10)}`].slice(-3) : [];
    say({ type: 'begin', op: 'tags', id: target.id, tags });
    await store.updateArticle(target.id, () => ({ tags }));
    say({ type: 'ack', op: 'tags', id: target.id, tags });
  } else if (roll < 0.6) {
    say({ type: 'begin', op: 'highlight', id: target.id });
    const highlight = await store.addHighlight({
      articleId: target.id,
      quote: { type: 'TextQuoteSelector', exact: 'Article', prefix: '', suffix: ' ' },
      position: { type: 'TextPositionSelector', start: 0, end: 7 },
      color: 'yellow',
      note: `note ${n}`,
    });
    say({ type: 'ack', op: 'highlight', id: target.id, highlightId: highlight.id });
  } else if (roll < 0.68 && target.highlightCount > 0) {
    const [highlight] = await store.highlightsOf(target.id);
    say({ type: 'begin', op: 'unhighlight', id: target.id, highlightId: highlight.id });
    await store.deleteHighlight(highlight.id);
    say({ type: 'ack', op: 'unhighlight', id: target.id, highlightId: highlight.id });
  } else if (roll < 0.85) {
    const progress = Math.round(random() * 100) / 100;
    say({ type: 'begin', op: 'progress', id: target.id, progress });
    store.setProgress(target.id, progress);
    await store.flushProgress();
    say({ type: 'ack', op: 'progress', id: target.id, progress });
  } else if (roll < 0.95) {
    const archived = !target.archived;
    say({ type: 'begin', op: 'archive', id: target.id, archived });
    await store.updateArticle(target.id, () => ({ archived }));
    say({ type: 'ack', op: 'archive', id: target.id, archived });
  } else {
    say({ type: 'begin', op: 'trash', id: target.id });
    await store.updateArticle(target.id, () => ({ deletedAt: new Date().toISOString() }));
    say({ type: 'ack', op: 'trash', id: target.id });
  }
}
