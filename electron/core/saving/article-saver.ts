/**
 * Saving a page (from the web or a file) and updating a saved article from its source, both
 * through the one capture flow. An update keeps tags, state, progress and highlights.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OffprintError } from '@shared/ipc/envelope';
import type { ArticleMeta, SaveResult } from '@shared/model';
import { captureRenderedPage, type RenderedPageCapture } from '../capture/capture-rendered';
import { normalizeUrl, parseHttpUrl } from '../capture/normalize-url';
import { refreshedArticle } from '../library/refresh-article';
import { errorText } from '../logger';
import { runCapture, storedLeadImage, type CaptureFlowDeps } from './capture-flow';
import type { PageLocation, PageSource } from './page-source';

export class ArticleSaver {
  readonly #refreshing = new Set<string>();

  constructor(
    private readonly deps: CaptureFlowDeps,
    private readonly now: () => Date,
  ) {}

  async saveUrl(input: string): Promise<SaveResult> {
    const requested = normalizeUrl(parseHttpUrl(input));
    const sameOriginal = (original: string): boolean => safeNormalize(original) === requested;
    const saved = this.deps.store.findByUrl(requested, sameOriginal);
    if (saved) return { article: saved, existed: true };
    return this.#save(input.trim(), { kind: 'web', url: parseHttpUrl(input).href }, sameOriginal);
  }

  /** Saves a web page stored on disk (.html/.htm, e.g. a browser's "Web page, complete"). */
  async saveFile(path: string): Promise<SaveResult> {
    const fileUrl = pathToFileURL(resolve(path)).href;
    return this.#save(fileUrl, { kind: 'file', path }, (original) => original === fileUrl);
  }

  /** Saves a page as the user's browser rendered it, handed over by the browser connector. */
  async saveRenderedPage(page: RenderedPageCapture): Promise<SaveResult> {
    const requested = normalizeUrl(parseHttpUrl(page.url));
    const sameOriginal = (original: string): boolean => safeNormalize(original) === requested;
    const saved = this.deps.store.findByUrl(requested, sameOriginal);
    if (saved) return { article: saved, existed: true };
    const rendered: PageSource = { capture: (_location, options) => captureRenderedPage(page, options) };
    return this.#save(page.url, { kind: 'web', url: page.url }, sameOriginal, rendered);
  }

  /**
   * Updates an article from the web: its page is captured again into staging and swapped in for
   * the stored copy, keeping tags, state, progress and highlights (re-anchored in the new text).
   * An article saved from a file with no web address is read again from that file.
   */
  async refreshArticle(id: string): Promise<ArticleMeta> {
    const article = this.deps.store.getArticle(id);
    return this.#replaceFrom(id, refreshSource(article), (error) => {
      const reason = errorText(error).replace(/([^.!?])$/, '$1.');
      return new OffprintError(
        error instanceof OffprintError ? error.code : 'refresh-failed',
        `Could not update “${article.title}”: ${reason} The saved copy was kept as it was.`,
        error instanceof OffprintError ? error.status : undefined,
      );
    });
  }

  /**
   * Fills an article that has no content yet (an imported entry) from `url`, in place: the same
   * update flow, so its title, tags, state and highlights stay and no second article appears.
   * A failure keeps the entry as it was and carries the capture's own code and message.
   */
  captureInto(id: string, url: string): Promise<ArticleMeta> {
    return this.#replaceFrom(id, { kind: 'web', url: parseHttpUrl(url).href }, (error) =>
      error instanceof OffprintError ? error : new OffprintError('capture-failed', errorText(error)),
    );
  }

  async #replaceFrom(
    id: string,
    location: PageLocation,
    failure: (error: unknown) => OffprintError,
  ): Promise<ArticleMeta> {
    const store = this.deps.store;
    const article = store.getArticle(id);
    if (this.#refreshing.has(id)) throw new OffprintError('busy', `“${article.title}” is already being updated.`);
    this.#refreshing.add(id);
    try {
      return await runCapture(this.deps, {
        progressUrl: article.url,
        location,
        // The new copy takes the article's place, so its pictures are addressed under the article's id.
        assetOwner: () => id,
        keep: (staging, captured) =>
          store.replaceArticle(id, staging, (current, highlights) =>
            refreshedArticle(current, highlights, captured, storedLeadImage(captured), this.now().toISOString()),
          ),
        failure,
      });
    } finally {
      this.#refreshing.delete(id);
    }
  }

  #save(
    url: string,
    location: PageLocation,
    sameOriginal: (original: string) => boolean,
    pages: PageSource = this.deps.pages,
  ): Promise<SaveResult> {
    return runCapture(
      { ...this.deps, pages },
      {
        progressUrl: url,
        location,
        assetOwner: (staging) => staging.id,
        keep: (staging, captured) =>
          this.deps.store.commitArticle(
            staging,
            {
              url: safeNormalize(captured.finalUrl) ?? captured.finalUrl,
              originalUrl: url,
              title: captured.title,
              byline: captured.byline,
              siteName: captured.siteName,
              excerpt: captured.excerpt,
              lang: captured.lang,
              dir: captured.dir,
              publishedTime: captured.publishedTime,
              wordCount: captured.wordCount,
              readingMinutes: captured.readingMinutes,
              leadImage: storedLeadImage(captured),
              extraction: captured.extraction,
              content: captured.content,
              textContent: captured.textContent,
            },
            sameOriginal,
          ),
        failure: (error) =>
          error instanceof OffprintError
            ? error
            : new OffprintError('capture-failed', `Could not save ${url}: ${errorText(error)}`),
      },
    );
  }
}

/** Where an update reads the page from: the web address it is saved under, else the file it came from. */
function refreshSource(article: ArticleMeta): PageLocation {
  if (/^https?:/i.test(article.url)) return { kind: 'web', url: article.url };
  if (/^file:/i.test(article.originalUrl)) return { kind: 'file', path: fileURLToPath(article.originalUrl) };
  throw new OffprintError('invalid-url', `“${article.title}” has no web address to update it from.`);
}

function safeNormalize(url: string): string | null {
  try {
    return normalizeUrl(url);
  } catch {
    return null;
  }
}
