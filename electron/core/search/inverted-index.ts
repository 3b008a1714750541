/**
 * A compact inverted index: for each token, the documents it occurs in, as one Uint32 per
 * posting: doc number << 5 | in-title bit << 4 | term frequency (capped at 15).
 *
 * Postings loaded from disk (the "base") sit in one big Uint32Array; documents added since are
 * in small growable lists (the "delta"). Doc numbers only grow, so every list stays sorted and
 * base + delta is just concatenation. Removing a document only marks its number dead; dead
 * postings are dropped when the index is next serialized.
 *
 * Each document also has a small Bloom filter of its adjacent token pairs, so a "quoted phrase"
 * rules out almost every document that has the words but not side by side without reading it.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fold } from '@shared/text/fold-text';
import { eachToken } from './tokenize';

export interface IndexedDoc {
  id: string;
  /** Changes when anything that is indexed changes (title, byline, site, highlights, notes). */
  stamp: string;
  title: string;
  /** Byline, site name, host: found, but not ranked as a title match. */
  meta: string;
  /** The article text, its highlights and notes. */
  body: string;
}

const TITLE_BIT = 1 << 4;
const TF_MASK = 15;
const FORMAT = 4;
/** Bloom filter size per distinct pair (about 0.7% false positives with 4 probes). */
const BLOOM_BITS_PER_PAIR = 12;
const BLOOM_PROBES = 4;
const MAGIC = 'offprint-search';

export const postingDoc = (p: number): number => p >>> 5;
export const postingTf = (p: number): number => p & TF_MASK;
export const postingInTitle = (p: number): boolean => (p & TITLE_BIT) !== 0;

interface Base {
  terms: string[];
  /** Postings of terms[i] are postings[offsets[i] .. offsets[i + 1]). */
  offsets: Uint32Array;
  /** In memory; or null while they stay in the index file, read a term at a time. */
  postings: Uint32Array | null;
}

/**
 * An index file opened rather than read: its postings and Bloom filters stay on disk and are read
 * when a query needs them, so a 100,000-article index costs its header, not its hundreds of megabytes.
 * The file is replaced by rename when the index is written, so this descriptor keeps reading the
 * version it was opened on.
 */
interface OpenFile {
  fd: number;
  /** Byte position of the postings. */
  postingsAt: number;
  /** Byte position of the Bloom filters, and each document's first word among them. */
  bloomsAt: number;
  bloomStarts: Float64Array;
  /** Where a filter read from the file is put (mayHaveSequence needs one at a time). */
  scratch: Uint32Array;
  /** Where a token's postings read from the file are put (forEachPosting reads one token at a time). */
  postingsScratch: Uint32Array;
}

function readWords(fd: number, position: number, count: number, into?: Uint32Array): Uint32Array {
  const words = into ? into.subarray(0, count) : new Uint32Array(count);
  const bytes = Buffer.from(words.buffer, words.byteOffset, words.byteLength);
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(fd, bytes, done, bytes.length - done, position + done);
    if (read === 0) throw new Error('The search index file is shorter than its header says.');
    done += read;
  }
  return words;
}

export class InvertedIndex {
  #base: Base = { terms: [], offsets: new Uint32Array(1), postings: new Uint32Array(0) };
  #delta = new Map<string, number[]>();
  #deltaSorted: string[] | null = null;
  /** By doc number; null once removed. */
  #ids: (string | null)[] = [];
  #stamps: string[] = [];
  #lengths: number[] = [];
  /** By doc number; null while it is still in the open file. */
  #blooms: (Uint32Array | null)[] = [];
  #file: OpenFile | null = null;
  #byId = new Map<string, number>();
  #totalLength = 0;
  #unsaved = 0;

  get size(): number {
    return this.#byId.size;
  }

  get docSlots(): number {
    return this.#ids.length;
  }

  get averageLength(): number {
    return this.#byId.size === 0 ? 1 : this.#totalLength / this.#byId.size;
  }

  idOf(doc: number): string | null {
    return this.#ids[doc] ?? null;
  }

  docOf(id: string): number | undefined {
    return this.#byId.get(id);
  }

  lengthOf(doc: number): number {
    return this.#lengths[doc] ?? 0;
  }

  stampOf(id: string): string | undefined {
    const doc = this.#byId.get(id);
    return doc === undefined ? undefined : this.#stamps[doc];
  }

  ids(): IterableIterator<string> {
    return this.#byId.keys();
  }

