import { describe, expect, it } from 'vitest';
import { OffprintError, toErrorInfo } from '@shared/ipc/envelope';

const systemError = (code: string, message: string, path?: string) =>
  Object.assign(new Error(message), { code, ...(path ? { path } : {}) });

describe('toErrorInfo', () => {
  it.each([
    ['ENOSPC', /disk is full/],
    ['EROFS', /read-only/],
    ['EACCES', /permission/],
  ])('puts %s into words instead of showing the code', (code, words) => {
    const info = toErrorInfo(systemError(code, `${code}: some system text, open '/lib/.lock'`, '/lib/.lock'));
    expect(info.message).toMatch(words);
    expect(info.message).toContain('/lib/.lock');
    expect(info.message).not.toMatch(/\bE[A-Z]{3,}\b/);
    expect(info.message).not.toMatch(/Something went wrong/);
  });

  it('keeps an OffprintError as it is, and anything else as an internal error', () => {
    expect(toErrorInfo(new OffprintError('not-found', 'Gone.'))).toEqual({ code: 'not-found', message: 'Gone.' });
    expect(toErrorInfo(new Error('odd'))).toEqual({ code: 'internal', message: 'Something went wrong: odd' });
  });
});
