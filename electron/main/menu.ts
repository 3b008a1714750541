import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isMac: boolean;
  /** Developer tools are offered only in development builds. */
  withDevTools: boolean;
  /** File → Import…: asks for an export and imports it. */
  onImport?: () => void;
}

export function buildMenuTemplate({ isMac, withDevTools, onImport }: MenuOptions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions[] = [
    ...(onImport ? [{ label: 'Import…', accelerator: 'CmdOrCtrl+Shift+I', click: () => onImport() }] : []),
    ...(onImport ? [{ type: 'separator' } as const] : []),
    isMac ? { role: 'close' } : { role: 'quit' },
  ];
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
    { label: 'File', submenu: file },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}

export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
