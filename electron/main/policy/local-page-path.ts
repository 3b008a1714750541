import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { InvokeApi } from '@shared/ipc/contract';
import { OffprintError } from '@shared/ipc/envelope';

const PAGE_EXTENSION = /\.html?$/i;

/**
 * A path the renderer asks to save (from a file dropped on the window): it must be an absolute
 * path to an existing .html/.htm file, so a compromised renderer cannot make the core read
 * anything else on the disk.
 */
export async function checkLocalPagePath(path: unknown): Promise<string> {
  if (typeof path !== 'string' || !path || path.includes('\0') || !isAbsolute(path)) {
    throw new OffprintError('invalid-path', 'Only a web page file dropped on the window can be saved.');
  }
  if (!PAGE_EXTENSION.test(path)) {
    throw new OffprintError('unsupported-type', 'Only web pages saved as .html or .htm files can be added.');
  }
  const info = await stat(path).catch(() => null);
  if (!info) throw new OffprintError('not-found', `The file “${path}” could not be found.`);
  if (!info.isFile()) throw new OffprintError('not-found', `“${path}” is not a file.`);
  return path;
}

/** The API with saveFile guarded by checkLocalPagePath. */
export function withLocalPageCheck(api: InvokeApi): InvokeApi {
  const saveFile: InvokeApi['saveFile'] = async (path) => api.saveFile(await checkLocalPagePath(path));
  return Object.freeze({ ...api, saveFile });
}
