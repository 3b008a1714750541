/**
 * Full-text search over the library: title, byline, site, body, highlights and notes.
 * Ranked title matches first, then by the engine's score (BM25 by default). The engine's index is
 * kept on disk beside library.json, loaded on the first search, checked against the library
 * (anything added, changed or removed meanwhile is re-indexed), and followed incrementally after
 * every change. Everything here is engine-independent; ranking is behind SearchEngine.
 */
import { readFile } from 'node:fs/promises';
import type { ArticleMeta, Highlight, SearchHit, SearchOptions, SearchPage } from '@shared/model';
import { hostOf } from '@shared/url/host-of';
import { compareBy, langMatches } from '../library/list-articles';
import { ARCHIVED, DELETED, FAVOURITE, HIGHLIGHTED, READ, type ArticleColumns } from '../library/article-columns';
import { writeFileAtomic } from '../library/write-file-atomic';
import { fold, foldText, originalIndex } from '@shared/text/fold-text';
import { errorText, type Logger } from '../logger';
import { bm25Engine } from './bm25-engine';
import type { EngineIndex, IndexedDoc, SearchEngine } from './search-engine';
import { snippetFor } from './make-snippet';
import { withTightHeap } from './tight-heap';
import { isCjk } from './tokenize';
import { markedTokens, parseQuery, phraseText, type IsValue, type ParsedQuery, type QueryFilter } from './parse-query';

/** Where the index gets what it searches. */
export interface SearchSource {
  /** Every article (the Trash included), each in its slot; read only. */
  liveArticles(): readonly ArticleMeta[];
  /** The article's slot in liveArticles(), the same until slotEpoch changes. */
  slotOf(id: string): number | undefined;
  readonly slotEpoch: number;
  /** The article without copying it, or undefined. */
  peekArticle(id: string): ArticleMeta | undefined;
  /** The ids of the articles carrying a tag (any spelling), the Trash included. */
  articlesTagged(tag: string): ReadonlySet<string>;
  /** What filters ask of each article, by slot of liveArticles(). */
  articleColumns(): Readonly<ArticleColumns>;
  /** Read only (search never changes them): a store may hand out its own objects. */
  highlightsOf(id: string): Promise<readonly Highlight[]>;
  /**
   * Each highlight's `\u0001<id>:<updatedAt>`, in text order ('' for none): what the index stamps an
   * article's highlights with, known without reading them.
   */
  highlightKey(id: string): string;
  /** Whether any of the article's highlights has a note. */
  hasNotes(id: string): boolean;
  readText(id: string): Promise<string>;
}

export interface SearchIndexOptions {
  /** Where the index is kept between runs; without it, it is built on the first search. */
  path?: string;
  /** Ranks and stores the index; BM25 over an inverted index unless another is given. */
  engine?: SearchEngine;
  /** Where a failure nobody waits for (a background load, an early write) is reported. */
  logger?: Logger;
  /** Postings a rebuild may hold in memory before it writes them to the file (engine units). */
  maxUnsavedPostings?: number;
}

const DEFAULT_LIMIT = 50;
/** The old search() answered every hit; this many is more than anyone reads. */
const ALL_HITS = 1_000;
const PREFIX_EXPANSIONS = 64;
/** Phrase checks read article text; past this many candidates the total is an estimate. */
const MAX_PHRASE_CHECKS = 3_000;
const PHRASE_READS_AT_ONCE = 8;
const BUILD_SLICE = 64;
const MIN_PERSIST_CHANGES = 200;
/** About 50 MB of postings held in memory while the index is built (some 6,000 articles). */
const MAX_UNSAVED_POSTINGS = 4_000_000;

interface Ranked {
  article: ArticleMeta;
  titleWords: number;
  score: number;
}

/** What matched a query: how many, and the best first. */
interface Ranking {
  total: number;
  first(count: number): Ranked[];
  /** The matches one at a time, best first, each put in order only when it is asked for; undefined after the last. */
  inOrder(): () => Ranked | undefined;
}

export class SearchIndex {
  #index: EngineIndex | null = null;
  #loading: Promise<EngineIndex> | null = null;
  /** Serializes index updates and writes, so a save and a following delete are applied in order. */
  #updates: Promise<unknown> = Promise.resolve();
  /** The last update queued (writes left out): what a search waits for. */
  #lastChange: Promise<unknown> = Promise.resolve();
  /** Documents added, changed or removed since the file was written. */
  #changes = 0;
  /** Articles whose stored text was replaced before the index was loaded. */
  #textChanged = new Set<string>();
  /**
   * Each engine document's slot in the source's liveArticles() (-1: none), known for the documents
   * numbered below `known`, for the index and slot epoch in `of`: a match is then an array read.
   */
  #docSlots = { slots: new Int32Array(0), known: 0, of: { index: null as EngineIndex | null, epoch: -1 } };

