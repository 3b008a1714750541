/**
 * Where a rendered page's pictures come from: the app fetches each one itself; a picture the
 * site refuses it (401/403, members only) is noted, so the extension can supply it, fetched
 * with the user's session. Supplied pictures are used as they are, before the network.
 */
import { OffprintError } from '@shared/ipc/envelope';
import { fetchResource, type FetchLimits } from './fetch-resource';
import type { LocalImageSource } from './local-images';
import type { NetworkAccess } from './network-access';
import { MAX_IMAGE_BYTES } from './store-images';

const IMAGE_ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8,*/*;q=0.5';

export interface SessionImageSource extends LocalImageSource {
  /** Images the site refused the app (401 or 403). */
  readonly refused: ReadonlySet<string>;
}

export function sessionImageSource(
  supplied: ReadonlyMap<string, Buffer>,
  pageUrl: string,
  limits: FetchLimits,
  access: NetworkAccess,
): SessionImageSource {
  const refused = new Set<string>();
  return {
    refused,
    async load(url) {
      const given = supplied.get(url);
      if (given) return given.length <= MAX_IMAGE_BYTES ? given : null;
      if (!/^https?:/i.test(url)) return null;
      try {
        // Through the same address checks as every other picture of a capture.
        const resource = await fetchResource(url, {
          accept: IMAGE_ACCEPT,
          referer: pageUrl,
          access,
          limits: {
            ...limits,
            maxBytes: Math.min(MAX_IMAGE_BYTES, limits.maxBytes),
            maxDecodedBytes: MAX_IMAGE_BYTES,
          },
        });
        return resource.body;
      } catch (error) {
        if (isRefusal(error)) refused.add(url);
        // Thrown rather than null, so that the picture is not fetched a second time.
        throw error;
      }
    },
  };
}

function isRefusal(error: unknown): boolean {
  return error instanceof OffprintError && error.code === 'http-error' && /answered 40[13]\b/.test(error.message);
}
