/**
 * The Electron main process: one window onto one library. Every domain decision is the core's,
 * which runs in its own process (a utilityProcess); main relays the window's calls and the core's
 * events, and wires the rest to Electron — protocols, security, dialogs, the window, the menu.
 */
import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, session, shell, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { toErrorInfo } from '@shared/ipc/envelope';
import type { CaptureProgress } from '@shared/model';
import { suggestedExportName, type ArticleExportRequest } from '@shared/transfer/article-export';
import { resolveLibraryDir } from '../core/library/library-location';
import { errorText } from '../core/logger';
import { CoreClient } from '../core/process/core-client';
import { CORE_EVENTS } from '../core/process/core-protocol';
import { exportArticlesTo } from '../core/export/export-articles';
import { exportHighlights } from '../core/export/export-highlights';
import { createAppLogger, logsDirIn } from './app-log';
import { combineApi } from './combine-api';
import { connectorPort, showPairingCode } from './connector-service';
import { utilityCoreProcess } from './core-process';
import { createElectronPageRenderer } from './electron-page-renderer';
import { registerDropTokenHandler, registerIpcHandlers, sendEvent, sendExportView } from './ipc';
import { installApplicationMenu } from './menu';
import { CORE_HOST_PATH, devIconPath, PRELOAD_PATH, RENDERER_DIR } from './paths';
import { APP_ENTRY_URL } from './policy/app-origin';
import { findUrlArgument } from './policy/command-line-url';
import { DropTokens } from './policy/drop-tokens';
import { findProtocolLink } from './policy/protocol-link';
import { createLinkInbox, registerProtocolClient } from './protocol-links';
import { withLocalPageCheck } from './policy/local-page-path';
import { handleAppProtocol, handleAssetProtocol, registerPrivilegedSchemes } from './protocols';
import { saveFromCommandLine } from './save-from-command-line';
import { lockDownAllWebContents, lockDownSession } from './security';
import { createShellApi } from './shell-api';
import { createMainWindow } from './window';

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;

// A separate profile (and so a separate single-instance lock), for tests and portable use.
if (process.env.OFFPRINT_USER_DATA) app.setPath('userData', resolve(process.env.OFFPRINT_USER_DATA));
const logger = createAppLogger(app.getPath('userData'));

registerPrivilegedSchemes();
app.enableSandbox();
lockDownAllWebContents();

