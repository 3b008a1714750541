/** Downloads a page and turns it into text, refusing what is not a web page as early as possible. */
import { OffprintError } from '@shared/ipc/envelope';
import { contentKindOf, describeBinary, sniffTextKind } from './content-kind';
import { decodeHtml } from './decode-html';
import { fetchResource, type FetchLimits } from './fetch-resource';
import type { NetworkAccess } from './network-access';

const PAGE_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';

export interface FetchedPage {
  /** Where the page was found, after redirects. */
  url: string;
  kind: 'html' | 'text';
  text: string;
  charset: string;
}

export async function fetchPage(url: string, limits: FetchLimits, access: NetworkAccess): Promise<FetchedPage> {
  const resource = await fetchResource(url, {
    accept: PAGE_ACCEPT,
    limits,
    access,
    onResponse: (head) => void contentKindOf(head.mimeType),
  });
  const declared = contentKindOf(resource.mimeType);
  if (resource.body.length === 0) throw new OffprintError('empty', 'The page is empty: the site sent no content.');
  const binary = describeBinary(resource.body);
  if (binary) {
    const label = resource.mimeType || 'no type';
    throw new OffprintError(
      'unsupported-type',
      `The site says this is ${label}, but it sent ${binary}, which cannot be saved as an article.`,
    );
  }
  const { text, charset } = decodeHtml(resource.body, resource.contentType);
  if (!text.trim()) throw new OffprintError('empty', 'The page is empty: the site sent only blank space.');
  let kind: 'html' | 'text' = declared === 'sniff' ? sniffTextKind(text) : declared;
  if (declared === 'sniff' && kind === 'text' && /xml/.test(resource.mimeType)) {
    throw new OffprintError(
      'unsupported-type',
      `This address serves ${resource.mimeType} that is not a web page, so it cannot be saved as an article.`,
    );
  }
  if (declared === 'text') kind = 'text';
  return { url: resource.url, kind, text, charset };
}
