/**
 * Items the app could not take because it was not running: kept in the extension's storage
 * (so a browser restart loses nothing) and delivered, oldest first, once the app answers.
 */
import type { PendingItem } from './protocol';

const KEY = 'pending';
const MAX_ITEMS = 50;

const keyOf = (item: PendingItem) => (item.kind === 'page' ? item.page.url : item.url);

export async function pendingItems(): Promise<PendingItem[]> {
  const stored = (await chrome.storage.local.get(KEY))[KEY];
  return Array.isArray(stored) ? (stored as PendingItem[]) : [];
}

/** Keeps the item; a newer copy of the same address replaces the older one. */
export async function keep(item: PendingItem): Promise<number> {
  const items = (await pendingItems()).filter((other) => keyOf(other) !== keyOf(item));
  items.push(item);
  const kept = items.slice(-MAX_ITEMS);
  await chrome.storage.local.set({ [KEY]: kept });
  return kept.length;
}

export async function drop(item: PendingItem): Promise<void> {
  const items = (await pendingItems()).filter((other) => !(keyOf(other) === keyOf(item) && other.at === item.at));
  await chrome.storage.local.set({ [KEY]: items });
}
