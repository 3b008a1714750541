import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelOf, INVOKE_METHODS, type InvokeApi } from '@shared/ipc/contract';
import { dispatch } from '@shared/ipc/dispatch';
import { DROP_TOKEN_CHANNEL } from '@shared/ipc/drop-token';
import type { Envelope } from '@shared/ipc/envelope';
import type { CaptureProgress } from '@shared/model';
import type { CaptureQueueStatus } from '@shared/queue/capture-queue';
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

/** Answers every contract call, after checking it comes from the app's own top frame. */
export function registerIpcHandlers(api: InvokeApi, devServerUrl?: string): void {
  for (const name of INVOKE_METHODS) {
    ipcMain.handle(channelOf(name), async (event, ...args: unknown[]) =>
      isTrustedSender(senderOf(event), devServerUrl) ? dispatch(api, name, args) : REFUSED,
    );
  }
}

/** The preload's registration of a dropped file: a path in, a one-time token for saveFile out. */
export function registerDropTokenHandler(drops: DropTokens, devServerUrl?: string): void {
  ipcMain.handle(DROP_TOKEN_CHANNEL, (event, path: unknown) =>
    isTrustedSender(senderOf(event), devServerUrl) ? drops.register(path) : REFUSED,
  );
}

/** Sends a capture's progress to the window, if it is still open. */
export function sendCaptureProgress(window: BrowserWindow | null, progress: CaptureProgress): void {
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
    window.webContents.send(channelOf('captureProgress'), progress);
  }
}

/** Sends the capture queue's status to the window, if it is still open. */
export function sendCaptureQueueStatus(window: BrowserWindow | null, status: CaptureQueueStatus): void {
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
    window.webContents.send(channelOf('captureQueue'), status);
  }
}
