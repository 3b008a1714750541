import { randomBytes } from 'node:crypto';
import { droppedPagePath } from '@shared/ipc/drop-token';
import type { Envelope } from '@shared/ipc/envelope';

/** How long a dropped file may wait to be saved, and how many drops may wait at once. */
const TOKEN_LIFETIME_MS = 5 * 60_000;
const MAX_WAITING = 100;

/**
 * Ties saveFile to a real drop: the preload, which alone sees a dropped File's path
 * (webUtils.getPathForFile), registers it here and hands the renderer a token; saveFile then
 * takes a token, once, instead of a path, so a compromised renderer cannot name any file it likes.
 */
export class DropTokens {
  readonly #waiting = new Map<string, { path: string; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The preload's registration of a dropped file, as it crosses IPC: a path in, a token out. */
  register(path: unknown): Envelope<string> {
    const checked = droppedPagePath.safeParse(path);
    if (!checked.success) {
      const message = 'Only a web page file dropped on the window can be saved.';
      return { ok: false, error: { code: 'invalid-path', message } };
    }
    return { ok: true, value: this.issue(checked.data) };
  }

  /** A fresh one-time token for `path`. */
  issue(path: string): string {
    this.#forgetExpired();
    while (this.#waiting.size >= MAX_WAITING) {
      const oldest = this.#waiting.keys().next().value as string;
      this.#waiting.delete(oldest);
    }
    const token = randomBytes(24).toString('base64url');
    this.#waiting.set(token, { path, expires: this.now() + TOKEN_LIFETIME_MS });
    return token;
  }

  /** The path registered under `token`, which is used up; null for an unknown, used or expired token. */
  take(token: unknown): string | null {
    if (typeof token !== 'string') return null;
    this.#forgetExpired();
    const entry = this.#waiting.get(token);
    if (!entry) return null;
    this.#waiting.delete(token);
    return entry.path;
  }

  #forgetExpired(): void {
    const now = this.now();
    for (const [token, { expires }] of this.#waiting) if (expires <= now) this.#waiting.delete(token);
  }
}
