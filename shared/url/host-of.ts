/**
 * The host of an address as Offprint shows and filters it: lower-cased, without "www.".
 * '' when the address cannot be parsed or has no host (a file: page); callers choose what to show then.
 */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return '';
  }
}
