import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  isAllowedRendererRequest,
  isAppUrl,
  isTrustedSender,
} from '../../../electron/main/policy/app-origin';

const DEV = 'http://localhost:5173/';

describe('isAppUrl', () => {
  it('accepts the app origin and, in development, the dev server', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('offprint://app/assets/index-123.js')).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
  });

  it('refuses look-alikes, other schemes and the dev server when there is none', () => {
    for (const url of [
      'offprint://evil/index.html',
      'offprint://app.evil.com/',
      'offprint://user:pw@app/',
      'offprint-asset://abc/image.png',
      'file:///work/main/out/renderer/index.html',
      'https://example.com/',
      'http://localhost:5174/',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, DEV), url).toBe(false);
    }
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('file:///x', 'file:///x')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame of the app', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('isAllowedRendererRequest', () => {
  it('lets the renderer reach only the dev server, its page and its hot-reload socket', () => {
    expect(isAllowedRendererRequest('http://localhost:5173/@vite/client', DEV)).toBe(true);
    expect(isAllowedRendererRequest('ws://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedRendererRequest('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedRendererRequest('https://tracker.example/pixel.gif', DEV)).toBe(false);
  });

  it('blocks every web request when there is no dev server', () => {
    expect(isAllowedRendererRequest('https://example.com/image.jpg')).toBe(false);
    expect(isAllowedRendererRequest('http://localhost:5173/')).toBe(false);
  });
});
