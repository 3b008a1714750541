import type { ShellApi } from '@shared/ipc/contract';
import { OffprintError } from '@shared/ipc/envelope';
import { checkExternalUrl } from './policy/external-url';

/** The part of the IPC API answered by the glue itself; `open` is Electron's shell.openExternal. */
export function createShellApi(
  open: (url: string) => Promise<void>,
  exportHighlights: ShellApi['exportHighlights'] = async () => {
    throw new OffprintError('not-available', 'Exporting to a folder is not available here.');
  },
  exportArticles: ShellApi['exportArticles'] = async () => {
    throw new OffprintError('not-available', 'Exporting articles is not available here.');
  },
): ShellApi {
  return {
    async openExternal(url: string): Promise<void> {
      await open(checkExternalUrl(url));
    },
    exportHighlights,
    exportArticles,
  };
}
