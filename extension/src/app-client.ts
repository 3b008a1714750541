/** Calls to the app's connector endpoint on 127.0.0.1. */
import { AppUnreachable, NotPaired, type CapturedPage, type SaveAnswer, type SuppliedImage } from './protocol';
import { readSettings, type Settings } from './settings';

const CALL_TIMEOUT_MS = 120_000;

async function call(settings: Settings, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (settings.token) headers.authorization = `Bearer ${settings.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(`http://127.0.0.1:${settings.port}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch {
    throw new AppUnreachable(`Offprint is not running (nothing answers on port ${settings.port}).`);
  }
}

async function saveCall(path: string, body: unknown): Promise<SaveAnswer> {
  const settings = await readSettings();
  if (!settings.token)
    throw new NotPaired('This browser is not paired with Offprint yet: open the extension’s options.');
  const response = await call(settings, 'POST', path, body);
  if (response.status === 401)
    throw new NotPaired('Offprint no longer knows this browser: pair it again in the options.');
  const answer = (await response.json().catch(() => null)) as SaveAnswer | null;
  if (!answer || typeof answer.status !== 'string')
    return { status: 'failed', reason: `Offprint answered ${response.status}.` };
  return answer;
}

export function savePage(page: CapturedPage, images?: SuppliedImage[]): Promise<SaveAnswer> {
  return saveCall('/v1/save', images ? { ...page, images } : page);
}

export function saveLink(url: string): Promise<SaveAnswer> {
  return saveCall('/v1/save-link', { url });
}

/** Trades a pairing code for a token, and keeps it. */
export async function pair(port: number, code: string): Promise<void> {
  const response = await call({ port, token: null }, 'POST', '/v1/pair', { code });
  const answer = (await response.json().catch(() => ({}))) as { token?: string; reason?: string };
  if (!response.ok || !answer.token) throw new Error(answer.reason ?? `Offprint answered ${response.status}.`);
  await chrome.storage.local.set({ port, token: answer.token });
}
