/**
 * The extension's background (a service worker in Chromium, a background script in Firefox):
 * the toolbar button, Alt+Shift+S and the context menus capture the page and hand it to the
 * app; what the app cannot take now is kept and delivered when it is back.
 */
import { saveLink, savePage } from './app-client';
import { capturePage } from './capture-page';
import { openInApp, tell } from './feedback';
import { drop, keep, pendingItems } from './pending-queue';
import {
  AppUnreachable,
  NotPaired,
  type CapturedPage,
  type PendingItem,
  type SaveAnswer,
  type SuppliedImage,
} from './protocol';

export const MENU = {
  page: 'offprint-save-page',
  link: 'offprint-save-link',
  selection: 'offprint-highlight-selection',
} as const;
const RETRY_ALARM = 'offprint-retry';
const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

function installMenus(): void {
  void chrome.contextMenus.removeAll().then(() => {
    chrome.contextMenus.create({ id: MENU.page, title: 'Save page to Offprint', contexts: ['page'] });
    chrome.contextMenus.create({ id: MENU.link, title: 'Save link to Offprint', contexts: ['link'] });
    chrome.contextMenus.create({
      id: MENU.selection,
      title: 'Highlight selection in Offprint',
      contexts: ['selection'],
    });
  });
}

async function captureTab(tabId: number): Promise<CapturedPage> {
  const [first] = await chrome.scripting.executeScript({ target: { tabId }, func: capturePage });
  if (!first?.result) throw new Error('This page cannot be read by extensions.');
  return first.result;
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A picture the site refused the app, fetched here with the user's cookies. */
async function fetchWithSession(url: string): Promise<SuppliedImage | null> {
  try {
    const response = await fetch(url, { credentials: 'include' });
    if (!response.ok) return null;
    const body = await response.arrayBuffer();
    return body.byteLength > 0 && body.byteLength <= MAX_IMAGE_BYTES ? { url, data: toBase64(body) } : null;
  } catch {
    return null;
  }
}

async function deliver(item: PendingItem): Promise<SaveAnswer> {
  if (item.kind === 'link') return saveLink(item.url);
  const answer = await savePage(item.page);
  if (answer.status !== 'needs-images') return answer;
  const images = await Promise.all(answer.urls.slice(0, 100).map(fetchWithSession));
  return savePage(
    item.page,
    images.filter((image): image is SuppliedImage => image !== null),
  );
}

// One delivery at a time, so the queue is never read and written by two at once.
let busy: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = busy.then(task, task);
  busy = run.catch(() => undefined);
  return run;
}

/** Hands one item to the app, or keeps it when the app is away; tells the user either way. */
export function submit(item: PendingItem): Promise<SaveAnswer | 'kept'> {
  return serially(async () => {
    try {
      const answer = await deliver(item);
      await tell({ kind: 'answer', answer });
      // The app is back: what waited for it goes now rather than at the next retry.
      if ((await pendingItems()).length > 0) void deliverPending();
      return answer;
    } catch (error) {
      if (error instanceof AppUnreachable || error instanceof NotPaired) {
        const pending = await keep(item);
        await chrome.alarms.create(RETRY_ALARM, { periodInMinutes: 1 });
        if (error instanceof NotPaired) await tell({ kind: 'not-paired', reason: error.message });
        else await tell({ kind: 'kept', reason: error.message, pending });
        return 'kept';
      }
      const reason = error instanceof Error ? error.message : String(error);
      await tell({ kind: 'answer', answer: { status: 'failed', reason } });
      return { status: 'failed', reason };
    }
  });
}

/** Delivers the kept items, oldest first, while the app answers. Returns how many were saved. */
export function deliverPending(): Promise<number> {
  return serially(async () => {
    let saved = 0;
    for (const item of await pendingItems()) {
      let answer: SaveAnswer;
      try {
        answer = await deliver(item);
      } catch (error) {
        if (error instanceof AppUnreachable || error instanceof NotPaired) break;
        answer = { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
      await drop(item);
      if (answer.status === 'saved' || answer.status === 'already-saved') saved += 1;
      else await tell({ kind: 'answer', answer });
    }
    if ((await pendingItems()).length === 0) await chrome.alarms.clear(RETRY_ALARM);
    if (saved > 0) await tell({ kind: 'delivered', count: saved });
    return saved;
  });
}

/** The toolbar button, the shortcut and "Save page" / "Highlight selection": the page as rendered. */
export async function saveTab(tab: chrome.tabs.Tab | undefined, selectionText?: string): Promise<SaveAnswer | 'kept'> {
  const target = tab?.id === undefined ? (await chrome.tabs.query({ active: true, currentWindow: true }))[0] : tab;
  if (target?.id === undefined) return 'kept';
  let page: CapturedPage;
  try {
    page = await captureTab(target.id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await tell({ kind: 'answer', answer: { status: 'failed', reason } });
    return { status: 'failed', reason };
  }
  if (!page.selection && selectionText?.trim())
    page.selection = { type: 'TextQuoteSelector', exact: selectionText.trim(), prefix: '', suffix: '' };
  return submit({ kind: 'page', page, at: Date.now() });
}

export function onMenuClick(info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab): Promise<unknown> {
  switch (info.menuItemId) {
    case MENU.link:
      return info.linkUrl ? submit({ kind: 'link', url: info.linkUrl, at: Date.now() }) : Promise.resolve();
    case MENU.selection:
      return saveTab(tab, info.selectionText);
    case MENU.page:
      return saveTab(tab);
    default:
      return Promise.resolve();
  }
}

chrome.runtime.onInstalled.addListener(() => {
  installMenus();
  void deliverPending();
});
chrome.runtime.onStartup.addListener(() => void deliverPending());
chrome.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
chrome.action.onClicked.addListener((tab) => void saveTab(tab));
chrome.commands.onCommand.addListener((command, tab) => {
  if (command === 'save-page') void saveTab(tab);
});
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) void deliverPending();
});
chrome.notifications.onClicked.addListener((id) => openInApp(id));
chrome.notifications.onButtonClicked.addListener((id) => openInApp(id));

// Tests drive the context menus and the retry through these (a test cannot click a native menu).
Object.assign(globalThis, { offprint: { saveTab, onMenuClick, submit, deliverPending, MENU } });
