/**
 * The CLI ships built (out/cli/offprint.js, the package's `bin`): it runs as an executable of its own,
 * logs with --verbose, and captures through its extraction worker (see offprint-cli.test.ts for `add`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { CLI_BIN, cliIsStale, lazyCssParser, lazyPostcss, oneHtmlparser2 } from '../../../scripts/build-cli.mjs';
import { ROOT, runCli, runCliFile } from '../../support/run-cli';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'offprint-built-cli-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Bundles a module the way the CLI's build does, with these plugins, and loads it. */
async function bundleAndLoad<Exports>(contents: string, plugins: import('esbuild').Plugin[]) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    metafile: true,
    logLevel: 'error',
    plugins,
  });
  const [{ text }] = result.outputFiles;
  const loaded = { exports: {} as Exports };
  new Function('module', 'exports', 'require', text)(loaded, loaded.exports, createRequire(import.meta.url));
  return { text, inputs: Object.keys(result.metafile.inputs), exports: loaded.exports };
}

function runExecutable(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(CLI_BIN, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout }));
  });
}

describe('the built CLI', () => {
  it('is the package bin, and runs as an executable of its own', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(resolve(ROOT, pkg.bin.offprint)).toBe(CLI_BIN);
    expect(statSync(CLI_BIN).mode & 0o111).not.toBe(0);
    const run = await runExecutable(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: offprint [--library DIR] <command> [options]');
  });

  it('extract reads files on worker threads and still prints their lines in the order given', async () => {
    // Later pages are larger, so they start first (largest first) and the output must be put back in order.
    const page = (n: number) =>
      `<html><head><title>Page ${n}</title></head><body><article><h1>Page ${n}</h1>` +
      `<p>${`Paragraph ${n} of a page with enough words to be read as an article. `.repeat(12 + 40 * n)}</p></article></body></html>`;
    const files: string[] = [];
    for (let n = 1; n <= 9; n++) {
      files.push(join(work, `page-${n}.html`));
      if (n !== 5) await writeFile(files[n - 1], page(n));
    }
    const run = await runCli(['extract', ...files, '--url', 'https://example.com/']);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.file)).toEqual(files);
    expect(lines.map((line) => line.title ?? line.error)).toEqual(
      files.map((_, i) => (i === 4 ? expect.stringMatching(/no such file/) : `Page ${i + 1}`)),
    );
    expect(run.code).toBe(1);
  });

  it('is not stale once built, so that `npm run cli` neither rebuilds it nor drops its code cache', () => {
    const { sources } = JSON.parse(readFileSync(join(dirname(CLI_BIN), 'build.json'), 'utf8')) as { sources: string[] };
    expect(sources).toContain('electron/core/capture/extract-worker.ts');
    expect(sources.filter((source) => !existsSync(join(ROOT, source)))).toEqual([]);
    expect(cliIsStale()).toBe(false);
  });

  it('starts extract and help without loading the library code, which only library commands import', () => {
    const staticImports = (file: string): string[] =>
      [...readFileSync(join(dirname(CLI_BIN), file), 'utf8').matchAll(/ from "\.\/([^"]+)";$/gm)].map((m) => m[1]);
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      staticImports(file).forEach(visit);
    };
    visit(basename(CLI_BIN));
    const code = [...loaded].map((file) => readFileSync(join(dirname(CLI_BIN), file), 'utf8')).join('\n');
    expect(loaded.size).toBeGreaterThan(1);
    expect(code).toMatch(/\bfunction createExtractionPool\b/);
    expect(code).not.toMatch(/\bvar OffprintCore\b/);
    const lazy = readFileSync(CLI_BIN, 'utf8').match(/import\("\.\/(offprint-core-[^"]+)"\)/);
    expect(lazy).not.toBeNull();
    expect(readFileSync(join(dirname(CLI_BIN), lazy![1]), 'utf8')).toMatch(/\bvar OffprintCore\b/);
  });

  it("bundles linkedom's CSS parser to be evaluated when a style sheet is first read, and it still reads them", async () => {
    const { text, exports } = await bundleAndLoad<{ rules: (css: string) => number }>(
      "import { parseHTML } from 'linkedom';\n" +
        'export const rules = (css) => parseHTML(`<style>${css}</style>`).document.querySelector("style").sheet.cssRules.length;',
      [lazyCssParser],
    );
    expect(text).toMatch(/var init_parse\w* = __esm\(/);
    expect(exports.rules('p { color: red } a { color: blue }')).toBe(2);
    expect(readFileSync(join(dirname(CLI_BIN), 'extract-worker-code.cjs'), 'utf8')).toMatch(
      /var init_parse\w* = __esm\(/,
    );
  });

  it('bundles one copy of htmlparser2 for linkedom and sanitize-html, and postcss to be evaluated on first use', async () => {
    const { text, inputs, exports } = await bundleAndLoad<{
      text: (html: string) => string;
      clean: (html: string, options?: Record<string, unknown>) => string;
    }>(
      "import { parseHTML } from 'linkedom';\n" +
        "import sanitize from 'sanitize-html';\n" +
        'export const text = (html) => parseHTML(html).document.body.textContent;\n' +
        'export const clean = (html, options) => sanitize(html, options);',
      [oneHtmlparser2, lazyPostcss],
    );
    expect(inputs.some((path) => /htmlparser2\/dist\/esm\/index\.js$/.test(path))).toBe(true);
    expect(inputs.filter((path) => /htmlparser2\/dist\/commonjs\//.test(path))).toEqual([]);
    expect(inputs.filter((path) => /[\\/]entities[\\/].*commonjs|[\\/]lib[\\/]generated[\\/]/.test(path))).toEqual([]);
    expect(text).toMatch(/exports\d*\.parse = \(\.\.\.args\) => require_postcss\d*\(\)\.parse\(\.\.\.args\)/);
    expect(exports.text('<html><body><p>a &amp; b &eacute;</p></body></html>')).toBe('a & b \u00e9');
    expect(exports.clean('<p title="x &quot;y">a &amp; b &eacute;<script>no</script></p>')).toBe(
      '<p>a &amp; b \u00e9</p>',
    );
    const styled = {
      allowedTags: ['p'],
      allowedAttributes: { p: ['style'] },
      allowedStyles: { p: { color: [/^red$/] } },
    };
    expect(exports.clean('<p style="color: red; margin: 0">x</p>', styled)).toBe('<p style="color:red">x</p>');
    for (const file of ['extract-worker-code.cjs', basename(CLI_BIN)]) {
      expect(readFileSync(join(dirname(CLI_BIN), file), 'utf8')).not.toMatch(/htmlparser2\/dist\/commonjs\//);
    }
  });

  describe('the extraction worker code cache', () => {
    // Enough pages that some worker reads the few it takes before saving the cache, whatever the core count.
    const pageCount = Math.max(40, 6 * availableParallelism());
    let pages: string[];
    beforeAll(async () => {
      pages = [];
      for (let n = 1; n <= pageCount; n++) {
        pages.push(join(work, `cached-${n}.html`));
        const words = `Words of page ${n}, enough of them to be read as an article by the extractor. `.repeat(20);
        await writeFile(
          pages[n - 1],
          `<title>Cached ${n}</title><article><h1>Cached ${n}</h1><p>${words}</p></article>`,
        );
      }
    });

    /** A copy of the built CLI, so that its cache folder is this test's own. */
    async function copyOfCli(name: string): Promise<string> {
      const dir = join(work, name);
      await cp(dirname(CLI_BIN), dir, { recursive: true, filter: (source) => basename(source) !== 'cache' });
      return dir;
    }

    function extractWith(dir: string) {
      return runCliFile(join(dir, basename(CLI_BIN)), ['extract', ...pages, '--url', 'https://example.com/']);
    }

    const titles = (stdout: string) =>
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).title);

    it('is saved beside the build by the first run and used by the next, with the same output', async () => {
      const dir = await copyOfCli('cli-cached');
      const first = await extractWith(dir);
      expect(first.code).toBe(0);
      expect(titles(first.stdout)).toEqual(pages.map((_, i) => `Cached ${i + 1}`));
      const saved = readdirSync(join(dir, 'cache'));
      expect(saved).toEqual([expect.stringMatching(/\.v8$/)]);
      expect(statSync(join(dir, 'cache', saved[0])).size).toBeGreaterThan(0);
      const second = await extractWith(dir);
      expect(second.code).toBe(0);
      expect(second.stdout).toBe(first.stdout);
      expect(second.stderr).toBe('');
    });

    it('when it cannot be saved, says so on stderr and extracts all the same', async () => {
      const dir = await copyOfCli('cli-uncached');
      // A file where the cache folder should be: no folder can be made there, whoever runs the test.
      await writeFile(join(dir, 'cache'), 'not a folder');
      const run = await extractWith(dir);
      expect(run.code).toBe(0);
      expect(titles(run.stdout)).toEqual(pages.map((_, i) => `Cached ${i + 1}`));
      expect(run.stderr).toMatch(
        /^offprint warn: could not save the code cache in .*cache \(extraction starts slower\)/m,
      );
    });
  });

  it('logs what it does on stderr with --verbose', async () => {
    const run = await runCli(['--library', join(work, 'library'), 'list', '--verbose']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^offprint info: Opened the library .*"command":"list"/m);
  });
});
