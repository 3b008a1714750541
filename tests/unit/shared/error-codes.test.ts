import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '@shared/ipc/error-codes';
import { OffprintError, toErrorInfo, unwrap } from '@shared/ipc/envelope';

describe('error codes: a closed list (shared/ipc/error-codes.ts)', () => {
  it('lists each code once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('refuses a misspelt code at compile time (npm run typecheck checks this file)', () => {
    // @ts-expect-error 'not-fund' is not an ErrorCode
    const typo: ErrorCode = 'not-fund';
    // @ts-expect-error the code of an OffprintError is an ErrorCode, not any string
    const error = new OffprintError('fetch-failed', 'x');
    expect([typo, error.code].every((code) => (ERROR_CODES as readonly string[]).includes(code))).toBe(false);
  });

  it('keeps the code across the process boundary', () => {
    const info = toErrorInfo(new OffprintError('library-busy', 'Another Offprint has the library open.'));
    expect(() => unwrap({ ok: false, error: info })).toThrow(expect.objectContaining({ code: 'library-busy' }));
    expect(toErrorInfo(new Error('boom')).code).toBe('internal');
  });
});