  constructor(
    private readonly source: SearchSource,
    private readonly options: SearchIndexOptions = {},
  ) {}

  /** Loads (or builds) the index now, rather than on the first search. */
  ready(): Promise<EngineIndex> {
    this.#loading ??= this.#load().then((index) => (this.#index = index));
    return this.#loading;
  }

  /** Every hit (up to 1,000), best first. */
  async search(query: string): Promise<SearchHit[]> {
    return (await this.searchPage(query, { limit: ALL_HITS })).hits;
  }

  async searchPage(query: string, options: SearchOptions = {}): Promise<SearchPage> {
    const index = await this.ready();
    // Not the writes: a search reads the index while it is written, which changes nothing until it is done.
    await this.#lastChange;
    const parsed = parseQuery(query);
    const offset = options.offset ?? 0;
    const limit = options.limit ?? DEFAULT_LIMIT;
    const terms = markedTokens(parsed);
    if (terms.length === 0 && parsed.excluded.length === 0 && parsed.filters.length === 0) {
      return { total: 0, exact: true, hits: [], terms: [] };
    }
    const ranked = this.#rank(index, parsed);
    if (parsed.phrases.length === 0) {
      return {
        total: ranked.total,
        exact: true,
        hits: await this.#hits(ranked.first(offset + limit).slice(offset), terms, new Map()),
        terms,
      };
    }
    // The Bloom filters rule out nearly all non-matches; the text is read only to confirm a page's worth.
    // Both are checked best first and only until the page is full: at 100,000 articles two common
    // words are in half of them, and each filter is read from the index file.
    // They come in order one by one, so a page filled by the first few candidates never orders the rest.
    const pull = ranked.inOrder();
    const candidates: Ranked[] = [];
    const candidateAt = (i: number): Ranked | undefined => {
      while (candidates.length <= i && candidates.length < MAX_PHRASE_CHECKS) {
        const candidate = pull();
        if (!candidate) break;
        candidates.push(candidate);
      }
      return candidates[i];
    };
    const phraseTests = parsed.phrases.map((p) => phraseTest(p.text));
    const textsOf = new Map<string, string>();
    const verified: Ranked[] = [];
    let examined = 0;
    let passed = 0;
    const wanted = offset + limit;
    // Texts are read a few at a time: one read after another would wait out each read's whole round trip.
    let next = 0;
    while (candidateAt(next) && verified.length < wanted) {
      const batch: Ranked[] = [];
      let scanned = next;
      for (let candidate; batch.length < PHRASE_READS_AT_ONCE && (candidate = candidateAt(scanned)); scanned++) {
        if (parsed.phrases.every((p) => index.mayHaveSequence(candidate.article.id, p.tokens))) batch.push(candidate);
      }
      const texts = await Promise.all(batch.map((c) => this.#readText(c.article.id)));
      // Folding works line by line (nothing composes or changes case across a line break), so the folded
      // haystack is the folded head and then the folded highlights: the highlights (a file each) are read
      // only for the candidates whose head lacks a phrase.
      const heads = batch.map(({ article }, i) => fold(`${article.title}\n${article.byline ?? ''}\n${texts[i]}\n`));
      const matched = await Promise.all(
        batch.map(async ({ article }, i) => {
          if (phraseTests.every((test) => test(heads[i]))) return true;
          if (article.highlightCount === 0) return false;
          const haystack = heads[i] + fold(highlightText(await this.source.highlightsOf(article.id)));
          return phraseTests.every((test) => test(haystack));
        }),
      );
      // Counted as if checked one by one, stopping at the page's last hit, so the estimate stays the same.
      let inBatch = 0;
      for (; next < scanned && verified.length < wanted; next++) {
        examined += 1;
        const candidate = candidates[next];
        if (batch[inBatch] !== candidate) continue;
        const text = texts[inBatch];
        passed += 1;
        if (matched[inBatch++]) {
          verified.push(candidate);
          textsOf.set(candidate.article.id, text);
        }
      }
    }
    // Those not looked at are counted at the rate the filters let through those that were: an upper bound, as before.
    const unexamined = ranked.total - examined;
    const estimate = examined === 0 ? unexamined : Math.round((unexamined * passed) / examined);
    return {
      total: verified.length + estimate,
      exact: unexamined === 0,
      hits: await this.#hits(verified.slice(offset, offset + limit), terms, textsOf),
      terms,
    };
  }

  /**
   * Re-indexes articles whose searchable parts changed (or are new). `textChanged` is for a stored
   * text replaced by an update from the web, which the stamp sees only when the word count moves.
   */
  update(ids: readonly string[], { textChanged = false } = {}): Promise<void> {
    return this.#enqueue(async () => {
      const index = this.#index;
      if (!index) {
        // Not loaded yet: the check on load sees metadata changes, and is told about replaced texts.
        if (textChanged) {
          for (const id of ids) this.#textChanged.add(id);
          void this.ready().catch((error: unknown) =>
            this.options.logger?.warn('Could not load the search index', { error: errorText(error) }),
          );
        }
        return;
      }
      for (const id of ids) {
        const article = this.#articleById(id);
        if (!article) {
          index.remove(id);
          this.#changes += 1;
        } else if (textChanged || index.stampOf(id) !== stampOf(article, this.source.highlightKey(id))) {
          index.add(await this.#docOf(article));
          this.#changes += 1;
        }
      }
    });
  }

  remove(ids: string | readonly string[]): void {
    void this.#enqueue(async () => {
      for (const id of typeof ids === 'string' ? [ids] : ids) this.#index?.remove(id);
      this.#changes += 1;
    });
  }

  /**
   * Writes the index to disk when enough changed since it was loaded or last written (or with
   * `force`, when anything did). A few changed articles are cheaper to re-index on the next load
   * (their stamps give them away) than rewriting tens of megabytes now.
   */
  persist({ force = false } = {}): Promise<void> {
    return this.#enqueue(async () => {
      const index = this.#index;
      if (!index || this.#changes === 0) return;
      if (!force && this.#changes < Math.max(MIN_PERSIST_CHANGES, index.size / 100)) return;
      await this.#write(index);
    }, false);
  }

  /** Lets go of the index file (after the last persist). */
  close(): void {
    this.#index?.close?.();
  }

  // ── Internals ──────────────────────────────────────────────────────────────

  #enqueue(task: () => Promise<void>, isChange = true): Promise<void> {
    const run = this.#updates.then(task, task);
    if (isChange) this.#lastChange = run.catch(() => undefined);
    // The caller gets the failure through `run`; the chain itself only orders the next update.
    this.#updates = run.catch(() => undefined);
    return run;
  }

  /** Writes the index file, then reads from it (an engine that can), letting go of what was only in memory. */
  async #write(index: EngineIndex): Promise<void> {
    const { path } = this.options;
    if (!path) return;
    const changes = this.#changes;
    this.#changes = 0;
    try {
      await writeFileAtomic(path, index.serialize(), { sync: false });
    } catch (error) {
      this.#changes += changes;
      throw error;
    }
    index.adopt?.(path);
    // Adopting renumbers the documents.
    this.#docSlots.known = 0;
  }

  #articleById(id: string): ArticleMeta | undefined {
    return this.source.peekArticle(id);
  }

  get #engine(): SearchEngine {
    return this.options.engine ?? bm25Engine;
  }

  async #load(): Promise<EngineIndex> {
    let index: EngineIndex | null = null;
    if (this.options.path) {
      // A missing or unreadable file is rebuilt from the library.
      const { path } = this.options;
      const engine = this.#engine;
      let read = true;
      try {
        index = engine.open ? engine.open(path) : engine.read(await readFile(path));
      } catch (error) {
        read = false;
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          this.options.logger?.warn('Could not read the search index; rebuilding it', {
            path,
            error: errorText(error),
          });
        }
      }
      if (read && !index)
        this.options.logger?.warn('The search index file was damaged or written by another version; rebuilding it', {
          path,
        });
    }
    const fresh = index === null;
    index ??= this.#engine.create();
    // Catch up with the library: whatever changed while the index was not watching.
    const changed = fresh ? await withTightHeap(() => this.#catchUp(index)) : await this.#catchUp(index);
    if (fresh || changed > 0) {
      this.#index = index;
      this.#changes += Math.max(1, changed);
      // Written now so the next start need not rebuild; if it fails, the next change or close tries again.
      await this.persist({ force: fresh }).catch((error: unknown) =>
        this.options.logger?.error('Could not write the search index', {
          path: this.options.path,
          error: errorText(error),
        }),
      );
    }
    // What each query reads per match, made now rather than by the first query.
    this.#slotsOf(index);
    this.source.articleColumns();
    return index;
  }

  /** Indexes what changed while the index was not watching, and drops what was removed; how many documents changed. */
  async #catchUp(index: EngineIndex): Promise<number> {
    const articles = this.source.liveArticles();
    const present = new Set<string>();
    let changed = 0;
    let writeAsBuilt = true;
    for (let i = 0; i < articles.length; i++) {
      const article = articles[i];
      present.add(article.id);
      const stale = this.#textChanged.delete(article.id);
      if (!stale && index.stampOf(article.id) === stampOf(article, this.source.highlightKey(article.id))) continue;
      index.add(await this.#docOf(article));
      changed += 1;
      // A full rebuild takes seconds: let other work (IPC, the first page) run in between.
      if (changed % BUILD_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      // and at 100,000 articles what it holds would not fit the memory budget: it goes to the file a part at a time.
      if (writeAsBuilt && (index.unsavedPostings ?? 0) > (this.options.maxUnsavedPostings ?? MAX_UNSAVED_POSTINGS)) {
        await this.#write(index).catch((error: unknown) => {
          writeAsBuilt = false;
          this.options.logger?.error('Could not write the search index; building the rest in memory', {
            path: this.options.path,
            error: errorText(error),
          });
        });
      }
    }
    for (const id of [...index.ids()]) {
      if (!present.has(id)) {
        index.remove(id);
        changed += 1;
      }
    }
    return changed;
  }

  async #docOf(article: ArticleMeta): Promise<IndexedDoc> {
    const text = await this.#readText(article.id);
    const highlights = article.highlightCount > 0 ? await this.source.highlightsOf(article.id) : [];
    return {
      id: article.id,
      stamp: stampOf(article, this.source.highlightKey(article.id)),
      title: article.title,
      meta: `${article.byline ?? ''}\n${article.siteName ?? ''}\n${hostOf(article.url)}`,
      body: `${text}\n${highlightText(highlights)}`,
    };
  }

  async #readText(id: string): Promise<string> {
    // An article whose text is lost is still found by its title, tags and highlights.
    return this.source.readText(id).catch((error: unknown) => {
      this.options.logger?.warn('Could not read an article text for the search index', { id, error: errorText(error) });
      return '';
    });
  }

  /** How many articles match, and the first `count` of them, best first. */
  #rank(index: EngineIndex, query: ParsedQuery): Ranking {
    const articles = this.source.liveArticles();
    const keep = this.#articleFilter(query.filters);
    const groupCount = query.terms.length + query.phrases.length + (query.prefix ? 1 : 0);
    if (groupCount === 0) {
      // Only filters (and words left out): the order is simply newest first, and the index only names
      // the articles holding a word left out, which are few.
      const left = new Set<number>();
      if (query.excluded.length > 0) {
        const docSlots = this.#slotsOf(index);
        for (const token of query.excluded) {
          const { count, docs } = index.match({ groups: [[token]], excluded: [] });
          for (let i = 0; i < count; i++) left.add(docSlots[docs[i]]);
        }
      }
      const kept: number[] = [];
      const visit = (slot: number): void => {
        if (keep(articles[slot], slot) && !left.has(slot)) kept.push(slot);
      };
      // A tag names its articles: only those need a look.
      const tag = query.filters.find((f) => f.key === 'tag' && !f.negated);
      if (tag) {
        for (const id of this.source.articlesTagged(tag.value)) {
          const slot = this.source.slotOf(id);
          if (slot !== undefined) visit(slot);
        }
      } else {
        for (let slot = 0; slot < articles.length; slot++) visit(slot);
      }
      // Later slots were mostly saved later: looked at first, they fill the page with the newest early,
      // and most of the others are turned away by one comparison.
      kept.reverse();
      const order = (x: number, y: number): number => newestFirstOrder(articles[x], articles[y]);
      const ranked = (slot: number): Ranked => ({ article: articles[slot], titleWords: 0, score: 0 });
      return {
        total: kept.length,
        first: (count) => firstInOrder(kept, count, order).map(ranked),
        inOrder: () => pullInOrder([...kept], order, ranked),
      };
    }
    const groups: string[][] = [...new Set([...query.terms, ...query.phrases.flatMap((p) => p.tokens)])].map((t) => [
      t,
    ]);
    if (query.prefix) groups.push([...new Set([query.prefix, ...index.expand(query.prefix, PREFIX_EXPANSIONS)])]);
    const { count, docs, titleWords, scores } = index.match({ groups, excluded: query.excluded });
    // A common word is in half of 100,000 articles: each match costs array reads (its slot, its
    // article, the filters), and only the page asked for is put in order.
    const docSlots = this.#slotsOf(index);
    const kept: number[] = [];
    for (let i = 0; i < count; i++) {
      const slot = docSlots[docs[i]];
      if (slot >= 0 && keep(articles[slot], slot)) kept.push(i);
    }
    const order = (i: number, j: number): number =>
      titleWords[j] - titleWords[i] ||
      scores[j] - scores[i] ||
      newestFirstOrder(articles[docSlots[docs[i]]], articles[docSlots[docs[j]]]);
    const ranked = (i: number): Ranked => ({
      article: articles[docSlots[docs[i]]],
      titleWords: titleWords[i],
      score: scores[i],
    });
    return {
      total: kept.length,
      first: (wanted) => firstInOrder(kept, wanted, order).map(ranked),
      inOrder: () => pullInOrder([...kept], order, ranked),
    };
  }

  /** The engine's document numbers to slots of the source's liveArticles(), brought up to date. */
  #slotsOf(index: EngineIndex): Int32Array {
    const known = this.#docSlots;
    const epoch = this.source.slotEpoch;
    if (known.of.index !== index || known.of.epoch !== epoch) {
      known.of = { index, epoch };
      known.known = 0;
    }
    const limit = index.docLimit;
    if (known.slots.length < limit) {
      const grown = new Int32Array(Math.max(limit, Math.ceil(known.slots.length * 1.25)));
      grown.set(known.slots.subarray(0, known.known));
      known.slots = grown;
    }
    for (let doc = known.known; doc < limit; doc++) {
      const id = index.idOf(doc);
      known.slots[doc] = id === null ? -1 : (this.source.slotOf(id) ?? -1);
    }
    known.known = limit;
    return known.slots;
  }

  /**
   * Whether an article (in its slot) passes the filters; articles in the Trash are found only with
   * is:deleted. Decided from the source's per-article arrays: a filter alone runs over every article.
   */
  #articleFilter(filters: readonly QueryFilter[]): (a: ArticleMeta, slot: number) => boolean {
    const columns = this.source.articleColumns();
    const { flags } = columns;
    const tests = filters.map((f) => {
      const test = this.#filterTest(f, columns);
      return f.negated ? (a: ArticleMeta, slot: number) => !test(a, slot) : test;
    });
    const hidden = filters.some((f) => f.key === 'is' && f.value === 'deleted' && !f.negated) ? 0 : DELETED;
    return (a, slot) => {
      if (flags[slot] & hidden) return false;
      for (const test of tests) if (!test(a, slot)) return false;
      return true;
    };
  }

  #filterTest(
    { key, value }: QueryFilter,
    columns: Readonly<ArticleColumns>,
  ): (a: ArticleMeta, slot: number) => boolean {
    const { flags } = columns;
    switch (key) {
      case 'tag': {
        const tagged = this.source.articlesTagged(value);
        return (a) => tagged.has(a.id);
      }
      case 'site': {
        // siteMatches, decided once per distinct host and site name.
        const site = value.replace(/^www\./, '');
        const hostOk = columns.hostNames.list.map((host) => host === site || host.endsWith(`.${site}`));
        const nameOk = columns.siteNameKeys.list.map((name) => name === site);
        const { hosts, siteNames } = columns;
        return (_, slot) => hostOk[hosts[slot]] || nameOk[siteNames[slot]];
      }
      case 'lang': {
        const langOk = columns.langKeys.list.map((lang) => langMatches(lang, value));
        const { langs } = columns;
        return (_, slot) => langOk[langs[slot]];
      }
      case 'has':
        return value === 'notes'
          ? (a, slot) => (flags[slot] & HIGHLIGHTED) !== 0 && this.source.hasNotes(a.id)
          : (_, slot) => (flags[slot] & HIGHLIGHTED) !== 0;
      case 'is': {
        const [bit, set] = IS_FLAGS[value as IsValue];
        return (_, slot) => ((flags[slot] & bit) !== 0) === set;
      }
    }
  }

  async #hits(page: Ranked[], terms: string[], texts: Map<string, string>): Promise<SearchHit[]> {
    return Promise.all(
      page.map(async (r) => {
        const text = texts.get(r.article.id) ?? (await this.#readText(r.article.id));
        const snippet = snippetFor(text, terms) || r.article.excerpt || '';
        return { article: structuredClone(r.article), snippet, score: r.score, matches: matchRanges(snippet, terms) };
      }),
    );
  }
}

