/**
 * The app's hidden rendering window, with the `electron` module faked (its binary cannot run
 * here): the window's and the session's settings, the network-idle wait and the budget.
 * What the window renders is covered with real Chromium in tests/browser/rendered-fallback.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
interface RequestDetails {
  id: number;
  url: string;
  webContentsId?: number;
}

const fake = vi.hoisted(() => {
  const session = {
    partition: '',
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    deviceCheck: null as Listener | null,
    listeners: new Map<string, Listener>(),
    beforeRequest: null as ((details: unknown, callback: (r: { cancel: boolean }) => void) => void) | null,
    completed: null as Listener | null,
    errored: null as Listener | null,
    setPermissionRequestHandler(handler: Listener) {
      this.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      this.permissionCheck = handler;
    },
    setDevicePermissionHandler(handler: Listener) {
      this.deviceCheck = handler;
    },
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    },
    webRequest: {
      onBeforeRequest: (handler: never) => void (fake.session.beforeRequest = handler),
      onCompleted: (handler: Listener) => void (fake.session.completed = handler),
      onErrorOccurred: (handler: Listener) => void (fake.session.errored = handler),
    },
  };
  /** What the next window's page does when loaded. */
  const script = {
    load: async (_window: FakeWindow): Promise<void> => undefined,
    html: '<html><body><p>rendered</p></body></html>',
  };
  const windows: FakeWindow[] = [];
  let nextId = 1;

  class FakeWindow {
    destroyed = false;
    loadedUrl = '';
    readonly webContents = {
      id: nextId++,
      openHandler: null as Listener | null,
      muted: false,
      setWindowOpenHandler: (handler: Listener) => void (this.webContents.openHandler = handler),
      setAudioMuted: (muted: boolean) => void (this.webContents.muted = muted),
      executeJavaScript: async (code: string) => {
        if (code !== 'document.documentElement.outerHTML') throw new Error(`unexpected script ${code}`);
        return script.html;
      },
      getURL: () => this.loadedUrl,
    };
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
      await script.load(this);
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }

  /** A request from the window's page, through the session's handlers as Electron would send it. */
  function request(window: FakeWindow, details: Omit<RequestDetails, 'webContentsId'>): boolean {
    let cancelled = false;
    session.beforeRequest?.({ ...details, webContentsId: window.webContents.id }, (r) => (cancelled = r.cancel));
    return cancelled;
  }
  const finish = (window: FakeWindow, id: number) => session.completed?.({ id, webContentsId: window.webContents.id });

  return { session, script, windows, FakeWindow, request, finish };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeWindow,
  session: {
    fromPartition: (partition: string) => {
      fake.session.partition = partition;
      return fake.session;
    },
  },
}));

const { createElectronPageRenderer, RENDER_PARTITION } = await import('../../electron/main/electron-page-renderer');
const renderer = createElectronPageRenderer();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  fake.script.load = async () => undefined;
});

describe('the hidden rendering window', () => {
  it('is hidden, sandboxed, without Node or a preload, with scripts on, in its own in-memory partition', async () => {
    const rendered = await renderer.render('https://example.com/app', { budgetMs: 5_000 });
    expect(rendered).toEqual({ url: 'https://example.com/app', html: fake.script.html });
    const [window] = fake.windows;
    expect(window.options.show).toBe(false);
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      partition: RENDER_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      javascript: true,
      webSecurity: true,
    });
    expect(prefs).not.toHaveProperty('preload');
    expect(RENDER_PARTITION).not.toMatch(/^persist:/);
    expect(fake.session.partition).toBe(RENDER_PARTITION);
    expect(window.webContents.muted).toBe(true);
    expect(window.destroyed).toBe(true);
  });

  it('denies popups, downloads, permissions, requests that are not to the web, and to this computer or the LAN', async () => {
    let seen: boolean[] = [];
    fake.script.load = async (window) => {
      seen = [
        'https://example.com/a.js',
        'data:image/png;base64,AA',
        'file:///etc/passwd',
        'chrome://settings',
        'http://127.0.0.1:47811/v1/status',
        'http://192.168.1.1/',
      ].map((url, id) => {
        const cancelled = fake.request(window, { id, url });
        fake.finish(window, id);
        return cancelled;
      });
    };
    await renderer.render('https://example.com/app', { budgetMs: 5_000 });
    expect(seen).toEqual([false, false, true, true, true, true]);
    const window = fake.windows.at(-1)!;
    expect(window.webContents.openHandler?.({ url: 'https://example.com/popup' })).toEqual({ action: 'deny' });
    const download = { preventDefault: vi.fn() };
    fake.session.listeners.get('will-download')?.(download);
    expect(download.preventDefault).toHaveBeenCalled();
    const answers: boolean[] = [];
    fake.session.permissionRequest?.({}, 'geolocation', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(fake.session.permissionCheck?.({}, 'notifications')).toBe(false);
    expect(fake.session.deviceCheck?.({})).toBe(false);
  });

  it('reads the page once its network has been idle, not before', async () => {
    fake.script.load = async (window) => {
      fake.request(window, { id: 1, url: 'https://example.com/api/story.json' });
      // A redirect of the same request is not a second request.
      fake.request(window, { id: 1, url: 'https://example.com/api/story-v2.json' });
      void sleep(800).then(() => fake.finish(window, 1));
    };
    const started = Date.now();
    await renderer.render('https://example.com/app', { budgetMs: 10_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(800 + 450);
  });

  it('gives up waiting at the budget and reads what is there', async () => {
    fake.script.load = async (window) => void fake.request(window, { id: 7, url: 'https://example.com/forever' });
    const started = Date.now();
    const rendered = await renderer.render('https://example.com/app', { budgetMs: 1_500 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(rendered.html).toBe(fake.script.html);
  });

  it('fails when the page cannot be loaded, and closes the window', async () => {
    fake.script.load = async () => {
      throw new Error('ERR_NAME_NOT_RESOLVED');
    };
    await expect(renderer.render('https://nowhere.invalid/', { budgetMs: 5_000 })).rejects.toThrow(
      'ERR_NAME_NOT_RESOLVED',
    );
    expect(fake.windows.at(-1)!.destroyed).toBe(true);
  });
});
