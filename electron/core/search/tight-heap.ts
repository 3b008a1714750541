/**
 * V8 lets garbage grow to about twice the live heap before it collects in full. For a core holding a
 * 100,000-article library (some 450 MB) that is harmless at rest, but during a full index rebuild,
 * which reads and tokenizes every text, it alone takes the process past its memory budget. While such
 * work runs, the heap grows by at most a tenth of what is live: more frequent collections, during work
 * that takes minutes anyway. V8 reads the flag at each collection, so it holds when set after start;
 * 0 gives the choice back to V8.
 */
import { setFlagsFromString } from 'node:v8';

const TIGHT_GROWING_PERCENT = 10;
let depth = 0;

export async function withTightHeap<T>(work: () => Promise<T>): Promise<T> {
  if (depth++ === 0) setFlagsFromString(`--heap-growing-percent=${TIGHT_GROWING_PERCENT}`);
  try {
    return await work();
  } finally {
    if (--depth === 0) setFlagsFromString('--heap-growing-percent=0');
  }
}
