import type { ShellApi } from '@shared/ipc/contract';
import { checkExternalUrl } from './policy/external-url';

/** The part of the IPC API answered by the glue itself; `open` is Electron's shell.openExternal. */
export function createShellApi(open: (url: string) => Promise<void>): ShellApi {
  return {
    async openExternal(url: string): Promise<void> {
      await open(checkExternalUrl(url));
    },
  };
}
