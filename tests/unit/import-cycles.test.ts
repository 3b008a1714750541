import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Lints deliberate cycles as if they lived in the repository: import-x/no-cycle must fire,
// through relative paths and through the @shared/* alias alike.
const eslint = new ESLint({ cwd: process.cwd() });

async function cycles(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'import-x/no-cycle').map((m) => m.message);
}

describe('import cycles (import-x/no-cycle)', () => {
  it.each([
    // shared/model.ts re-exports highlight-colors.ts: importing the model back closes a cycle through the alias.
    [
      'shared/reading/highlight-colors.ts',
      "import { LIBRARY_VIEWS } from '@shared/model';\nexport const x = LIBRARY_VIEWS;\n",
    ],
    // parse-query.ts imports tokenize.ts: a relative import back closes a cycle.
    ['electron/core/search/tokenize.ts', "import { parseQuery } from './parse-query';\nexport const x = parseQuery;\n"],
  ])('%s refuses an import that closes a cycle', async (file, code) => {
    expect(await cycles(code, file)).not.toEqual([]);
  });

  it('allows an import that does not close a cycle', async () => {
    const code = "import { LIBRARY_VIEWS } from '@shared/model';\nexport const x = LIBRARY_VIEWS;\n";
    expect(await cycles(code, 'shared/reading/finished.ts')).toEqual([]);
  });
});

/**
 * import-x/no-cycle skips type-only imports by design, yet a cycle of types is still two modules that
 * cannot be understood apart (shared/model.ts ↔ shared/settings/reader-settings.ts was one). This walks
 * every import, types included, with TypeScript's own resolution (so @shared/* is followed).
 */
describe('import cycles, type-only imports included', () => {
  const root = process.cwd();
  const options = ts.parseJsonConfigFileContent(
    ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile).config,
    ts.sys,
    root,
  ).options;

  function importsOf(file: string, source = readFileSync(file, 'utf8')): string[] {
    return ts
      .preProcessFile(source, true, true)
      .importedFiles.map((ref) => ts.resolveModuleName(ref.fileName, file, options, ts.sys).resolvedModule)
      .filter(
        (m): m is ts.ResolvedModuleFull => !!m && !m.isExternalLibraryImport && !m.resolvedFileName.endsWith('.d.ts'),
      )
      .map((m) => resolve(m.resolvedFileName));
  }

  /** The first cycle found from `start`, as files relative to the root, or null. */
  function cycleFrom(start: string, imports: (file: string) => string[]): string[] | null {
    const done = new Set<string>();
    const path: string[] = [];
    const visit = (file: string): string[] | null => {
      const at = path.indexOf(file);
      if (at !== -1) return [...path.slice(at), file].map((f) => relative(root, f));
      if (done.has(file)) return null;
      path.push(file);
      for (const next of imports(file)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
      path.pop();
      done.add(file);
      return null;
    };
    return visit(start);
  }

  const sources = ['electron', 'renderer/src', 'shared', 'scripts', 'tests']
    .flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(root, dir, f)),
    )
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !f.includes(`${sep}fixtures${sep}`));

  it('finds none in the repository', () => {
    const cache = new Map<string, string[]>();
    const imports = (file: string) => cache.get(file) ?? cache.set(file, importsOf(file)).get(file)!;
    const found = sources.map((file) => cycleFrom(file, imports)).find(Boolean) ?? null;
    expect(found).toBeNull();
  });

  it('finds the cycle shared/model.ts ↔ shared/settings/reader-settings.ts had, one side a type import', () => {
    const model = resolve(root, 'shared/model.ts');
    const settings = resolve(root, 'shared/settings/reader-settings.ts');
    // reader-settings.ts as it was: taking the colours from the model, which imports the ReaderSettings type.
    const before = (file: string) =>
      file === settings ? importsOf(file, "import { HIGHLIGHT_COLORS } from '../model';\n") : importsOf(file);
    expect(cycleFrom(model, before)).toEqual([
      'shared/model.ts',
      'shared/settings/reader-settings.ts',
      'shared/model.ts',
    ]);
    expect(cycleFrom(model, importsOf)).toBeNull();
  });
});
