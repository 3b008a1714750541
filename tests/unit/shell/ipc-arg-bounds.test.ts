/** Every collection and string an IPC call takes is bounded, and no one-line text takes control characters. */
import { describe, expect, it } from 'vitest';
import { argSchemas, MAX_IDS_PER_CALL, MAX_VIEW_SETTINGS_PER_CALL } from '@shared/ipc/arg-schemas';
import { createApiClient } from '@shared/ipc/client';
import type { InvokeMethod } from '@shared/ipc/contract';

const ok = (method: InvokeMethod, args: unknown[]) => argSchemas[method].safeParse(args).success;

describe('IPC argument bounds', () => {
  it('refuses NUL and other control characters in tags, filters, queries and URLs', () => {
    for (const bad of ['a\u0000b', 'tab\there', 'esc\u001b[31m', 'del\u007f', 'c1\u0085', 'new\nline']) {
      expect(ok('addTag', ['a1', bad]), JSON.stringify(bad)).toBe(false);
      expect(ok('renameTag', ['ok', bad])).toBe(false);
      expect(ok('bulkUpdate', [['a1'], { type: 'add-tag', tag: bad }])).toBe(false);
      expect(ok('listPage', [{ view: 'all', site: bad }])).toBe(false);
      expect(ok('searchPage', [bad])).toBe(false);
      expect(ok('saveUrl', [`https://example.com/${bad}`])).toBe(false);
      expect(ok('openExternal', [`https://example.com/${bad}`])).toBe(false);
    }
    expect(ok('addTag', ['a1', 'Reading list · 2024'])).toBe(true);
  });

  it('lets a note keep line breaks and tabs, but not other control characters', () => {
    expect(ok('updateHighlight', ['h1', { note: 'first line\n\tsecond line\r\n' }])).toBe(true);
    expect(ok('updateHighlight', ['h1', { note: 'bell\u0007' }])).toBe(false);
    expect(ok('updateHighlight', ['h1', { note: 'nul\u0000' }])).toBe(false);
  });

  it('bounds the ids of a bulk call', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`);
    expect(ok('bulkUpdate', [ids(MAX_IDS_PER_CALL), { type: 'read', value: true }])).toBe(true);
    expect(ok('bulkUpdate', [ids(MAX_IDS_PER_CALL + 1), { type: 'read', value: true }])).toBe(false);
    expect(ok('bulkUpdate', [ids(200_000), { type: 'read', value: true }])).toBe(false);
    expect(ok('deleteArticles', [ids(200_000)])).toBe(false);
    expect(ok('restoreArticles', [ids(200_000)])).toBe(false);
  });

  it('bounds an article export: a known format, a view and tag or a bounded list of ids, nothing else', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`);
    expect(ok('exportArticles', [{ format: 'markdown', ids: ids(2), includeContent: true }])).toBe(true);
    expect(ok('exportArticles', [{ format: 'epub', view: 'inbox', tag: 'research' }])).toBe(true);
    expect(ok('exportArticles', [{ format: 'pdf' }])).toBe(false);
    expect(ok('exportArticles', [{ format: 'csv', view: 'later' }])).toBe(false);
    expect(ok('exportArticles', [{ format: 'csv', ids: ids(MAX_IDS_PER_CALL + 1) }])).toBe(false);
    expect(ok('exportArticles', [{ format: 'csv', ids: [] }])).toBe(false);
    expect(ok('exportArticles', [{ format: 'csv', ids: ['../etc'] }])).toBe(false);
    expect(ok('exportArticles', [{ format: 'csv', tag: 'a\u0000b' }])).toBe(false);
    expect(ok('exportArticles', [{ format: 'csv', ids: ids(1), view: 'inbox' }])).toBe(false);
    // The renderer never names where to write.
    expect(ok('exportArticles', [{ format: 'csv', path: '/tmp/x.csv' }])).toBe(false);
  });

  it('bounds view settings: a few at once, keyed by a view or a tag', () => {
    const views = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag:t${i}`, null]));
    expect(ok('updateSettings', [{ views: views(MAX_VIEW_SETTINGS_PER_CALL) }])).toBe(true);
    expect(ok('updateSettings', [{ views: views(MAX_VIEW_SETTINGS_PER_CALL + 1) }])).toBe(false);
    expect(ok('updateSettings', [{ views: views(50_000) }])).toBe(false);
    expect(ok('updateSettings', [{ views: { inbox: { sort: { field: 'title', direction: 'asc' } } } }])).toBe(true);
    expect(ok('updateSettings', [{ views: { 'tag:reading list': null } }])).toBe(true);
    expect(ok('updateSettings', [{ views: { 'no-such-view': null } }])).toBe(false);
    expect(ok('updateSettings', [{ views: { 'tag:\u0000': null } }])).toBe(false);
  });

  it('bounds the capture queue calls: known statuses, a window of items, ids named or none', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`);
    expect(ok('listCaptureQueue', [{ statuses: ['failed', 'gone'], offset: 0, limit: 200 }])).toBe(true);
    expect(ok('listCaptureQueue', [{ statuses: ['exploded'] }])).toBe(false);
    expect(ok('listCaptureQueue', [{ limit: 1_001 }])).toBe(false);
    expect(ok('listCaptureQueue', [{ offset: 1e12 }])).toBe(false);
    expect(ok('retryCapture', [])).toBe(true);
    expect(ok('retryCapture', [ids(3)])).toBe(true);
    expect(ok('retryCapture', [[]])).toBe(false);
    expect(ok('cancelCapture', [ids(MAX_IDS_PER_CALL + 1)])).toBe(false);
    expect(ok('cancelCapture', [['a\u0000']])).toBe(false);
    expect(ok('pauseCaptureQueue', [])).toBe(true);
    expect(ok('resumeCaptureQueue', ['now'])).toBe(false);
  });

  it('bounds offsets', () => {
    expect(ok('listPage', [{ view: 'all', offset: 1e12 }])).toBe(false);
    expect(ok('searchPage', ['q', { offset: 1e12 }])).toBe(false);
  });
});

describe('openExternal needs a user gesture', () => {
  it('is refused without one, before anything crosses IPC', async () => {
    const sent: string[] = [];
    let gesture = false;
    const api = createApiClient(
      {
        invoke: async (method) => (sent.push(method), { ok: true, value: undefined }),
        subscribe: () => () => undefined,
      },
      {},
      () => gesture,
    );
    await expect(api.openExternal('https://example.com/')).rejects.toMatchObject({ code: 'no-user-gesture' });
    expect(sent).toEqual([]);
    gesture = true;
    await api.openExternal('https://example.com/');
    expect(sent).toEqual(['openExternal']);
    gesture = false;
    await api.listTags();
    expect(sent).toEqual(['openExternal', 'listTags']);
  });
});
