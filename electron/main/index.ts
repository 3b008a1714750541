/**
 * The Electron main process: one window onto one library. Every domain decision is
 * the core's; this wires it to Electron — protocols, IPC, security, the window, the menu.
 */
import { resolve } from 'node:path';
import { app, BrowserWindow, dialog, session, shell, type OpenDialogOptions } from 'electron';
import { toErrorInfo } from '@shared/ipc/envelope';
import { resolveLibraryDir } from '../core/library/library-location';
import { OffprintCore } from '../core/offprint-core';
import { exportHighlights } from '../core/export/export-highlights';
import { combineApi } from './combine-api';
import { registerDropTokenHandler, registerIpcHandlers, sendCaptureProgress } from './ipc';
import { installApplicationMenu } from './menu';
import { devIconPath, PRELOAD_PATH, RENDERER_DIR } from './paths';
import { APP_ENTRY_URL } from './policy/app-origin';
import { findUrlArgument } from './policy/command-line-url';
import { DropTokens } from './policy/drop-tokens';
import { withLocalPageCheck } from './policy/local-page-path';
import { handleAppProtocol, handleAssetProtocol, registerPrivilegedSchemes } from './protocols';
import { saveFromCommandLine } from './save-from-command-line';
import { lockDownAllWebContents, lockDownSession } from './security';
import { createShellApi } from './shell-api';
import { createMainWindow } from './window';

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;

// A separate profile (and so a separate single-instance lock), for tests and portable use.
if (process.env.OFFPRINT_USER_DATA) app.setPath('userData', resolve(process.env.OFFPRINT_USER_DATA));

registerPrivilegedSchemes();
app.enableSandbox();
lockDownAllWebContents();

let core: OffprintCore | null = null;
let mainWindow: BrowserWindow | null = null;
let windowLoaded = false;
const pendingUrls: string[] = [];

function openWindow(): BrowserWindow {
  const window = createMainWindow({
    preloadPath: PRELOAD_PATH,
    entryUrl: devServerUrl ?? APP_ENTRY_URL,
    iconPath: app.isPackaged ? undefined : devIconPath(),
  });
  windowLoaded = false;
  window.webContents.once('did-finish-load', () => {
    windowLoaded = true;
    flushPendingUrls();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

/** URLs from the command line are saved once the window can hear about them. */
function flushPendingUrls(): void {
  if (!core || !mainWindow || !windowLoaded) return;
  for (const url of pendingUrls.splice(0)) {
    void saveFromCommandLine(core, url, (progress) => sendCaptureProgress(mainWindow, progress));
  }
}

function focusWindow(): void {
  if (!mainWindow) {
    if (core) mainWindow = openWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function chooseExportFolder(parent: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Export highlights to a folder',
    buttonLabel: 'Export here',
    properties: ['openDirectory', 'createDirectory'],
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function fail(error: unknown): void {
  dialog.showErrorBox('Offprint could not start', toErrorInfo(error).message);
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();
  const libraryDir = resolveLibraryDir(process.argv, process.env);
  // The window opens on the first page (first-page.json) while the rest of the library loads.
  const opened = await OffprintCore.open({ libraryDir, firstPageEarly: true });
  core = opened;

  const appSession = session.defaultSession;
  lockDownSession(appSession, devServerUrl);
  handleAppProtocol(appSession, RENDERER_DIR);
  handleAssetProtocol(appSession, opened.libraryDir);
  const shellApi = createShellApi(
    (url) => shell.openExternal(url),
    (scope) => exportHighlights(opened, () => chooseExportFolder(mainWindow), scope),
  );
  const drops = new DropTokens();
  registerDropTokenHandler(drops, devServerUrl);
  registerIpcHandlers(withLocalPageCheck(combineApi(opened, shellApi), drops), devServerUrl);
  opened.onCaptureProgress((progress) => sendCaptureProgress(mainWindow, progress));
  installApplicationMenu({ isMac: process.platform === 'darwin', withDevTools: !app.isPackaged });

  const url = findUrlArgument(process.argv.slice(1));
  if (url) pendingUrls.push(url);
  mainWindow = openWindow();
  // Load the search index once the window is up, so the first search answers at once.
  mainWindow.once('show', () => void opened.warmUpSearch().catch(() => undefined));

  await opened.loaded();
  for (const notice of opened.notices) {
    void dialog.showMessageBox(mainWindow, { type: 'warning', title: 'Offprint', message: notice });
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another Offprint is running: it receives our arguments through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    focusWindow();
    const url = findUrlArgument(argv.slice(1));
    if (url) {
      pendingUrls.push(url);
      flushPendingUrls();
    }
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) focusWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closed = false;
  app.on('will-quit', (event) => {
    if (!core || closed) return;
    // Let the library finish its writes and release its lock before the process ends.
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  start().catch(fail);
}
