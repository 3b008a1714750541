import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RotatingFile } from '../../../electron/core/logging/rotating-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'offprint-rotate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const line = (n: number) => `line ${String(n).padStart(3, '0')}\n`; // 9 bytes

describe('a size-rotated log file', () => {
  it('rotates before a write would pass the size, keeping N old files, newest first', () => {
    const path = join(dir, 'logs', 'app.log');
    const file = new RotatingFile(path, { maxBytes: 20, keep: 2 });
    for (let n = 1; n <= 9; n++) file.write(line(n));
    file.close();
    // Two lines (18 bytes) fit in 20; the third starts a new file.
    expect(readFileSync(path, 'utf8')).toBe(line(9));
    expect(readFileSync(`${path}.1`, 'utf8')).toBe(line(7) + line(8));
    expect(readFileSync(`${path}.2`, 'utf8')).toBe(line(5) + line(6));
    expect(existsSync(`${path}.3`)).toBe(false);
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['app.log', 'app.log.1', 'app.log.2']);
  });

  it('counts what an earlier run left in the file', () => {
    const path = join(dir, 'app.log');
    writeFileSync(path, 'x'.repeat(15));
    const file = new RotatingFile(path, { maxBytes: 20, keep: 1 });
    file.write(line(1));
    file.close();
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('x'.repeat(15));
    expect(readFileSync(path, 'utf8')).toBe(line(1));
  });

  it('writes a line bigger than the limit whole, into a file of its own', () => {
    const path = join(dir, 'app.log');
    const file = new RotatingFile(path, { maxBytes: 10, keep: 3 });
    file.write('a'.repeat(30));
    file.write('b\n');
    file.close();
    expect(statSync(`${path}.1`).size).toBe(30);
    expect(readFileSync(path, 'utf8')).toBe('b\n');
  });

  it('keeps no old file when asked to keep none', () => {
    const path = join(dir, 'app.log');
    const file = new RotatingFile(path, { maxBytes: 10, keep: 0 });
    for (let n = 1; n <= 4; n++) file.write(line(n));
    file.close();
    expect(readdirSync(dir)).toEqual(['app.log']);
    expect(readFileSync(path, 'utf8')).toBe(line(4));
  });
});
