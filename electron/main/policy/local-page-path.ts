import { realpath, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { InvokeApi } from '@shared/ipc/contract';
import { OffprintError } from '@shared/ipc/envelope';
import { isUncPath } from '@shared/local-files/unc-path';
import type { DropTokens } from './drop-tokens';

const PAGE_EXTENSION = /\.html?$/i;

const notDropped = () => new OffprintError('invalid-path', 'Only a web page file dropped on the window can be saved.');
const notAPage = () =>
  new OffprintError('unsupported-type', 'Only web pages saved as .html or .htm files can be added.');

/**
 * A dropped file's path, checked before the core reads it: an absolute path, not on another
 * computer (UNC, refused before any filesystem call), that is still an .html/.htm regular file
 * once symbolic links are resolved (so x.html → /etc/passwd is refused). Returns the resolved path.
 */
export async function checkLocalPagePath(path: unknown): Promise<string> {
  if (typeof path !== 'string' || !path || path.includes('\0') || isUncPath(path) || !isAbsolute(path)) {
    throw notDropped();
  }
  if (!PAGE_EXTENSION.test(path)) throw notAPage();
  const real = await realpath(path).catch(() => null);
  if (!real) throw new OffprintError('not-found', `The file “${path}” could not be found.`);
  if (isUncPath(real)) throw notDropped();
  if (!PAGE_EXTENSION.test(real)) throw notAPage();
  const info = await stat(real).catch(() => null);
  if (!info?.isFile()) throw new OffprintError('not-found', `“${path}” is not a file.`);
  return real;
}

/** The API with saveFile taking a drop token (see DropTokens) and guarded by checkLocalPagePath. */
export function withLocalPageCheck(api: InvokeApi, drops: DropTokens): InvokeApi {
  const saveFile: InvokeApi['saveFile'] = async (token) => {
    const path = drops.take(token);
    if (path === null) throw notDropped();
    return api.saveFile(await checkLocalPagePath(path));
  };
  return Object.freeze({ ...api, saveFile });
}
