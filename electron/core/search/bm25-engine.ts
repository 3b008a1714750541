/**
 * The search engine Offprint ships: BM25 over the compact inverted index (inverted-index.ts),
 * reading its postings directly.
 */
import { InvertedIndex, postingDoc, postingInTitle, postingTf, type IndexedDoc } from './inverted-index';
import type { EngineIndex, EngineMatch, EngineQuery, SearchEngine } from './search-engine';

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

class Bm25Index implements EngineIndex {
  constructor(private readonly index: InvertedIndex) {}

  get size(): number {
    return this.index.size;
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

  serialize(): Uint8Array[] {
    return this.index.serialize();
  }

  match({ groups, excluded }: EngineQuery): EngineMatch[] {
    const index = this.index;
    const slots = index.docSlots;
    const live = Math.max(1, index.size);
    const weight = (tokens: string[]) => tokens.reduce((n, t) => n + index.frequency(t), 0);
    const ordered = [...groups].sort((a, b) => weight(a) - weight(b));

    const matched = new Uint16Array(slots);
    const titleWords = new Uint16Array(slots);
    const score = new Float64Array(slots);
    const average = index.averageLength;
    ordered.forEach((tokens, g) => {
      for (const token of tokens) {
        const df = index.frequency(token);
        const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
        index.forEachPosting(token, (p) => {
          const doc = postingDoc(p);
          // Only documents that matched every earlier group are still in the running.
          if (matched[doc] !== g && matched[doc] !== g + 1) return;
          const tf = postingTf(p);
          const norm = tf + K1 * (1 - B + (B * index.lengthOf(doc)) / average);
          score[doc] += (idf * tf * (K1 + 1)) / norm;
          if (matched[doc] === g) {
            matched[doc] = g + 1;
            if (postingInTitle(p)) titleWords[doc] += 1;
          }
        });
      }
    });

    const isExcluded = new Uint8Array(slots);
    for (const token of excluded) index.forEachPosting(token, (p) => void (isExcluded[postingDoc(p)] = 1));

    const matches: EngineMatch[] = [];
    for (let doc = 0; doc < slots; doc++) {
      if (matched[doc] !== ordered.length || isExcluded[doc]) continue;
      const id = index.idOf(doc);
      if (id !== null) matches.push({ id, titleWords: titleWords[doc], score: score[doc] });
    }
    return matches;
  }
}
