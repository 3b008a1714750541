/**
 * offprint:// links in the main process: registered as the system's handler for the scheme,
 * received from a second launch or macOS's open-url, and passed to the window, which asks
 * the user before anything is saved. Links that arrive before the window can hear wait.
 */
import type { App, BrowserWindow } from 'electron';
import { channelOf } from '@shared/ipc/contract';
import type { ProtocolLinkRequest } from '@shared/protocol-link';
import { LINK_SCHEME, parseProtocolLink } from './policy/protocol-link';

/** Makes Offprint the handler of offprint: links (in development, through the Electron binary and the app path). */
export function registerProtocolClient(app: App, argv: readonly string[] = process.argv): void {
  if (process.defaultApp && argv.length >= 2) {
    app.setAsDefaultProtocolClient(LINK_SCHEME, process.execPath, [argv[1]]);
  } else {
    app.setAsDefaultProtocolClient(LINK_SCHEME);
  }
}

export interface LinkInbox {
  /** A link as the system handed it over. */
  receive(link: string): void;
  /** Delivers the waiting links, once the window has loaded. */
  flush(window: BrowserWindow | null, windowLoaded: boolean): void;
}

export function createLinkInbox(): LinkInbox {
  const waiting: ProtocolLinkRequest[] = [];
  let target: { window: BrowserWindow | null; loaded: boolean } = { window: null, loaded: false };
  const deliver = () => {
    const { window, loaded } = target;
    if (!window || !loaded || window.isDestroyed() || window.webContents.isDestroyed()) return;
    for (const request of waiting.splice(0)) window.webContents.send(channelOf('protocolLink'), request);
  };
  return {
    receive(link) {
      waiting.push(parseProtocolLink(link));
      deliver();
    },
    flush(window, windowLoaded) {
      target = { window, loaded: windowLoaded };
      deliver();
    },
  };
}
