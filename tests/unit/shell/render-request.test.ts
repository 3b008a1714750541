import { describe, expect, it } from 'vitest';
import { isAllowedRenderRequest } from '../../../electron/main/policy/render-request';

const PAGE = 'https://news.example/story';

describe('isAllowedRenderRequest', () => {
  it('lets a web page load from the web, data: and blob:', () => {
    for (const url of [
      'https://cdn.example/app.js',
      'http://93.184.216.34/x.png',
      'data:image/png;base64,AA',
      'blob:https://news.example/1',
    ])
      expect(isAllowedRenderRequest(url, PAGE), url).toBe(true);
  });

  it('keeps a web page away from this computer and the local network', () => {
    for (const url of [
      'http://127.0.0.1:47811/v1/status',
      'http://localhost:8080/',
      'http://router.local/',
      'http://192.168.1.1/admin',
      'http://10.0.0.5/',
      'http://172.20.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.100.100.200/',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://0.0.0.0/',
    ])
      expect(isAllowedRenderRequest(url, PAGE), url).toBe(false);
  });

  it('refuses other schemes and unreadable addresses', () => {
    for (const url of [
      'file:///etc/passwd',
      'chrome://settings',
      'ws://news.example/',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(isAllowedRenderRequest(url, PAGE), url).toBe(false);
  });

  it('lets a page that is itself on the local network load from there', () => {
    expect(isAllowedRenderRequest('http://127.0.0.1:3000/api', 'http://127.0.0.1:3000/app')).toBe(true);
    expect(isAllowedRenderRequest('http://192.168.1.20/img.png', 'http://nas.local/wiki')).toBe(true);
  });
});
