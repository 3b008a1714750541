import { describe, expect, it } from 'vitest';
import { INVOKE_METHODS, type LibraryApi, type ShellApi } from '@shared/ipc/contract';
import { dispatch } from '@shared/ipc/dispatch';
import { combineApi } from '../../../electron/main/combine-api';

/** A library with private state, like the core: its methods only work with the right `this`. */
class FakeLibrary {
  readonly #tags = ['reading'];
  async listTags() {
    return this.#tags.map((name) => ({ name, count: 1 }));
  }
}

function fakeLibrary(): LibraryApi {
  const library = new FakeLibrary() as unknown as Record<string, unknown>;
  for (const name of INVOKE_METHODS) {
    if (name !== 'listTags' && name !== 'openExternal' && name !== 'exportHighlights') {
      library[name] = async () => {
        throw new Error(`${name} not expected`);
      };
    }
  }
  return library as unknown as LibraryApi;
}

describe('combineApi', () => {
  it('answers every contract call, keeping the core bound to itself', async () => {
    const opened: string[] = [];
    const shell: ShellApi = {
      openExternal: async (url) => void opened.push(url),
      exportHighlights: async () => ({ written: false, files: [] }),
      exportArticles: async () => ({ written: false, articles: 0, skipped: 0, path: '' }),
    };
    const api = combineApi(fakeLibrary(), shell);
    expect(Object.keys(api).sort()).toEqual([...INVOKE_METHODS].sort());
    expect(await dispatch(api, 'listTags', [])).toEqual({ ok: true, value: [{ name: 'reading', count: 1 }] });
    expect(await dispatch(api, 'openExternal', ['https://example.com/'])).toEqual({ ok: true, value: undefined });
    expect(opened).toEqual(['https://example.com/']);
  });

  it('offers no call the renderer does not make: the core keeps search and listArticles for the CLI only', async () => {
    const shell: ShellApi = {
      openExternal: async () => undefined,
      exportHighlights: async () => ({ written: false, files: [] }),
      exportArticles: async () => ({ written: false, articles: 0, skipped: 0, path: '' }),
    };
    const core = Object.assign(fakeLibrary(), { search: async () => [], listArticles: async () => [] });
    const api = combineApi(core, shell);
    for (const method of ['search', 'listArticles']) {
      expect(INVOKE_METHODS).not.toContain(method);
      expect(api).not.toHaveProperty(method);
      expect(await dispatch(api, method, ['x'])).toMatchObject({ ok: false, error: { code: 'bad-method' } });
    }
  });

  it('refuses to start when a contract method has no implementation', () => {
    const shell: ShellApi = {
      openExternal: async () => undefined,
      exportHighlights: async () => ({ written: false, files: [] }),
      exportArticles: async () => ({ written: false, articles: 0, skipped: 0, path: '' }),
    };
    expect(() => combineApi({} as LibraryApi, shell)).toThrow(/Nothing answers the IPC call/);
  });
});
