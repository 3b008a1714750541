import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelOf, INVOKE_METHODS, type EventName, type InvokeApi, type OffprintEvents } from '@shared/ipc/contract';
import { dispatch } from '@shared/ipc/dispatch';
import { DROP_TOKEN_CHANNEL } from '@shared/ipc/drop-token';
import type { Envelope } from '@shared/ipc/envelope';
import type { ArticleExportFormat } from '@shared/transfer/article-export';
import type { Logger } from '../core/logger';
import { isTrustedSender } from './policy/app-origin';
import type { DropTokens } from './policy/drop-tokens';

const REFUSED: Envelope = {
  ok: false,
  error: { code: 'refused-sender', message: 'This call may only come from the Offprint window.' },
};

function senderOf(event: IpcMainInvokeEvent): { url: string; isMainFrame: boolean } | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { url: frame.url, isMainFrame: frame.parent === null };
}

/** Failures the user caused or can fix are routine; anything else is a fault worth an error line. */
const ROUTINE_FAILURES = new Set([
  'bad-arguments',
  'not-found',
  'usage',
  'content-missing',
  'invalid-url',
  'cancelled',
  'empty',
  'nothing-to-export',
]);

/**
 * Answers every contract call, after checking it comes from the app's own top frame. A failed call
 * is logged here, where it happened: the window only shows its message, so the renderer's catch
 * blocks need not log again.
 */
export function registerIpcHandlers(api: InvokeApi, devServerUrl?: string, logger?: Logger): void {
  for (const name of INVOKE_METHODS) {
    ipcMain.handle(channelOf(name), async (event, ...args: unknown[]) => {
      const sender = senderOf(event);
      if (!isTrustedSender(sender, devServerUrl)) {
        logger?.warn('Refused a call from outside the app window', { method: name, sender: sender?.url ?? null });
        return REFUSED;
      }
      const envelope = await dispatch(api, name, args);
      if (!envelope.ok) {
        const { code, message } = envelope.error;
        const level = ROUTINE_FAILURES.has(code) ? 'info' : code === 'internal' ? 'error' : 'warn';
        logger?.[level]('A call from the window failed', { method: name, code, error: message });
      }
      return envelope;
    });
  }
}

/** The preload's registration of a dropped file: a path in, a one-time token for saveFile out. */
export function registerDropTokenHandler(drops: DropTokens, devServerUrl?: string): void {
  ipcMain.handle(DROP_TOKEN_CHANNEL, (event, path: unknown) =>
    isTrustedSender(senderOf(event), devServerUrl) ? drops.register(path) : REFUSED,
  );
}

/** File → Export…: the renderer exports the view it shows. */
export function sendExportView(window: BrowserWindow | null, format: ArticleExportFormat): void {
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
    window.webContents.send(channelOf('exportView'), format);
  }
}

/** Sends one of the contract's events to the window, if it is still open. */
export function sendEvent<E extends EventName>(
  window: BrowserWindow | null,
  event: E,
  payload: OffprintEvents[E],
): void {
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
    window.webContents.send(channelOf(event), payload);
  }
}
