/**
 * A site's icon is the same for every page of the site, so a batch of captures from one site
 * (an import's queue) fetches it once for a while instead of once per page. A failed fetch is
 * remembered too: a site without /favicon.ico would otherwise cost a request per page.
 */
export interface SiteIconCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

export class SiteIconCache {
  readonly #entries = new Map<string, { body: Buffer | null; at: number }>();
  readonly #max: number;
  readonly #ttl: number;
  readonly #now: () => number;

  constructor(options: SiteIconCacheOptions = {}) {
    this.#max = options.maxEntries ?? 256;
    this.#ttl = options.ttlMs ?? 15 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** The remembered bytes, null for a remembered failure, undefined when not known (or expired). */
  get(url: string): Buffer | null | undefined {
    const entry = this.#entries.get(url);
    if (!entry) return undefined;
    if (this.#now() - entry.at > this.#ttl) {
      this.#entries.delete(url);
      return undefined;
    }
    return entry.body;
  }

  set(url: string, body: Buffer | null): void {
    this.#entries.delete(url);
    this.#entries.set(url, { body, at: this.#now() });
    if (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
