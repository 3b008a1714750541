import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints deliberate violations as if they lived in each part of the core: the direction rules must fire.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const importing = (from: string) => `import * as m from '${from}';\nexport const x = m;\n`;

describe('direction inside the core (no-restricted-imports)', () => {
  it.each([
    ['electron/core/capture/x.ts', '../library/library-store', /depends on nothing else in the core/],
    ['electron/core/capture/x.ts', '../search/fold-text', /depends on nothing else in the core/],
    ['electron/core/library/x.ts', '../capture/capture-url', /PageSource/],
    ['electron/core/library/x.ts', '../search/search-index', /search-sync/],
    ['electron/core/library/x.ts', '../saving/article-saver', /composition root/],
    ['electron/core/search/x.ts', '../library/library-store', /SearchSource/],
    ['electron/core/search/x.ts', '../capture/normalize-url', /PageSource/],
    ['electron/core/search/x.ts', '../offprint-core', /composition root/],
    ['electron/core/clips/x.ts', '../library/library-store', /passed in/],
    ['electron/core/export/x.ts', '../capture/fetch-page', /PageSource/],
    // The layer rules still hold in every part of the core.
    ['electron/core/library/x.ts', 'electron', /Electron/],
    ['electron/core/search/x.ts', '../../main/window', /Electron glue/],
  ])('%s may not import %s', async (file, from, message) => {
    const messages = await restrictedImports(importing(from), file);
    expect(messages).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['electron/core/search/x.ts', '../library/tags'],
    ['electron/core/search/x.ts', '../library/list-articles'],
    ['electron/core/search/x.ts', '../library/article-columns'],
    ['electron/core/clips/x.ts', '../search/fold-text'],
    ['electron/core/library/x.ts', '@shared/model'],
    ['electron/core/capture/x.ts', 'node:fs'],
    ['electron/core/saving/x.ts', '../capture/capture-url'],
    ['electron/core/x.ts', './library/library-store'],
  ])('%s may import %s', async (file, from) => {
    expect(await restrictedImports(importing(from), file)).toEqual([]);
  });
});
