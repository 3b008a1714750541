/**
 * Reads offprint://save?url=… and offprint://open?id=… links (from a second launch's command
 * line, or macOS's open-url). Anything else the scheme carries is malformed and explained.
 */
import type { ProtocolLinkRequest } from '@shared/protocol-link';

export const LINK_SCHEME = 'offprint';
const MAX_LINK_LENGTH = 16_384;
const MAX_URL_LENGTH = 8_192;
const ARTICLE_ID = /^[A-Za-z0-9_-]{1,64}$/;

const shown = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/** Whether a command-line argument is one of our links (to be read by parseProtocolLink). */
export const isProtocolLink = (arg: string): boolean => arg.toLowerCase().startsWith(`${LINK_SCHEME}:`);

/** The first offprint: link on a command line, or null. */
export function findProtocolLink(argv: readonly string[]): string | null {
  return argv.find(isProtocolLink) ?? null;
}

export function parseProtocolLink(link: string): ProtocolLinkRequest {
  const malformed = (why: string): ProtocolLinkRequest => ({
    action: 'malformed',
    message: `Offprint could not follow the link “${shown(link)}”: ${why}`,
  });
  if (link.length > MAX_LINK_LENGTH) return malformed('it is too long.');
  let parsed: URL;
  try {
    parsed = new URL(link);
  } catch {
    return malformed('it is not a valid link.');
  }
  if (parsed.protocol !== `${LINK_SCHEME}:`) return malformed('it is not an offprint: link.');
  const params = parsed.searchParams;
  switch (parsed.hostname.toLowerCase()) {
    case 'save': {
      const targets = params.getAll('url');
      if (targets.length !== 1 || !targets[0].trim()) return malformed('it does not say (once) which page to save.');
      const target = targets[0].trim();
      if (target.length > MAX_URL_LENGTH) return malformed('the address to save is too long.');
      let url: URL;
      try {
        url = new URL(target);
      } catch {
        return malformed(`“${shown(target)}” is not a web address.`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return malformed(`only web pages (http or https) can be saved, not ${url.protocol} addresses.`);
      return { action: 'save', url: url.href };
    }
    case 'open': {
      const id = params.get('id') ?? '';
      if (!ARTICLE_ID.test(id)) return malformed('it does not name an article.');
      return { action: 'open', id };
    }
    default:
      return malformed('Offprint links either save a page (offprint://save?url=…) or open one (offprint://open?id=…).');
  }
}
