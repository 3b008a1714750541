/** Where the app listens and the token it gave at pairing, kept in the extension's storage. */
import { DEFAULT_PORT } from './protocol';

export interface Settings {
  port: number;
  token: string | null;
}

export async function readSettings(): Promise<Settings> {
  const stored = await chrome.storage.local.get(['port', 'token']);
  const port = Number(stored.port);
  return {
    port: Number.isInteger(port) && port > 0 && port < 65_536 ? port : DEFAULT_PORT,
    token: typeof stored.token === 'string' ? stored.token : null,
  };
}

export async function writeSettings(settings: Partial<Settings>): Promise<void> {
  await chrome.storage.local.set(settings);
}
