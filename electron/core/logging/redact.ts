/**
 * What may reach a log line. Article text never does, and a URL loses what could let a reader
 * of the log in somewhere: its user:password and the query parameters that carry credentials.
 */

/** Query parameters that carry a secret (compared lower-cased, `-` and `_` ignored). */
const CREDENTIAL_PARAMS = new Set(
  [
    'token',
    'access_token',
    'refresh_token',
    'id_token',
    'auth',
    'authorization',
    'key',
    'apikey',
    'api_key',
    'password',
    'passwd',
    'pass',
    'pwd',
    'secret',
    'client_secret',
    'session',
    'sessionid',
    'sid',
    'sig',
    'signature',
    'code',
    'x-amz-signature',
    'x-amz-credential',
    'x-amz-security-token',
    'x-goog-signature',
    'x-goog-credential',
  ].map(normalizeParam),
);

function normalizeParam(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

const REDACTED = 'REDACTED';

/** A URL with its userinfo and credential parameters replaced; text that is not a URL is returned as is. */
export function redactUrl(text: string): string {
  if (!URL.canParse(text)) return text;
  const url = new URL(text);
  if (url.username || url.password) {
    url.username = REDACTED;
    url.password = '';
  }
  for (const name of [...url.searchParams.keys()]) {
    if (CREDENTIAL_PARAMS.has(normalizeParam(name))) url.searchParams.set(name, REDACTED);
  }
  return url.href;
}

/** Every URL inside free text (an error message, say) redacted. */
export function redactText(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, (match) => redactUrl(match));
}

/** Context keys whose values are article content: never logged, only their size. */
const CONTENT_KEYS = new Set(['text', 'textcontent', 'content', 'html', 'body', 'markdown', 'note', 'excerpt']);

const MAX_DEPTH = 4;
const MAX_STRING = 2000;

/** A log context made safe to write: URLs redacted, content dropped, errors reduced to their reason. */
export function redactContext(context: Record<string, unknown>): Record<string, unknown> {
  return redactRecord(context, 0);
}

function redactRecord(record: Record<string, unknown>, depth: number): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    safe[key] = CONTENT_KEYS.has(key.toLowerCase()) ? omitted(value) : redactValue(value, depth + 1);
  }
  return safe;
}

function omitted(value: unknown): string {
  return typeof value === 'string' ? `[omitted, ${value.length} chars]` : '[omitted]';
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') {
    const clipped = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
    return redactText(clipped);
  }
  if (value instanceof Error) {
    const code = (value as NodeJS.ErrnoException).code;
    return { message: redactText(value.message), ...(code ? { code } : {}) };
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => redactValue(item, depth + 1));
  return redactRecord(value as Record<string, unknown>, depth);
}
