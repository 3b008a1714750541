/**
 * The core holds a large library in memory (some 450 MB at 100,000 articles) and allocates heavily
 * while it rebuilds its search index or imports. V8 lets garbage grow to about twice what is live
 * before it collects in full, which alone would take such a process past its memory budget. Growing
 * the heap by at most a tenth of what is live keeps the process near what it holds, at the cost of
 * more frequent collections while it allocates. V8 reads this flag at each collection, so it holds
 * when set after start.
 */
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = 10;

export function keepHeapNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