  add(doc: IndexedDoc): void {
    this.remove(doc.id);
    const number = this.#ids.length;
    const counts = new Map<string, number>();
    const pairs = new Set<number>();
    let length = 0;
    let previous = '';
    const count = (bit: number) => (token: string) => {
      const packed = counts.get(token) ?? 0;
      counts.set(token, (packed & ~0xff) | Math.min((packed & 0xff) + 1, 0xff) | bit);
      length += 1;
      if (previous) pairs.add(pairHash(previous, token));
      previous = token;
    };
    // The title bit is set first and survives the later counting (tf lives in the low bits).
    for (const [text, bit] of [
      [doc.title, TITLE_BIT << 8],
      [doc.meta, 0],
      [doc.body, 0],
    ] as const) {
      previous = '';
      eachToken(fold(text), count(bit));
    }
    for (const [token, packed] of counts) {
      const inTitle = packed & (TITLE_BIT << 8) ? TITLE_BIT : 0;
      const tf = Math.min(packed & 0xff, TF_MASK);
      let list = this.#delta.get(token);
      if (!list) {
        this.#delta.set(token, (list = []));
        this.#deltaSorted = null;
      }
      list.push((number << 5) | inTitle | tf);
    }
    this.#unsaved += counts.size;
    this.#ids.push(doc.id);
    this.#stamps.push(doc.stamp);
    this.#lengths.push(length);
    this.#blooms.push(bloomOf(pairs));
    this.#byId.set(doc.id, number);
    this.#totalLength += length;
  }

  remove(id: string): void {
    const doc = this.#byId.get(id);
    if (doc === undefined) return;
    this.#byId.delete(id);
    this.#ids[doc] = null;
    this.#totalLength -= this.#lengths[doc];
  }

  /** False when the document certainly does not have these tokens side by side, in this order. */
  mayHaveSequence(doc: number, tokens: readonly string[]): boolean {
    const bloom = this.#bloomOf(doc);
    if (!bloom || bloom.length === 0) return tokens.length < 2;
    for (let i = 0; i + 1 < tokens.length; i++) if (!bloomHas(bloom, pairHash(tokens[i], tokens[i + 1]))) return false;
    return true;
  }

