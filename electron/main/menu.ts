import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { ArticleExportFormat } from '@shared/transfer/article-export';

/** File → Export…'s formats, as the user reads them. */
export const EXPORT_MENU: { format: ArticleExportFormat; label: string }[] = [
  { format: 'markdown', label: 'Markdown Folder (Obsidian)…' },
  { format: 'epub', label: 'EPUB E-book…' },
  { format: 'json', label: 'Offprint JSON (with Content)…' },
  { format: 'csv', label: 'CSV Spreadsheet…' },
  { format: 'netscape', label: 'Browser Bookmarks (HTML)…' },
];

export interface MenuOptions {
  isMac: boolean;
  /** Developer tools are offered only in development builds. */
  withDevTools: boolean;
  /** Opens the folder holding the log files (Help → Show Logs). */
  showLogs: () => void;
  /** File → Import…: asks for an export and imports it. */
  onImport?: () => void;
  /** File → Pair Browser Extension…: shows a pairing code for the browser connector. */
  onPairExtension?: () => void;
  /** File → Export…: exports the view on screen in the chosen format. */
  onExportView?: (format: ArticleExportFormat) => void;
}

export function buildMenuTemplate({
  isMac,
  withDevTools,
  showLogs,
  onImport,
  onPairExtension,
  onExportView,
}: MenuOptions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions[] = [
    ...(onImport ? [{ label: 'Import…', accelerator: 'CmdOrCtrl+Shift+I', click: () => onImport() }] : []),
    ...(onExportView
      ? [
          {
            label: 'Export Current View',
            submenu: EXPORT_MENU.map(({ format, label }) => ({ label, click: () => onExportView(format) })),
          },
        ]
      : []),
    ...(onImport || onExportView ? [{ type: 'separator' } as const] : []),
    ...(onPairExtension
      ? [{ label: 'Pair Browser Extension…', click: () => onPairExtension() }, { type: 'separator' } as const]
      : []),
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
    { role: 'help', submenu: [{ label: 'Show Logs', click: () => showLogs() }] },
  ];
}

export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
