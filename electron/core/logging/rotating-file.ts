import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface RotationOptions {
  /** The file is rotated before a write would take it past this size. */
  maxBytes: number;
  /** How many rotated files (`name.1` … `name.N`, newest first) are kept beside the live one. */
  keep: number;
}

/**
 * An append-only file that rotates by size: `app.log` → `app.log.1` → … → `app.log.N`, the oldest
 * dropped. Writes are synchronous so a line logged just before a crash is on disk; logging is rare
 * enough that this never matters for speed.
 */
export class RotatingFile {
  #fd: number;
  #size: number;

  constructor(
    readonly path: string,
    private readonly options: RotationOptions,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.#fd = openSync(path, 'a');
    this.#size = fstatSync(this.#fd).size;
  }

  /** Takes a chunk (one or more whole lines); the `write` shape lets pino use it as its destination. */
  write(chunk: string): boolean {
    const bytes = Buffer.from(chunk, 'utf8');
    if (this.#size > 0 && this.#size + bytes.length > this.options.maxBytes) this.#rotate();
    writeSync(this.#fd, bytes);
    this.#size += bytes.length;
    return true;
  }

  close(): void {
    closeSync(this.#fd);
  }

  #rotate(): void {
    closeSync(this.#fd);
    const keep = Math.max(0, Math.floor(this.options.keep));
    rmSync(`${this.path}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (existsSync(`${this.path}.${n}`)) renameSync(`${this.path}.${n}`, `${this.path}.${n + 1}`);
    }
    if (keep > 0) renameSync(this.path, `${this.path}.1`);
    else rmSync(this.path, { force: true });
    this.#fd = openSync(this.path, 'a');
    this.#size = 0;
  }
}
