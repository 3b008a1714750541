import { BrowserWindow } from 'electron';

export interface MainWindowOptions {
  preloadPath: string;
  /** offprint://app/index.html, or the dev server's URL. */
  entryUrl: string;
  iconPath?: string;
}

export function createMainWindow({ preloadPath, entryUrl, iconPath }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Offprint',
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: '#faf8f3',
    icon: iconPath,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  // The window is always "Offprint", whatever the page's <title> says.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}