const newestFirstOrder = compareBy();
const WORD_CHAR = '[\\p{L}\\p{N}]';

/**
 * Whether folded text holds a phrase (as phraseText gives it: words joined by single spaces) with
 * its words side by side: the same answer as looking for it in the phraseText of the whole text,
 * without rewriting the whole text for every candidate.
 */
export function phraseTest(phrase: string): (folded: string) => boolean {
  if (isCjk(phrase)) return (folded) => phraseText(folded).includes(phrase);
  const words = phrase.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<!${WORD_CHAR})${words.join(`[^\\p{L}\\p{N}]+`)}(?!${WORD_CHAR})`, 'u');
  return (folded) => pattern.test(folded);
}

/**
 * The first `count` items in `order`, without sorting the rest: a page of 20 out of 100,000 matches
 * costs one pass and a small heap, not a sort of all of them.
 */
export function firstInOrder<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  if (count >= items.length / 4) return [...items].sort(order).slice(0, count);
  // A heap whose root is the worst of the best `count` so far.
  const heap: T[] = [];
  const worse = (i: number, j: number): boolean => order(heap[i], heap[j]) > 0;
  const swap = (i: number, j: number): void => void ([heap[i], heap[j]] = [heap[j], heap[i]]);
  const down = (from: number): void => {
    for (let i = from; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && worse(l, top)) top = l;
      if (r < heap.length && worse(r, top)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (order(item, heap[0]) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(order);
}

/**
 * The items one at a time in `order`, each taken off a heap when asked for: the first few of many
 * cost one pass to build the heap and a few steps each, not a sort of them all. Takes over `items`.
 */
export function pullInOrder<T, R>(items: T[], order: (a: T, b: T) => number, as: (item: T) => R): () => R | undefined {
  const heap = items;
  const down = (from: number): void => {
    const item = heap[from];
    let i = from;
    for (;;) {
      let best = 2 * i + 1;
      if (best >= heap.length) break;
      if (best + 1 < heap.length && order(heap[best + 1], heap[best]) < 0) best += 1;
      if (order(heap[best], item) >= 0) break;
      heap[i] = heap[best];
      i = best;
    }
    heap[i] = item;
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  return () => {
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      down(0);
    }
    return as(top);
  };
}

/**
 * What decides whether an article must be re-indexed: its searchable metadata and highlights, and
 * what changes with its stored text (word count, extraction) without reading that text.
 */
export function stampOf(article: ArticleMeta, highlightKey: string): string {
  let text = `${article.title}\u0001${article.byline ?? ''}\u0001${article.siteName ?? ''}\u0001${article.url}`;
  text += `\u0001${article.wordCount}\u0001${article.extraction}${highlightKey}`;
  return fnv1a(text);
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}.${text.length.toString(36)}`;
}

