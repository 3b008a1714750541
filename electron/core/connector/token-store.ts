/**
 * The paired extensions, kept in the library folder (connector.json) so that pairing survives
 * restarts and follows the library. Only a hash of each token is stored.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../library/write-file-atomic';

export const CONNECTOR_FILE = 'connector.json';

interface PairedExtension {
  /** sha256 of the token, hex. */
  tokenHash: string;
  /** The extension origin that paired; the token works only from there. */
  origin: string;
  pairedAt: string;
}

const hashOf = (token: string): Buffer => createHash('sha256').update(token).digest();

export class TokenStore {
  private constructor(
    private readonly path: string,
    private paired: PairedExtension[],
  ) {}

  static async open(libraryDir: string): Promise<TokenStore> {
    const path = join(libraryDir, CONNECTOR_FILE);
    let paired: PairedExtension[] = [];
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as { paired?: unknown };
      if (Array.isArray(parsed.paired)) paired = parsed.paired.filter(isPairedExtension);
    } catch {
      // No file yet (or an unreadable one): nothing is paired.
    }
    return new TokenStore(path, paired);
  }

  async add(token: string, origin: string): Promise<void> {
    const entry = { tokenHash: hashOf(token).toString('hex'), origin, pairedAt: new Date().toISOString() };
    // One token per extension: pairing again replaces the old one.
    this.paired = [...this.paired.filter((p) => p.origin !== origin), entry];
    await writeFileAtomic(this.path, JSON.stringify({ paired: this.paired }, null, 2));
  }

  /** True when `token` was issued to `origin`. Compared in constant time. */
  accepts(token: string, origin: string): boolean {
    const hash = hashOf(token);
    let found = false;
    for (const entry of this.paired) {
      const stored = Buffer.from(entry.tokenHash, 'hex');
      if (stored.length === hash.length && timingSafeEqual(stored, hash) && entry.origin === origin) found = true;
    }
    return found;
  }

  get size(): number {
    return this.paired.length;
  }
}

function isPairedExtension(value: unknown): value is PairedExtension {
  const v = value as PairedExtension;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.tokenHash === 'string' &&
    /^[0-9a-f]{64}$/.test(v.tokenHash) &&
    typeof v.origin === 'string' &&
    typeof v.pairedAt === 'string'
  );
}