let core: CoreClient | null = null;
let mainWindow: BrowserWindow | null = null;
let windowLoaded = false;
const pendingUrls: string[] = [];
// offprint:// links wait here until the window can ask the user about them.
const links = createLinkInbox();

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
  links.flush(mainWindow, windowLoaded);
  const opened = core;
  const saving = {
    saveUrl: opened.api.saveUrl,
    onCaptureProgress: (listener: (progress: CaptureProgress) => void) => opened.on('captureProgress', listener),
  };
  for (const url of pendingUrls.splice(0)) {
    void saveFromCommandLine(saving, url, (progress) => sendEvent(mainWindow, 'captureProgress', progress), logger);
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

/** File → Import…: an export file (or, where the dialog allows it, a folder) chosen by the user. */
async function chooseImport(parent: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Import an export',
    buttonLabel: 'Import',
    // Linux and Windows dialogs choose files or folders, not both: files (zips) are the common case there.
    properties: process.platform === 'darwin' ? ['openFile', 'openDirectory'] : ['openFile'],
    filters: [
      { name: 'Exports', extensions: ['zip', 'csv', 'json', 'jsonld', 'html', 'htm', 'txt', 'md'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function importFromMenu(opened: CoreClient): Promise<void> {
  const path = await chooseImport(mainWindow);
  if (!path) return;
  try {
    const summary = await opened.api.importFile(path);
    if (summary) sendEvent(mainWindow, 'importFinished', summary);
    else if (mainWindow) {
      const message = 'That file is a web page, not an export. Drop it on the window to save it as an article.';
      void dialog.showMessageBox(mainWindow, { type: 'info', title: 'Import', message });
    }
  } catch (error) {
    const { message } = toErrorInfo(error);
    logger.warn('An import failed', { path, error: errorText(error) });
    if (mainWindow) void dialog.showMessageBox(mainWindow, { type: 'error', title: 'Import', message });
  }
}

/** The save dialog for an article export: a file, or for Markdown a new folder's name. */
async function chooseExportPath(parent: BrowserWindow | null, request: ArticleExportRequest): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: request.format === 'markdown' ? 'Export as a Markdown folder' : 'Export articles',
    defaultPath: join(app.getPath('documents'), suggestedExportName(request)),
    buttonLabel: 'Export',
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Opens the log folder in the system's file manager. */
async function showLogs(): Promise<void> {
  const dir = logsDirIn(app.getPath('userData'));
  const problem = await shell.openPath(dir);
  if (problem) logger.warn('Could not open the log folder', { dir, error: problem });
}

async function pairExtension(opened: CoreClient): Promise<void> {
  try {
    await showPairingCode(await opened.api.pairingCode(), dialog, mainWindow);
  } catch (error) {
    logger.warn('Could not show a pairing code', { error: errorText(error) });
  }
}

function fail(error: unknown): void {
  logger.error('Offprint could not start', { error: errorText(error) });
  dialog.showErrorBox('Offprint could not start', toErrorInfo(error).message);
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();
  const libraryDir = resolveLibraryDir(process.argv, process.env);
  // The window opens on the first page (first-page.json) while the rest of the library loads; the
  // capture queue of imported links is worked from the start of the full load, resuming where it stopped.
  // Pages that need JavaScript are rendered here, in a hidden window, when the core asks.
  const opened = await CoreClient.start({
    spawn: () => utilityCoreProcess(CORE_HOST_PATH),
    host: {
      libraryDir,
      startCaptureQueue: true,
      firstPageEarly: true,
      renderPages: true,
      connectorPort: connectorPort(),
    },
    logger,
    renderer: createElectronPageRenderer(),
  });
  logger.info('Opened the library', { libraryDir: opened.libraryDir, firstPageEarly: opened.firstPageEarly });
  core = opened;

  const appSession = session.defaultSession;
  lockDownSession(appSession, devServerUrl);
  handleAppProtocol(appSession, RENDERER_DIR, logger);
  handleAssetProtocol(appSession, opened.libraryDir, logger);
  const shellApi = createShellApi(
    (url) => shell.openExternal(url),
    (scope) => exportHighlights(opened.api, () => chooseExportFolder(mainWindow), scope),
    (request) => exportArticlesTo(opened.api, () => chooseExportPath(mainWindow, request), request),
  );
  const drops = new DropTokens();
  registerDropTokenHandler(drops, devServerUrl);
  registerIpcHandlers(withLocalPageCheck(combineApi(opened.api, shellApi), drops), devServerUrl, logger);
  for (const name of CORE_EVENTS) opened.on(name, (payload) => sendEvent(mainWindow, name, payload));
  opened.onStatus((status) => {
    sendEvent(mainWindow, 'coreStatus', status);
    if (status.state === 'restarted') warmUpSearch(opened);
  });
  installApplicationMenu({
    isMac: process.platform === 'darwin',
    withDevTools: !app.isPackaged,
    showLogs: () => void showLogs(),
    onImport: () => void importFromMenu(opened),
    onPairExtension: () => void pairExtension(opened),
    onExportView: (format) => sendExportView(mainWindow, format),
  });
  registerProtocolClient(app);

  const url = findUrlArgument(process.argv.slice(1));
  if (url) pendingUrls.push(url);
  const link = findProtocolLink(process.argv.slice(1));
  if (link) links.receive(link);
  mainWindow = openWindow();
  // Load the search index once the window is up, so the first search answers at once.
  mainWindow.once('show', () => warmUpSearch(opened));

  // A core process that stops while loading is restarted and reported like any other crash.
  const notices = await opened.api
    .loaded()
    .then(() => opened.api.getNotices())
    .catch((error: unknown) => {
      logger.warn('Could not finish loading the library', { error: errorText(error) });
      return [];
    });
  for (const notice of notices) {
    void dialog.showMessageBox(mainWindow, { type: 'warning', title: 'Offprint', message: notice });
  }
}

function warmUpSearch(opened: CoreClient): void {
  void opened.api
    .warmUpSearch()
    .catch((error: unknown) =>
      logger.warn('Could not load the search index ahead of the first search', { error: errorText(error) }),
    );
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
    const link = findProtocolLink(argv.slice(1));
    if (link) links.receive(link);
  });

  // macOS hands links over this way (registered before ready, so a link that launched the app is not lost).
  app.on('open-url', (event, link) => {
    event.preventDefault();
    focusWindow();
    links.receive(link);
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
    void Promise.resolve(core?.close())
      .catch((error: unknown) => logger.error('Could not close the library cleanly', { error: errorText(error) }))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  start().catch(fail);
}
