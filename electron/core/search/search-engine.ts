/**
 * What SearchIndex needs from an engine: an index of documents it can add to, remove from, write
 * out and read back, and rank for a query. Lifecycle, persistence timing, filters and snippets
 * stay in SearchIndex, so another engine plugs in through CoreOptions without touching them.
 */
import type { IndexedDoc } from './inverted-index';

export type { IndexedDoc } from './inverted-index';

/** The words of a query, already tokenized: each group must match (any token of a group will do). */
export interface EngineQuery {
  groups: string[][];
  /** Tokens that must not occur. */
  excluded: string[];
}

/** The documents a query matched, by doc number, in the first `count` places of each array. */
export interface EngineMatches {
  count: number;
  docs: Uint32Array;
  /** How many of the query's groups matched in the title (title matches rank first). */
  titleWords: Uint16Array;
  scores: Float64Array;
}

/**
 * Documents are numbered from 0; a number stays with its document until the index is serialized
 * (which may renumber them all), so a caller can keep what it knows of each by number until then.
 */
export interface EngineIndex {
  /** Live documents. */
  readonly size: number;
  /** Every document number is below this. */
  readonly docLimit: number;
  /** The document's id, or null when the number is unused or its document was removed. */
  idOf(doc: number): string | null;
  /** The stamp a document was indexed with, or undefined when it is not in the index. */
  stampOf(id: string): string | undefined;
  ids(): Iterable<string>;
  add(doc: IndexedDoc): void;
  remove(id: string): void;
  /** Tokens of the index that start with `prefix` (at most `max`). */
  expand(prefix: string, max: number): string[];
  /** Documents matching every group and no excluded token, unordered. */
  match(query: EngineQuery): EngineMatches;
  /** False only when the document certainly lacks the tokens side by side (phrase candidates). */
  mayHaveSequence(id: string, tokens: readonly string[]): boolean;
  /**
   * The index file as consecutive byte ranges, each written before the next is asked for (an engine may
   * make them as they are taken); nothing changes the index meanwhile.
   */
  serialize(): Iterable<Uint8Array>;
  /**
   * After serialize's file is written there: read from it from now on, letting go of what it held in
   * memory (documents may be renumbered). Engines without it keep their index in memory.
   */
  adopt?(path: string): void;
  /** How much of the index is held in memory only (engine units); a long rebuild writes it out past a limit. */
  readonly unsavedPostings?: number;
  /** Lets go of the file an index opened with SearchEngine.open reads from. */
  close?(): void;
}

export interface SearchEngine {
  create(): EngineIndex;
  /** Reads what serialize wrote; null when the bytes are not an index this engine understands. */
  read(bytes: Buffer): EngineIndex | null;
  /**
   * Opens the index file without reading all of it (what a query needs is read when it is asked);
   * null when it is not an index this engine understands; throws when it cannot be read (ENOENT when
   * it is missing). Engines without it are read whole.
   */
  open?(path: string): EngineIndex | null;
}
