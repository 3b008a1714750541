import { describe, expect, it } from 'vitest';
import { CODE_LIFETIME_MS, Pairing, normalizeCode } from '../../../electron/core/connector/pairing';
import { RateLimiter } from '../../../electron/core/connector/rate-limit';
import { bearerToken, isExtensionOrigin, isLoopbackHost } from '../../../electron/core/connector/request-guard';

describe('request guard', () => {
  it('accepts only browser-extension origins', () => {
    expect(isExtensionOrigin('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toBe(true);
    expect(isExtensionOrigin('moz-extension://0b7b0d5e-3f1a-4c7a-9d55-2f1b9a3c8e11')).toBe(true);
    for (const origin of [
      undefined,
      'null',
      'http://127.0.0.1:47811',
      'https://evil.example',
      'chrome-extension://abc/path',
      'chrome-extension://abc.evil.example:80',
      'chrome://settings',
      'file://',
    ])
      expect(isExtensionOrigin(origin), String(origin)).toBe(false);
  });

  it('accepts only 127.0.0.1 or localhost on the right port as Host', () => {
    expect(isLoopbackHost('127.0.0.1:47811', 47811)).toBe(true);
    expect(isLoopbackHost('localhost:47811', 47811)).toBe(true);
    for (const host of [
      undefined,
      '127.0.0.1',
      '127.0.0.1:47812',
      'evil.example:47811',
      '[::1]:47811',
      'LOCALHOST.:47811',
    ])
      expect(isLoopbackHost(host, 47811), String(host)).toBe(false);
  });

  it('reads a bearer token and nothing else', () => {
    expect(bearerToken('Bearer abcdefghijklmnopqrstuvwxyz_-0123')).toBe('abcdefghijklmnopqrstuvwxyz_-0123');
    for (const header of [
      undefined,
      '',
      'Bearer short',
      'Basic abcdefghijklmnopqrstuvwxyz',
      'Bearer a b c d e f g h i j k',
    ])
      expect(bearerToken(header), String(header)).toBeNull();
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then refills at the rate, per key', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 2, perMinute: 60, now: () => now });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now += 1_000;
    expect([limiter.take('a'), limiter.take('a')]).toEqual([true, false]);
  });
});

describe('Pairing', () => {
  it('a code expires after ten minutes', () => {
    let now = 0;
    const pairing = new Pairing(() => now);
    const { code } = pairing.newCode();
    now += CODE_LIFETIME_MS + 1;
    expect(pairing.redeem(code)).toBe(false);
  });

  it('a new code replaces the old one', () => {
    const pairing = new Pairing();
    const first = pairing.newCode().code;
    const second = pairing.newCode().code;
    if (first !== second) expect(pairing.redeem(first)).toBe(false);
    expect(pairing.redeem(second)).toBe(true);
  });

  it('forgives case, spaces and dashes', () => {
    expect(normalizeCode(' k7m-2qx ')).toBe('K7M2QX');
  });
});
