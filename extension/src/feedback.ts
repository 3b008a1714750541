/**
 * Tells the user how a save went: the toolbar badge, and a notification (with "Open in
 * Offprint" when it is in the library). The last message is also kept in storage.
 */
import type { SaveAnswer } from './protocol';

export type Outcome =
  | { kind: 'answer'; answer: SaveAnswer }
  | { kind: 'kept'; reason: string; pending: number }
  | { kind: 'not-paired'; reason: string }
  | { kind: 'delivered'; count: number };

const BADGES = {
  saved: { text: '✓', color: '#2e7d32' },
  failed: { text: '!', color: '#c62828' },
  waiting: { text: '…', color: '#8d6e00' },
} as const;

export async function tell(outcome: Outcome): Promise<void> {
  const { title, message, badge, openId } = describe(outcome);
  await chrome.action.setBadgeBackgroundColor({ color: BADGES[badge].color });
  await chrome.action.setBadgeText({ text: BADGES[badge].text });
  await chrome.action.setTitle({ title: `Offprint: ${message}` });
  await chrome.storage.local.set({ lastMessage: { title, message, badge, openId: openId ?? null, at: Date.now() } });
  // The article to open travels in the notification's id, so it outlives the service worker.
  const id = `offprint|${Date.now()}|${openId ?? ''}`;
  const notification = {
    type: 'basic' as const,
    iconUrl: chrome.runtime.getURL('icon-128.png'),
    title,
    message,
  };
  try {
    await chrome.notifications.create(
      id,
      openId ? { ...notification, buttons: [{ title: 'Open in Offprint' }] } : notification,
    );
  } catch {
    // Firefox has no notification buttons (a click on the notification opens the article there);
    // notifications may also be switched off, and then the badge and its title still say it.
    await chrome.notifications.create(id, notification).catch(() => undefined);
  }
}

/** "Open in Offprint": the app's protocol link. */
export function openInApp(notificationId: string): void {
  const [scheme, , id] = notificationId.split('|');
  if (scheme === 'offprint' && id) void chrome.tabs.create({ url: `offprint://open?id=${encodeURIComponent(id)}` });
}

function describe(outcome: Outcome): {
  title: string;
  message: string;
  badge: keyof typeof BADGES;
  openId?: string;
} {
  switch (outcome.kind) {
    case 'kept':
      return {
        title: 'Offprint is not running',
        message: `${outcome.reason} The page is kept (${outcome.pending} waiting) and will be saved when Offprint is back.`,
        badge: 'waiting',
      };
    case 'not-paired':
      return { title: 'Not paired with Offprint', message: outcome.reason, badge: 'failed' };
    case 'delivered':
      return {
        title: 'Saved to Offprint',
        message: `Offprint is back: ${outcome.count} waiting page(s) saved.`,
        badge: 'saved',
      };
    case 'answer': {
      const { answer } = outcome;
      if (answer.status === 'saved')
        return { title: 'Saved to Offprint', message: answer.title, badge: 'saved', openId: answer.id };
      if (answer.status === 'already-saved')
        return {
          title: 'Already in Offprint',
          message: `${answer.title}${answer.highlighted ? ' (selection highlighted)' : ''}`,
          badge: 'saved',
          openId: answer.id,
        };
      if (answer.status === 'failed')
        return { title: 'Offprint could not save this', message: answer.reason, badge: 'failed' };
      return { title: 'Offprint could not save this', message: 'Some pictures could not be fetched.', badge: 'failed' };
    }
  }
}
