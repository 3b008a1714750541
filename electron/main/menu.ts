import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isMac: boolean;
  /** Developer tools are offered only in development builds. */
  withDevTools: boolean;
  /** Opens the folder holding the log files (Help → Show Logs). */
  showLogs: () => void;
  /** File → Pair Browser Extension…: shows a pairing code for the browser connector. */
  onPairExtension?: () => void;
}

export function buildMenuTemplate({
  isMac,
  withDevTools,
  showLogs,
  onPairExtension,
}: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(withDevTools ? [{ role: 'toggleDevTools' } as const] : []),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        ...(onPairExtension
          ? [{ label: 'Pair Browser Extension…', click: () => onPairExtension() }, { type: 'separator' } as const]
          : []),
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Show Logs', click: () => showLogs() }] },
  ];
}

export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
