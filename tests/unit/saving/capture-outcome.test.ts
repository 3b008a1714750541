/** What a failed capture means for the queue, and how long it waits before trying again. */
import { describe, expect, it } from 'vitest';
import { OffprintError } from '@shared/ipc/envelope';
import { backoffMs, failureKind } from '../../../electron/core/saving/capture-outcome';

describe('failureKind', () => {
  it('calls 404 and 410 gone', () => {
    expect(failureKind(new OffprintError('http-error', 'x', 404))).toBe('gone');
    expect(failureKind(new OffprintError('http-error', 'x', 410))).toBe('gone');
  });

  it('retries 5xx, 408, 429, timeouts and broken connections', () => {
    for (const status of [500, 502, 503, 504, 408, 429])
      expect(failureKind(new OffprintError('http-error', 'x', status)), String(status)).toBe('transient');
    expect(failureKind(new OffprintError('timeout', 'x'))).toBe('transient');
    expect(failureKind(new OffprintError('unreachable', 'reset'))).toBe('transient');
  });

  it('does not retry what retrying cannot fix', () => {
    for (const status of [400, 401, 403, 418])
      expect(failureKind(new OffprintError('http-error', 'x', status)), String(status)).toBe('permanent');
    expect(failureKind(new OffprintError('not-an-article', 'x'))).toBe('permanent');
    expect(failureKind(new OffprintError('unsupported-type', 'x'))).toBe('permanent');
    expect(failureKind(new Error('bug'))).toBe('permanent');
  });
});

describe('backoffMs', () => {
  it('doubles from the base up to the bound', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, 1_000, 10_000))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });
});
