/**
 * The main process's wiring, run for real against the real core (in its own process, as a faked
 * utilityProcess), a real library in a temp folder and a real HTTP server — with only the
 * `electron` module replaced (tests/support/fake-electron.ts), because its binary cannot run here.
 * The launch test (launch.test.ts) covers real Electron where it exists.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf, INVOKE_METHODS, type CoreStatus } from '@shared/ipc/contract';
import { DROP_TOKEN_CHANNEL } from '@shared/ipc/drop-token';
import type { Envelope } from '@shared/ipc/envelope';
import type { ArticleWithContent, CaptureProgress, ListPage } from '@shared/model';
import { extensionCall } from '../support/connector-client';
import { harness as fake } from '../support/fake-electron';
import { startNewsSite, type NewsSite } from '../support/news-site';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => import('../support/fake-electron'));

// The deployment layout: the built renderer sits next to the main bundle. Here, a stand-in build.
const scratch = mkdtempSync(join(tmpdir(), 'offprint-main-'));
const rendererDir = join(scratch, 'renderer');
fake.paths.userData = join(scratch, 'userData');
vi.mock('../../electron/main/paths', () => ({
  PRELOAD_PATH: join(scratch, 'preload/index.cjs'),
  RENDERER_DIR: rendererDir,
  CORE_HOST_PATH: join(scratch, 'main/core-host.js'),
  devIconPath: () => undefined,
}));

const APP_FRAME = { url: 'offprint://app/index.html', parent: null };
let site: NewsSite;

async function call(method: string, args: unknown[], senderFrame: unknown = APP_FRAME): Promise<Envelope> {
  const handler = fake.ipcHandlers.get(channelOf(method as never));
  if (!handler) throw new Error(`no handler for ${method}`);
  return (await handler({ senderFrame }, ...args)) as Envelope;
}

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const progressFor = (url: string) =>
  fake.sent
    .filter((m) => m.channel === channelOf('captureProgress'))
    .map((m) => m.payload as CaptureProgress)
    .filter((p) => p.url === url);

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Offprint</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(scratch, 'outside.txt'), 'not for the renderer');
  site = await startNewsSite();
  process.env.OFFPRINT_LIBRARY = join(scratch, 'library');
  process.env.OFFPRINT_CONNECTOR_PORT = '0';
  // The app was started as `offprint <article url>`.
  process.argv.push(site.articleUrl);
  await import('../../electron/main/index');
  fake.markReady();
  await until(() => fake.windows[0], 'the main window');
}, 30_000);

afterAll(async () => {
  const quitting = { preventDefault: vi.fn() };
  fake.app.emit('will-quit', quitting);
  await until(() => (fake.app.quit.calls.length > 0 ? true : undefined), 'the app to quit after closing the library');
  await site?.close();
  process.argv.splice(process.argv.indexOf(site.articleUrl), 1);
  delete process.env.OFFPRINT_LIBRARY;
  delete process.env.OFFPRINT_CONNECTOR_PORT;
  rmSync(scratch, { recursive: true, force: true });
});

describe('the main process', () => {
  it('registers both schemes as privileged, standard and secure, before the app is ready', () => {
    expect(fake.privileged).toEqual([
      expect.objectContaining({
        scheme: 'offprint',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
      expect.objectContaining({
        scheme: 'offprint-asset',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(fake.app.enableSandbox.calls.length).toBeGreaterThan(0);
  });

  it('opens a hardened window on the app origin', () => {
    const [window] = fake.windows;
    expect(window.url).toBe('offprint://app/index.html');
    expect(window.options).toMatchObject({
      title: 'Offprint',
      show: false,
      webPreferences: {
        preload: join(scratch, 'preload/index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
      },
    });
  });

  it('saves the URL from the command line once the window has loaded, telling the window', async () => {
    expect(progressFor(site.articleUrl)).toEqual([]);
    fake.windows[0].webContents.emit('did-finish-load');
    const done = await until(
      () => progressFor(site.articleUrl).find((p) => p.stage === 'done' || p.stage === 'failed'),
      'the capture to finish',
    );
    expect(done).toMatchObject({ stage: 'done' });
    expect(progressFor(site.articleUrl)[0].stage).toBe('fetching');
  });

  it('runs the core in a utility process started from the built core host', async () => {
    expect(fake.utilityForks).toEqual([join(scratch, 'main/core-host.js')]);
    const [child] = fake.utilityProcesses;
    expect(child.pid).toEqual(expect.any(Number));
    expect(child.pid).not.toBe(process.pid);
    // The library is held by the child, not by this process.
    const lock = JSON.parse(readFileSync(join(scratch, 'library', '.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(child.pid);
  });

  it('answers every contract call over IPC from the real library', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(
      [...INVOKE_METHODS.map((m) => channelOf(m)), DROP_TOKEN_CHANNEL].sort(),
    );
    expect(fake.ipcHandlers.has(channelOf('search' as never))).toBe(false);
    expect(fake.ipcHandlers.has(channelOf('listArticles' as never))).toBe(false);
    const listed = await call('listPage', [{ view: 'all' }]);
    expect(listed.ok).toBe(true);
    const articles = (listed as { value: ListPage }).value.items;
    expect(articles.map((a) => a.title)).toEqual([site.expected.title]);
  });

  it('returns validation and domain errors as envelopes the renderer can show', async () => {
    expect(await call('getArticle', ['../../etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'bad-arguments' },
    });
    expect(await call('openExternal', ['file:///etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'refused-url' },
    });
    expect(await call('openExternal', ['https://example.com/about'])).toEqual({ ok: true, value: undefined });
    expect(fake.opened).toEqual(['https://example.com/about']);
  });

  it('saves a dropped page only through a token the preload got for it', async () => {
    const dropped = join(scratch, 'dropped.html');
    writeFileSync(
      dropped,
      '<!doctype html><title>Dropped</title><article><h1>Dropped</h1><p>' + 'Words. '.repeat(80) + '</p></article>',
    );
    expect(await call('saveFile', [dropped])).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    const register = fake.ipcHandlers.get(DROP_TOKEN_CHANNEL)!;
    expect(await register({ senderFrame: { url: 'https://evil.example/', parent: null } }, dropped)).toMatchObject({
      ok: false,
      error: { code: 'refused-sender' },
    });
    const token = (await register({ senderFrame: APP_FRAME }, dropped)) as Envelope<string>;
    if (!token.ok) throw new Error(token.error.message);
    expect(await call('saveFile', [token.value])).toMatchObject({ ok: true });
    expect(await call('saveFile', [token.value])).toMatchObject({ ok: false, error: { code: 'invalid-path' } });
  });

  it('refuses calls from anything but the app’s own top frame', async () => {
    const refused = { ok: false, error: { code: 'refused-sender' } };
    expect(await call('listTags', [], { url: 'https://evil.example/', parent: null })).toMatchObject(refused);
    expect(await call('listTags', [], { url: 'offprint://app/index.html', parent: APP_FRAME })).toMatchObject(refused);
    expect(await call('listTags', [], null)).toMatchObject(refused);
  });

  it('serves the built renderer with the CSP, and nothing outside it', async () => {
    const serve = fake.protocolHandlers.get('offprint')!;
    const page = await serve(new Request('offprint://app/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<title>Offprint</title>');
    expect((await serve(new Request('offprint://app/assets/app.js'))).headers.get('content-type')).toMatch(
      /javascript/,
    );
    expect((await serve(new Request('offprint://app/..%2foutside.txt'))).status).toBe(404);
    expect((await serve(new Request('offprint://app/missing.js'))).status).toBe(404);
    expect((await serve(new Request('offprint://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('serves stored article images from the library, and 404 for anything else', async () => {
    const article = ((await call('listPage', [{ view: 'all' }])) as { value: ListPage }).value.items.find(
      (a) => a.title === site.expected.title,
    )!;
    const full = (await call('getArticle', [article.id])) as { ok: true; value: ArticleWithContent };
    const assetUrls = [...full.value.content.matchAll(/offprint-asset:\/\/[^"'\s)]+/g)].map((m) =>
      m[0].replaceAll('&amp;', '&'),
    );
    expect(assetUrls.length).toBeGreaterThan(0);
    const serve = fake.protocolHandlers.get('offprint-asset')!;
    const image = await serve(new Request(assetUrls[0]));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect((await serve(new Request(`offprint-asset://${article.id}/missing.png`))).status).toBe(404);
    expect((await serve(new Request(`offprint-asset://${article.id}/..%2f..%2flibrary.json`))).status).toBe(404);
  });

  it('denies permissions and web requests from the renderer', () => {
    const answers: boolean[] = [];
    fake.session.permissionRequest?.({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(fake.session.permissionCheck?.({}, 'notifications')).toBe(false);
    for (const deviceType of ['hid', 'serial', 'usb', 'bluetooth']) {
      expect(fake.session.devicePermission?.({ deviceType, origin: 'offprint://app' }), deviceType).toBe(false);
    }
    const decisions: unknown[] = [];
    fake.session.beforeRequest?.({ url: 'https://tracker.example/pixel.gif' }, (d: unknown) => decisions.push(d));
    expect(decisions).toEqual([{ cancel: true }]);
  });

  it('stops every navigation, new window and webview, sending web links to the browser', () => {
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const attempt = { preventDefault: vi.fn() };
      contents.emit(event, attempt);
      expect(attempt.preventDefault, event).toHaveBeenCalled();
    }
    // A frame inside the page (none is allowed, but if one appeared) cannot navigate; the app's own top frame may reload.
    const subframe = { isMainFrame: false, preventDefault: vi.fn() };
    contents.emit('will-frame-navigate', subframe);
    expect(subframe.preventDefault).toHaveBeenCalled();
    const top = { isMainFrame: true, preventDefault: vi.fn() };
    contents.emit('will-frame-navigate', top);
    expect(top.preventDefault).not.toHaveBeenCalled();
    fake.opened.length = 0;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/story' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://example.com/story']);
  });

  it('saves a URL handed over by a second launch', async () => {
    const second = `${site.origin}/no-such-page`;
    fake.app.emit('second-instance', {}, ['/opt/Offprint/offprint', second], '/');
    const outcome = await until(
      () => progressFor(second).find((p) => p.stage === 'done' || p.stage === 'failed'),
      'the second capture to finish',
    );
    expect(outcome).toMatchObject({ stage: 'failed' });
    expect(outcome.message).toMatch(/404/);
  });

  it('logs to a file in the app-data folder: the opened library, and a failed call with its method', async () => {
    const envelope = await call('getArticle', ['nosuchid0000']);
    expect(envelope.ok).toBe(false);
    const logFile = join(fake.paths.userData, 'logs', 'offprint.log');
    const entries = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(expect.objectContaining({ msg: 'Opened the library' }));
    expect(entries).toContainEqual(
      expect.objectContaining({ msg: 'A call from the window failed', method: 'getArticle', code: 'not-found' }),
    );
  });

  it('offers Help → Show Logs, which opens the log folder', () => {
    const template = fake.menus.at(-1) as MenuItemConstructorOptions[];
    const help = template.find((item) => item.role === 'help');
    const submenu = help?.submenu as MenuItemConstructorOptions[];
    const showLogs = submenu.find((item) => item.label === 'Show Logs');
    expect(showLogs).toBeDefined();
    (showLogs!.click as () => void)();
    expect(fake.openedPaths).toEqual([join(fake.paths.userData, 'logs')]);
  });

  it('registers as the system’s handler of offprint: links', () => {
    expect(fake.app.setAsDefaultProtocolClient.calls).toContainEqual(['offprint']);
  });

  it('hands an offprint://save link from a second launch to the window to confirm, fetching nothing', async () => {
    const target = `${site.origin}/from-a-link`;
    const link = `offprint://save?url=${encodeURIComponent(target)}`;
    fake.app.emit('second-instance', {}, ['/opt/Offprint/offprint', link], '/');
    expect(linkRequests().at(-1)).toEqual({ action: 'save', url: target });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(site.server.requests.filter((r) => r.includes('from-a-link'))).toEqual([]);
    expect(progressFor(target)).toEqual([]);
  });

  it('takes macOS’s open-url links, and explains a malformed one', () => {
    const opened = { preventDefault: vi.fn() };
    fake.app.emit('open-url', opened, 'offprint://open?id=abc123');
    expect(opened.preventDefault).toHaveBeenCalled();
    expect(linkRequests().at(-1)).toEqual({ action: 'open', id: 'abc123' });
    fake.app.emit('open-url', { preventDefault: vi.fn() }, 'offprint://save?url=javascript%3Aalert(1)');
    expect(linkRequests().at(-1)).toMatchObject({ action: 'malformed', message: expect.stringMatching(/javascript:/) });
  });

  it('serves the browser connector and shows a pairing code from File → Pair Browser Extension…', async () => {
    const [template] = fake.menus as { label?: string; submenu?: { label?: string; click?: () => void }[] }[][];
    const pairItem = template
      .find((menu) => menu.label === 'File')
      ?.submenu?.find((item) => item.label === 'Pair Browser Extension…');
    pairItem!.click!();
    const shown = await until(() => fake.messageBoxes.find((m) => m.message.startsWith('Pairing code')), 'the code');
    const code = /Pairing code: (\w+)/.exec(shown.message)![1];
    const port = Number(/port (\d+)/.exec(shown.detail ?? '')![1]);
    const paired = await extensionCall(port, 'POST', '/v1/pair', null, { code });
    expect(paired.status).toBe(200);
    expect(paired.json().token).toEqual(expect.any(String));
  });

  it('tells the window when the core process crashes, restarts it, and answers again', async () => {
    const before = (await call('listPage', [{ view: 'all' }])) as { ok: true; value: ListPage };
    const dead = fake.utilityProcesses[0];
    process.kill(dead.pid!, 'SIGKILL');
    const restarted = await until(
      () => (coreStatuses().some((s) => s.state === 'restarted') ? coreStatuses() : undefined),
      'the core to restart',
    );
    expect(restarted.map((s) => s.state)).toEqual(['crashed', 'restarted']);
    expect(restarted[0].message).toMatch(/stopped unexpectedly/);
    expect(fake.utilityForks).toHaveLength(2);
    const after = (await call('listPage', [{ view: 'all' }])) as { ok: true; value: ListPage };
    expect(after.ok).toBe(true);
    expect(after.value.items.map((a) => a.id)).toEqual(before.value.items.map((a) => a.id));
  });
});

function coreStatuses(): CoreStatus[] {
  return fake.sent.filter((m) => m.channel === channelOf('coreStatus')).map((m) => m.payload as CoreStatus);
}

function linkRequests(): unknown[] {
  return fake.sent.filter((m) => m.channel === channelOf('protocolLink')).map((m) => m.payload);
}
