/**
 * The host of an address as Offprint shows and filters it: lower-cased, without "www.".
 * '' when the address cannot be parsed or has no host (a file: page); callers choose what to show then.
 */
export function hostOf(url: string): string {
  // Stored addresses are normalised (lower-case host, no credentials): read without a URL parse, which
  // a filter over 100,000 articles would otherwise do 100,000 times. Anything unusual takes the parse.
  const plain = PLAIN_HOST.exec(url);
  if (plain) return plain[1].startsWith('www.') ? plain[1].slice(4) : plain[1];
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return '';
  }
}

/** A host of plain labels, the last starting with a letter (so never an IPv4 address, which URL rewrites), and no port. */
const PLAIN_HOST = /^https?:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(?=[/?#]|$)/;
