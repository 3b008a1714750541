import { join, resolve, sep } from 'node:path';
import { ARTICLES_FOLDER, ASSETS_FOLDER } from './library-layout';
import { isId } from './new-id';

export const ASSET_SCHEME = 'offprint-asset';

const PREFIX = `${ASSET_SCHEME}://`;
/** A stored asset is named by the capture: letters, digits, dots, - and _, never starting with a dot. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

/** The URL under which the reader loads one of an article's stored images. */
export function assetUrl(articleId: string, fileName: string): string {
  return `${PREFIX}${articleId}/${encodeURIComponent(fileName)}`;
}

/**
 * Maps an asset URL to its file inside `<library>/articles/<id>/assets/`, or null.
 * The URL comes from page content, so anything that is not exactly `<id>/<file>` —
 * traversal in any encoding, backslashes, extra segments, absolute paths — is refused.
 */
export function resolveAssetPath(libraryDir: string, url: string): string | null {
  if (typeof url !== 'string' || url.length > 1_000) return null;
  if (url.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return null;
  const rest = url.slice(PREFIX.length).replace(/[?#].*$/s, '');
  const parts = rest.split('/');
  if (parts.length !== 2) return null;
  const [articleId, fileName] = parts.map(safeDecode);
  if (articleId === null || fileName === null) return null;
  if (!isId(articleId) || !FILE_NAME.test(fileName) || fileName.includes('..')) return null;

  const assetsDir = resolve(libraryDir, ARTICLES_FOLDER, articleId, ASSETS_FOLDER);
  const file = resolve(join(assetsDir, fileName));
  return file.startsWith(assetsDir + sep) ? file : null;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
