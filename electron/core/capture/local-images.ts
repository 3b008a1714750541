/**
 * Where a saved-on-disk page's pictures may come from: its "Web page, complete" folder
 * (<name>_files/) and its own folder — never anywhere else on the disk, whatever the page says.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRemoteFileUrl, isUncPath } from '@shared/local-files/unc-path';

export const MAX_LOCAL_IMAGE_BYTES = 15 * 1024 * 1024;

export interface LocalImageSource {
  /** The bytes behind an image URL when it names an allowed local file; null when it does not. */
  load(url: string): Promise<Buffer | null>;
}

const within = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * `pageUrl` is what the page's URLs were resolved against: a file: URL, or the page's own
 * canonical http(s) address, under which "./<name>_files/x.png" became "https://site/dir/<name>_files/x.png".
 */
export function localImageSource(htmlPath: string, pageUrl: string): LocalImageSource {
  const folder = dirname(htmlPath);
  const filesFolderName = `${basename(htmlPath, extname(htmlPath))}_files`;
  const remoteFilesPrefix = /^https?:/.test(pageUrl)
    ? new URL(`./${encodeURIComponent(filesFolderName)}/`, pageUrl).href
    : null;

  const pathFor = (url: string): string | null => {
    if (url.startsWith('file:')) {
      // file://host/share/a.png is a UNC path on Windows: refused before anything touches it.
      if (isRemoteFileUrl(url)) return null;
      try {
        const path = fileURLToPath(url);
        return isUncPath(path) ? null : path;
      } catch {
        return null;
      }
    }
    if (remoteFilesPrefix && url.startsWith(remoteFilesPrefix)) {
      const rest = new URL(url).pathname.slice(new URL(remoteFilesPrefix).pathname.length);
      return join(folder, filesFolderName, ...rest.split('/').map((part) => decodeURIComponent(part)));
    }
    return null;
  };

  return {
    async load(url) {
      const path = pathFor(url);
      if (!path || isUncPath(path) || isUncPath(folder)) return null;
      try {
        // Symbolic links are followed before the check, so a link cannot lead out of the folder.
        const [real, realFolder] = await Promise.all([realpath(path), realpath(folder)]);
        if (!within(real, realFolder)) return null;
        const info = await stat(real);
        if (!info.isFile() || info.size > MAX_LOCAL_IMAGE_BYTES) return null;
        return await readFile(real);
      } catch {
        return null;
      }
    },
  };
}