const highlightText = (highlights: readonly Highlight[]): string =>
  highlights.map((h) => `${h.quote.exact}\n${h.note}`).join('\n');

/** Each is: value as a flag of ArticleColumns, and whether it must be set. */
const IS_FLAGS: Record<IsValue, [number, boolean]> = {
  archived: [ARCHIVED, true],
  unread: [READ, false],
  read: [READ, true],
  favourite: [FAVOURITE, true],
  inbox: [ARCHIVED, false],
  deleted: [DELETED, true],
};

/** Where the tokens are in the snippet, for marking them. */
function matchRanges(snippet: string, tokens: readonly string[]): Array<[number, number]> {
  const folded = foldText(snippet);
  const ranges: Array<[number, number]> = [];
  for (const token of tokens) {
    const cjk = isCjk(token);
    for (let at = folded.indexOf(token); at >= 0; at = folded.indexOf(token, at + token.length)) {
      if (!cjk && at > 0 && /[\p{L}\p{N}]/u.test(folded[at - 1])) continue;
      let end = at + token.length;
      // Mark the whole word a prefix matched.
      while (!cjk && end < folded.length && /[\p{L}\p{N}]/u.test(folded[end])) end += 1;
      ranges.push([originalIndex(snippet, at), originalIndex(snippet, end)]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]).filter((r, i, all) => i === 0 || r[0] >= all[i - 1][1]);
}
