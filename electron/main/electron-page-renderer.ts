/**
 * The app's PageRenderer: a hidden, sandboxed window that runs a page's scripts so the core can
 * read what they build. Its own in-memory session partition, no preload, no Node, JavaScript
 * on; downloads, permissions and popups denied; only web (and data:/blob:) requests, and none
 * from a web page to this computer or the local network; a budget, and network-idle detection. The app-wide lockdown (security.ts) also applies:
 * the page cannot navigate itself elsewhere or attach a webview.
 */
import { BrowserWindow, session as sessions, type Session } from 'electron';
import { NetworkIdle } from '../core/capture/network-idle';
import type { PageRenderer } from '../core/capture/page-renderer';
import { isAllowedRenderRequest } from './policy/render-request';

/** No "persist:" prefix: cookies and storage live in memory and go with the app. */
export const RENDER_PARTITION = 'offprint-render';
/** Reading the DOM gets this long past the budget before the render is given up. */
const READ_GRACE_MS = 2_000;

/** Requests in flight per window; a redirect keeps its request id, so it is counted once. */
class WindowNetwork extends NetworkIdle {
  constructor(readonly pageUrl: string) {
    super();
  }

  readonly #open = new Set<number>();
  begin(id: number): void {
    if (this.#open.has(id)) return;
    this.#open.add(id);
    this.started();
  }
  finish(id: number): void {
    if (this.#open.delete(id)) this.ended();
  }
}

function lockDownRenderSession(session: Session, networks: Map<number, WindowNetwork>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest((details, callback) => {
    const network = details.webContentsId === undefined ? undefined : networks.get(details.webContentsId);
    network?.begin(details.id);
    // A request from no known window (a service worker, say) is judged as if from the web.
    callback({ cancel: !isAllowedRenderRequest(details.url, network?.pageUrl ?? 'https://web.invalid/') });
  });
  const finish = (details: { id: number; webContentsId?: number }) => {
    if (details.webContentsId !== undefined) networks.get(details.webContentsId)?.finish(details.id);
  };
  session.webRequest.onCompleted(finish);
  session.webRequest.onErrorOccurred(finish);
}

const TIMED_OUT = Symbol('timed out');
const until = (deadline: number) =>
  new Promise<typeof TIMED_OUT>((resolve) => setTimeout(() => resolve(TIMED_OUT), Math.max(0, deadline - Date.now())));

export function createElectronPageRenderer(): PageRenderer {
  const networks = new Map<number, WindowNetwork>();
  let session: Session | null = null;
  return {
    async render(url, { budgetMs }) {
      if (!session) {
        session = sessions.fromPartition(RENDER_PARTITION);
        lockDownRenderSession(session, networks);
      }
      const deadline = Date.now() + budgetMs;
      const window = new BrowserWindow({
        show: false,
        width: 1280,
        height: 900,
        webPreferences: {
          partition: RENDER_PARTITION,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInSubFrames: false,
          nodeIntegrationInWorker: false,
          webviewTag: false,
          javascript: true,
          webSecurity: true,
          spellcheck: false,
          backgroundThrottling: false,
        },
      });
      const contents = window.webContents;
      const network = new WindowNetwork(url);
      networks.set(contents.id, network);
      contents.setWindowOpenHandler(() => ({ action: 'deny' }));
      contents.setAudioMuted(true);
      try {
        const loaded = await Promise.race([
          window.loadURL(url).then(
            () => 'loaded' as const,
            (error: Error) => error,
          ),
          until(deadline),
        ]);
        if (loaded instanceof Error) throw loaded;
        await network.settle(deadline);
        const html = await Promise.race([
          contents.executeJavaScript('document.documentElement.outerHTML') as Promise<unknown>,
          until(deadline + READ_GRACE_MS),
        ]);
        if (typeof html !== 'string') throw new Error('The page could not be read in time.');
        return { url: contents.getURL(), html };
      } finally {
        networks.delete(contents.id);
        if (!window.isDestroyed()) window.destroy();
      }
    },
  };
}
