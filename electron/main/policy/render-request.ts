/**
 * Which requests the hidden rendering window may make. A page from the web must not use it to
 * reach this computer or the local network (its scripts run there, with the app's address):
 * requests to loopback, private and link-local addresses are refused unless the page itself is
 * on such an address. Names are checked as written; the fetch-side guard checks resolved addresses.
 */
const ALLOWED_SCHEME = /^(https?|data|blob):$/i;

function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (host.includes(':')) {
    return (
      host === '::' ||
      host === '::1' ||
      /^f[cd][0-9a-f]{2}:/.test(host) ||
      /^fe[89ab][0-9a-f]:/.test(host) ||
      host.startsWith('::ffff:')
    );
  }
  return false;
}

export function isAllowedRenderRequest(url: string, pageUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_SCHEME.test(target.protocol)) return false;
  if (target.protocol === 'data:' || target.protocol === 'blob:') return true;
  if (!isLocalHost(target.hostname)) return true;
  try {
    return isLocalHost(new URL(pageUrl).hostname);
  } catch {
    return false;
  }
}
