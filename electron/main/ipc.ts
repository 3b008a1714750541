import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelOf, INVOKE_METHODS, type InvokeApi } from '@shared/ipc/contract';
import { dispatch } from '@shared/ipc/dispatch';
import type { Envelope } from '@shared/ipc/envelope';
import type { CaptureProgress } from '@shared/model';
import { isTrustedSender } from './policy/app-origin';

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

/** Sends a capture's progress to the window, if it is still open. */
export function sendCaptureProgress(window: BrowserWindow | null, progress: CaptureProgress): void {
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
    window.webContents.send(channelOf('captureProgress'), progress);
  }
}
