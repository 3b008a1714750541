/**
 * The search engine Offprint ships: BM25 over the compact inverted index (inverted-index.ts),
 * reading its postings directly.
 */
import { InvertedIndex, postingDoc, postingInTitle, postingTf, type IndexedDoc } from './inverted-index';
import type { EngineIndex, EngineMatches, EngineQuery, SearchEngine } from './search-engine';

const K1 = 1.2;
const B = 0.75;

export const bm25Engine: SearchEngine = {
  create: () => new Bm25Index(new InvertedIndex()),
  read(bytes) {
    const index = InvertedIndex.deserialize(bytes);
    return index ? new Bm25Index(index) : null;
  },
  open(path) {
    const index = InvertedIndex.open(path);
    return index ? new Bm25Index(index) : null;
  },
};

interface Tallies {
  matched: Uint16Array;
  titleWords: Uint16Array;
  score: Float64Array;
  excluded: Uint8Array;
}

class Bm25Index implements EngineIndex {
  /** Per-document tallies of a query, reused (zeroed) by the next one rather than allocated each time. */
  #tallies: Tallies = {
    matched: new Uint16Array(0),
    titleWords: new Uint16Array(0),
    score: new Float64Array(0),
    excluded: new Uint8Array(0),
  };

  constructor(private readonly index: InvertedIndex) {}

  #talliesFor(slots: number): Tallies {
    const t = this.#tallies;
    if (t.matched.length < slots) {
      const size = Math.ceil(slots * 1.25);
      this.#tallies = {
        matched: new Uint16Array(size),
        titleWords: new Uint16Array(size),
        score: new Float64Array(size),
        excluded: new Uint8Array(size),
      };
    } else {
      t.matched.fill(0, 0, slots);
      t.titleWords.fill(0, 0, slots);
      t.score.fill(0, 0, slots);
      t.excluded.fill(0, 0, slots);
    }
    return this.#tallies;
  }

  get size(): number {
    return this.index.size;
  }

  get docLimit(): number {
    return this.index.docSlots;
  }

  idOf(doc: number): string | null {
    return this.index.idOf(doc);
  }

  stampOf(id: string): string | undefined {
    return this.index.stampOf(id);
  }

  ids(): Iterable<string> {
    return this.index.ids();
  }

  add(doc: IndexedDoc): void {
    this.index.add(doc);
  }

  remove(id: string): void {
    this.index.remove(id);
  }

  close(): void {
    this.index.close();
  }

  expand(prefix: string, max: number): string[] {
    return this.index.expand(prefix, max);
  }

  mayHaveSequence(id: string, tokens: readonly string[]): boolean {
    const doc = this.index.docOf(id);
    return doc !== undefined && this.index.mayHaveSequence(doc, tokens);
  }

  serialize(): Iterable<Uint8Array> {
    return this.index.serialize();
  }

  adopt(path: string): void {
    this.index.adopt(path);
  }

  get unsavedPostings(): number {
    return this.index.unsavedPostings;
  }

  match({ groups, excluded }: EngineQuery): EngineMatches {
    const index = this.index;
    const slots = index.docSlots;
    const live = Math.max(1, index.size);
    const weight = (tokens: string[]) => tokens.reduce((n, t) => n + index.frequency(t), 0);
    const ordered = [...groups].sort((a, b) => weight(a) - weight(b));

    const { matched, titleWords, score, excluded: isExcluded } = this.#talliesFor(slots);
    const average = index.averageLength;
    const lengths = index.lengths;
    ordered.forEach((tokens, g) => {
      for (const token of tokens) {
        const df = index.frequency(token);
        const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
        index.forEachPostingRun(token, (postings, from, to) => {
          for (let at = from; at < to; at++) {
            const p = postings[at];
            const doc = postingDoc(p);
            const seen = matched[doc];
            // Only documents that matched every earlier group are still in the running.
            if (seen !== g && seen !== g + 1) continue;
            const tf = postingTf(p);
            const norm = tf + K1 * (1 - B + (B * (lengths[doc] ?? 0)) / average);
            score[doc] += (idf * tf * (K1 + 1)) / norm;
            if (seen === g) {
              matched[doc] = g + 1;
              if (postingInTitle(p)) titleWords[doc] += 1;
            }
          }
        });
      }
    });

    for (const token of excluded)
      index.forEachPostingRun(token, (postings, from, to) => {
        for (let at = from; at < to; at++) isExcluded[postingDoc(postings[at])] = 1;
      });

    const wanted = ordered.length;
    let count = 0;
    for (let doc = 0; doc < slots; doc++) {
      if (matched[doc] === wanted && !isExcluded[doc] && index.idOf(doc) !== null) count += 1;
    }
    const matches: EngineMatches = {
      count,
      docs: new Uint32Array(count),
      titleWords: new Uint16Array(count),
      scores: new Float64Array(count),
    };
    for (let doc = 0, at = 0; doc < slots && at < count; doc++) {
      if (matched[doc] !== wanted || isExcluded[doc] || index.idOf(doc) === null) continue;
      matches.docs[at] = doc;
      matches.titleWords[at] = titleWords[doc];
      matches.scores[at++] = score[doc];
    }
    return matches;
  }
}
