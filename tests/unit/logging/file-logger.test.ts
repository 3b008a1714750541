import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger, LOG_FILE_NAME } from '../../../electron/core/logging/file-logger';
import { stderrLogger } from '../../../electron/core/logger';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'offprint-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the file logger', () => {
  it('writes one redacted JSON line per entry, with level, time and context', () => {
    const logger = createFileLogger({ dir });
    logger.error('Could not write the search index', {
      error: 'EACCES',
      url: 'https://u:secret@h.test/?token=t',
      text: 'article body',
    });
    logger.close();
    const [entry] = lines(join(dir, LOG_FILE_NAME));
    expect(entry).toMatchObject({
      level: 50,
      msg: 'Could not write the search index',
      error: 'EACCES',
      url: 'https://REDACTED@h.test/?token=REDACTED',
      text: '[omitted, 12 chars]',
    });
    expect(new Date(entry.time as string).getTime()).not.toBeNaN();
  });

  it('drops lines below its level', () => {
    const logger = createFileLogger({ dir, level: 'warn' });
    logger.info('quiet');
    logger.warn('loud');
    logger.close();
    expect(lines(join(dir, LOG_FILE_NAME)).map((l) => l.msg)).toEqual(['loud']);
  });

  it('rotates by size and keeps the number of files asked for', () => {
    const logger = createFileLogger({ dir, maxBytes: 300, keep: 2 });
    for (let n = 0; n < 40; n++) logger.warn(`entry ${n}`, { n });
    logger.close();
    expect(readdirSync(dir).sort()).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`]);
    const newest = lines(join(dir, LOG_FILE_NAME));
    expect(newest.at(-1)?.msg).toBe('entry 39');
  });
});

describe('the stderr logger', () => {
  it('writes only warnings and errors when set to warn, redacted', () => {
    const written: string[] = [];
    const logger = stderrLogger((line) => written.push(line), 'warn');
    logger.info('saved', { id: 'a' });
    logger.warn('failed', { url: 'https://u:p@h.test/' });
    expect(written).toEqual(['offprint warn: failed {"url":"https://REDACTED@h.test/"}\n']);
  });
});