  /** How many live-or-dead documents a token is in (an upper bound of its document frequency). */
  frequency(token: string): number {
    const i = findTerm(this.#base.terms, token);
    const base = i < 0 ? 0 : this.#base.offsets[i + 1] - this.#base.offsets[i];
    return base + (this.#delta.get(token)?.length ?? 0);
  }

  /**
   * Calls `visit` with each run of a token's postings (`postings[from..to)`), dead documents included:
   * what forEachPosting does, without a call per posting. The same buffer rule applies.
   */
  forEachPostingRun(token: string, visit: (postings: ArrayLike<number>, from: number, to: number) => void): void {
    const i = findTerm(this.#base.terms, token);
    if (i >= 0) {
      const { offsets } = this.#base;
      const postings = this.#basePostings(i);
      const from = this.#base.postings ? offsets[i] : 0;
      visit(postings, from, from + offsets[i + 1] - offsets[i]);
    }
    const delta = this.#delta.get(token);
    if (delta) visit(delta, 0, delta.length);
  }

  /** Each document's length in tokens, by doc number (read only). */
  get lengths(): readonly number[] {
    return this.#lengths;
  }

  /**
   * Calls `visit` with each posting of a token, dead documents included (callers check idOf). Postings
   * read from the file share one buffer, so `visit` must not ask for another token's.
   */
  forEachPosting(token: string, visit: (posting: number) => void): void {
    const i = findTerm(this.#base.terms, token);
    if (i >= 0) {
      const { offsets } = this.#base;
      const postings = this.#basePostings(i);
      const from = this.#base.postings ? offsets[i] : 0;
      for (let at = from, end = from + offsets[i + 1] - offsets[i]; at < end; at++) visit(postings[at]);
    }
    const delta = this.#delta.get(token);
    if (delta) for (const p of delta) visit(p);
  }

  /** Tokens starting with `prefix`, most frequent first, at most `max`. */
  expand(prefix: string, max: number): string[] {
    const found = new Set<string>();
    collectPrefix(this.#base.terms, prefix, found);
    this.#deltaSorted ??= [...this.#delta.keys()].sort();
    collectPrefix(this.#deltaSorted, prefix, found);
    const tokens = [...found];
    if (tokens.length <= max) return tokens;
    return tokens
      .map((t) => ({ t, f: this.frequency(t) }))
      .sort((a, b) => b.f - a.f)
      .slice(0, max)
      .map((x) => x.t);
  }

  /** Postings held in memory (added since the index was read or last written), not in the file. */
  get unsavedPostings(): number {
    return this.#unsaved;
  }

  /**
   * The index file, compacted (dead documents dropped, the rest renumbered), as consecutive byte ranges
   * made as they are taken: postings and filters still in the index file are read a chunk at a time, so
   * writing a 100,000-article index holds a few megabytes of it, not its hundreds. Nothing may change
   * the index until the last range is taken; then `adopt` the written file.
   */
  *serialize(): Generator<Uint8Array> {
    const renumber = new Int32Array(this.#ids.length).fill(-1);
    const live: number[] = [];
    this.#ids.forEach((id, doc) => {
      if (id === null) return;
      renumber[doc] = live.length;
      live.push(doc);
    });
    const terms = mergeSorted(this.#base.terms, [...this.#delta.keys()].sort());
    // Two passes over the postings in term order: the header needs each term's live count before any posting is written.
    const counts = new Uint32Array(terms.length);
    for (const { term, postings, from, to } of this.#termPostings(terms)) {
      let n = counts[term];
      for (let at = from; at < to; at++) if (renumber[postingDoc(postings[at])] >= 0) n += 1;
      counts[term] = n;
    }
    const kept: string[] = [];
    const offsets: number[] = [0];
    terms.forEach((term, t) => {
      if (counts[t] === 0) return;
      kept.push(term);
      offsets.push(offsets[offsets.length - 1] + counts[t]);
    });
    const header = JSON.stringify({
      magic: MAGIC,
      format: FORMAT,
      ids: live.map((doc) => this.#ids[doc]),
      stamps: live.map((doc) => this.#stamps[doc]),
      lengths: live.map((doc) => this.#lengths[doc]),
      terms: kept.join('\n'),
      postings: offsets[offsets.length - 1],
      bloomWords: live.map((doc) => this.#bloomWords(doc)),
    });
    const head = Buffer.from(`${header}\n`, 'utf8');
    yield head;
    yield new Uint8Array((4 - (head.length % 4)) % 4);
    yield bytesOf(Uint32Array.from(offsets));

    const out = new WordSink();
    const written: Uint8Array[] = [];
    for (const { postings, from, to } of this.#termPostings(terms)) {
      for (let at = from; at < to; at++) {
        const p = postings[at];
        const doc = renumber[postingDoc(p)];
        if (doc >= 0) out.push((doc << 5) | (p & 31), written);
      }
      if (written.length > 0) yield* written.splice(0);
    }
    out.flush(written);
    yield* written.splice(0);
    const blooms = this.#file ? new SequentialWords(this.#file.fd, this.#file.bloomsAt) : null;
    for (const doc of live) {
      const bloom = this.#blooms[doc];
      if (bloom) out.pushAll(bloom, written);
      else {
        const start = this.#file!.bloomStarts[doc];
        out.pushAll(blooms!.read(start, this.#file!.bloomStarts[doc + 1]), written);
      }
      if (written.length > 0) yield* written.splice(0);
    }
    out.flush(written);
    yield* written;
  }

  /**
   * Reads from `path`, a file just written from serialize, instead of what this index held: the delta
   * and the filters in memory are let go. Documents are renumbered as serialize did.
   */
  adopt(path: string): void {
    const written = InvertedIndex.open(path);
    if (!written) throw new Error('The search index just written cannot be read back.');
    this.close();
    this.#base = written.#base;
    this.#file = written.#file;
    this.#delta = new Map();
    this.#deltaSorted = null;
    this.#unsaved = 0;
    this.#ids = written.#ids;
    this.#stamps = written.#stamps;
    this.#lengths = written.#lengths;
    this.#blooms = written.#blooms;
    this.#byId = written.#byId;
    this.#totalLength = written.#totalLength;
  }

  /** Stops reading the file it was opened on. */
  close(): void {
    if (this.#file) closeSync(this.#file.fd);
    this.#file = null;
  }

  /** Each of `terms` (sorted) with its postings, base then delta, reading the file in order; a run is valid until the next. */
  *#termPostings(terms: readonly string[]): Generator<PostingRun> {
    const { terms: baseTerms, offsets, postings } = this.#base;
    const file = postings ? null : new SequentialWords(this.#file!.fd, this.#file!.postingsAt);
    const run: PostingRun = { term: 0, postings: [], from: 0, to: 0 };
    let b = 0;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t];
      run.term = t;
      while (b < baseTerms.length && baseTerms[b] < term) b += 1;
      if (baseTerms[b] === term) {
        const [from, to] = [offsets[b], offsets[b + 1]];
        Object.assign(run, file ? { postings: file.read(from, to), from: 0, to: to - from } : { postings, from, to });
        yield run;
      }
      const delta = this.#delta.get(term);
      if (delta) {
        Object.assign(run, { postings: delta, from: 0, to: delta.length });
        yield run;
      }
    }
  }

  #bloomWords(doc: number): number {
    const bloom = this.#blooms[doc];
    return bloom ? bloom.length : this.#file!.bloomStarts[doc + 1] - this.#file!.bloomStarts[doc];
  }

  #basePostings(i: number): Uint32Array {
    if (this.#base.postings) return this.#base.postings;
    const { offsets } = this.#base;
    const file = this.#file!;
    const count = offsets[i + 1] - offsets[i];
    if (file.postingsScratch.length < count)
      file.postingsScratch = new Uint32Array(Math.max(count, 2 * file.postingsScratch.length));
    return readWords(file.fd, file.postingsAt + offsets[i] * 4, count, file.postingsScratch);
  }

  /** The document's filter; one still in the file is read into a buffer that the next read reuses. */
  #bloomOf(doc: number): Uint32Array | undefined {
    const bloom = this.#blooms[doc];
    if (bloom !== null) return bloom;
    const file = this.#file!;
    const start = file.bloomStarts[doc];
    const words = file.bloomStarts[doc + 1] - start;
    if (file.scratch.length < words) file.scratch = new Uint32Array(Math.max(words, file.scratch.length * 2));
    return readWords(file.fd, file.bloomsAt + start * 4, words, file.scratch);
  }

  /**
   * Opens an index file written by serialize, reading only its header and term offsets; null when
   * it is missing or not an index this build understands.
   */
  static open(path: string): InvertedIndex | null {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      const chunks: Buffer[] = [];
      let newline = -1;
      let read = 0;
      while (newline < 0 && read < size) {
        const chunk = Buffer.alloc(Math.min(1 << 20, size - read));
        const n = readSync(fd, chunk, 0, chunk.length, read);
        if (n === 0) break;
        const at = chunk.subarray(0, n).indexOf(10);
        if (at >= 0) newline = read + at;
        chunks.push(chunk.subarray(0, n));
        read += n;
      }
      if (newline < 0) throw new Error('no header');
      const header = JSON.parse(Buffer.concat(chunks).subarray(0, newline).toString('utf8')) as Header;
      if (header.magic !== MAGIC || header.format !== FORMAT) throw new Error('another format');
      const terms = header.terms === '' ? [] : header.terms.split('\n');
      let at = newline + 1;
      at += (4 - (at % 4)) % 4;
      const postingsAt = at + (terms.length + 1) * 4;
      const bloomsAt = postingsAt + header.postings * 4;
      const bloomStarts = new Float64Array(header.bloomWords.length + 1);
      header.bloomWords.forEach((n, i) => (bloomStarts[i + 1] = bloomStarts[i] + n));
      if (header.bloomWords.length !== header.ids.length || bloomsAt + bloomStarts[header.ids.length] * 4 !== size)
        throw new Error('sizes disagree');
      const index = new InvertedIndex();
      index.#base = { terms, offsets: readWords(fd, at, terms.length + 1), postings: null };
      index.#file = {
        fd,
        postingsAt,
        bloomsAt,
        bloomStarts,
        scratch: new Uint32Array(1024),
        postingsScratch: new Uint32Array(4096),
      };
      index.#blooms = new Array<null>(header.ids.length).fill(null);
      index.#ids = header.ids;
      index.#stamps = header.stamps;
      index.#lengths = header.lengths;
      index.#byId = new Map(header.ids.map((id, doc) => [id, doc]));
      index.#totalLength = header.lengths.reduce((a, b) => a + b, 0);
      return index;
    } catch (error) {
      closeSync(fd);
      if ((error as NodeJS.ErrnoException).code) throw error; // unreadable, not damaged
      return null;
    }
  }

  /** Reads what serialize wrote; null when it is not an index this build understands. */
  static deserialize(bytes: Buffer): InvertedIndex | null {
    try {
      const newline = bytes.indexOf(10);
      const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Header;
      if (header.magic !== MAGIC || header.format !== FORMAT) return null;
      const terms = header.terms === '' ? [] : header.terms.split('\n');
      let at = newline + 1;
      at += (4 - (at % 4)) % 4;
      // A Uint32Array needs 4-byte alignment; a large file read into its own buffer has it, so no copy.
      const start = bytes.byteOffset + at;
      const count = Math.floor((bytes.length - at) / 4);
      const words =
        start % 4 === 0
          ? new Uint32Array(bytes.buffer, start, count)
          : new Uint32Array(Uint8Array.prototype.slice.call(bytes, at).buffer, 0, count);
      const postingsEnd = terms.length + 1 + header.postings;
      const bloomTotal = header.bloomWords.reduce((a, b) => a + b, 0);
      if (words.length !== postingsEnd + bloomTotal || header.bloomWords.length !== header.ids.length) return null;
      const index = new InvertedIndex();
      index.#base = {
        terms,
        offsets: words.subarray(0, terms.length + 1),
        postings: words.subarray(terms.length + 1, postingsEnd),
      };
      let bloomAt = postingsEnd;
      index.#blooms = header.bloomWords.map((n) => words.subarray(bloomAt, (bloomAt += n)));
      index.#ids = header.ids;
      index.#stamps = header.stamps;
      index.#lengths = header.lengths;
      index.#byId = new Map(header.ids.map((id, doc) => [id, doc]));
      index.#totalLength = header.lengths.reduce((a, b) => a + b, 0);
      return index;
    } catch {
      return null;
    }
  }
}

interface PostingRun {
  /** The term's place in the list asked for. */
  term: number;
  postings: ArrayLike<number>;
  from: number;
  to: number;
}

interface Header {
  magic: string;
  format: number;
  ids: string[];
  stamps: string[];
  lengths: number[];
  terms: string;
  postings: number;
  bloomWords: number[];
}

function findTerm(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = terms[mid];
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function collectPrefix(sorted: readonly string[], prefix: string, into: Set<string>): void {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++) into.add(sorted[i]);
}

function pairHash(a: string, b: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < a.length; i++) hash = Math.imul(hash ^ a.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ 0x1f, 0x01000193);
  for (let i = 0; i < b.length; i++) hash = Math.imul(hash ^ b.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function bloomOf(pairs: Set<number>): Uint32Array {
  const bits = Math.max(32, Math.ceil((pairs.size * BLOOM_BITS_PER_PAIR) / 32) * 32);
  const bloom = new Uint32Array(bits / 32);
  for (const hash of pairs) {
    for (let i = 0, h = hash, step = mix(hash); i < BLOOM_PROBES; i++, h = (h + step) >>> 0) {
      const bit = h % bits;
      bloom[bit >>> 5] |= 1 << (bit & 31);
    }
  }
  return bloom;
}

function bloomHas(bloom: Uint32Array, hash: number): boolean {
  const bits = bloom.length * 32;
  for (let i = 0, h = hash, step = mix(hash); i < BLOOM_PROBES; i++, h = (h + step) >>> 0) {
    const bit = h % bits;
    if ((bloom[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

/** A second hash from the first (double hashing); odd, so probes never repeat. */
function mix(hash: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) | 1) >>> 0;
}

const CHUNK_WORDS = 1 << 20;

const bytesOf = (array: Uint32Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** Words of a file region read in order through one window, a chunk at a time rather than a read per range. */
class SequentialWords {
  #window = new Uint32Array(0);
  #from = 0;
  #to = 0;
  readonly #fileWords: number;

  constructor(
    private readonly fd: number,
    private readonly regionAt: number,
  ) {
    this.#fileWords = Math.floor((fstatSync(fd).size - regionAt) / 4);
  }

  /** Words [from, to) of the region; valid until the next read. */
  read(from: number, to: number): Uint32Array {
    if (from < this.#from || to > this.#to) {
      const count = Math.max(to - from, CHUNK_WORDS);
      if (this.#window.length < count) this.#window = new Uint32Array(count);
      const available = Math.min(count, this.#fileWords - from);
      readWords(this.fd, this.regionAt + from * 4, available, this.#window);
      this.#from = from;
      this.#to = from + available;
    }
    return this.#window.subarray(from - this.#from, to - this.#from);
  }
}

/** Collects words into chunks of bytes, each a copy handed over when full. */
class WordSink {
  #words = new Uint32Array(CHUNK_WORDS);
  #length = 0;

  push(word: number, into: Uint8Array[]): void {
    this.#words[this.#length++] = word;
    if (this.#length === CHUNK_WORDS) this.flush(into);
  }

  pushAll(words: Uint32Array, into: Uint8Array[]): void {
    if (this.#length + words.length > CHUNK_WORDS) this.flush(into);
    if (words.length >= CHUNK_WORDS) into.push(bytesOf(words.slice()));
    else {
      this.#words.set(words, this.#length);
      this.#length += words.length;
    }
  }

  flush(into: Uint8Array[]): void {
    if (this.#length > 0) into.push(bytesOf(this.#words.slice(0, this.#length)));
    this.#length = 0;
  }
}

/** Two sorted lists as one, without repeats. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) merged.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) merged.push(b[j++]);
    else {
      merged.push(a[i++]);
      j += 1;
    }
  }
  return merged;
}
