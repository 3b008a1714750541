/**
 * Shared by the capture-queue tests, the crash test and the bench: placeholder articles (what an
 * import records before anything is fetched), a page worth extracting, and a clock tests drive.
 */
import { LibraryStore } from '../../electron/core/library/library-store';
import type { QueueTimer } from '../../electron/core/saving/capture-queue';

/** An article page the extractor keeps (enough paragraphs to read as an article). */
export function articlePage(title: string, words = 'The queue fetched this page in its turn.'): string {
  const paragraphs = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>${words} Paragraph ${i + 1} of “${title}” says more about the subject at some length, so that it reads as a story.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs}</article></body></html>`;
}

export interface Placeholder {
  title: string;
  url: string;
  tags?: string[];
}

/**
 * Records entries without content, as an import does (through the store's own commit, with an
 * empty body), and returns their ids. Opens and closes the library itself.
 */
export async function addPlaceholders(libraryDir: string, entries: readonly Placeholder[]): Promise<string[]> {
  const store = await LibraryStore.open(libraryDir);
  try {
    const ids: string[] = [];
    for (const entry of entries) {
      const staging = await store.beginStaging();
      const { article } = await store.commitArticle(staging, {
        url: entry.url,
        originalUrl: entry.url,
        title: entry.title,
        byline: null,
        siteName: null,
        excerpt: null,
        lang: null,
        dir: null,
        publishedTime: null,
        wordCount: 0,
        readingMinutes: 0,
        leadImage: null,
        extraction: 'fallback',
        content: '',
        textContent: '',
      });
      if (entry.tags?.length) await store.updateArticle(article.id, () => ({ tags: entry.tags }));
      ids.push(article.id);
    }
    return ids;
  } finally {
    await store.close();
  }
}

/** A clock and timer that move only when the test says so. */
export class TestClock {
  #ms: number;
  #timers: { at: number; fn: () => void; live: boolean }[] = [];

  constructor(start = Date.parse('2026-03-01T09:00:00Z')) {
    this.#ms = start;
  }

  readonly now = (): Date => new Date(this.#ms);

  readonly timer: QueueTimer = (fn, ms) => {
    const entry = { at: this.#ms + ms, fn, live: true };
    this.#timers.push(entry);
    return () => void (entry.live = false);
  };

  /** When the earliest live timer would fire, or null. */
  get nextTimerAt(): number | null {
    const live = this.#timers.filter((t) => t.live);
    return live.length ? Math.min(...live.map((t) => t.at)) : null;
  }

  advance(ms: number): void {
    this.#ms += ms;
    const due = this.#timers.filter((t) => t.live && t.at <= this.#ms);
    this.#timers = this.#timers.filter((t) => t.live && t.at > this.#ms);
    for (const t of due) t.fn();
  }
}

/** Polls until `check` holds (real time), failing with `what` after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
