#!/usr/bin/env node
/**
 * `npm run build:cli`: bundles the command line, with its dependencies, into out/cli/offprint.js (the
 * package's `bin`) and the extraction worker it starts beside it (extraction-pool.ts looks for
 * extract-worker.js next to the bundle: electron/cli/cached-worker.ts, which runs the worker's own
 * bundle, extract-worker-code.cjs, through a code cache). Plain JavaScript, so that it runs before
 * anything is built.
 */
import { chmod, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const CLI_DIR = join(root, 'out', 'cli');
export const CLI_BIN = join(CLI_DIR, 'offprint.js');
const MANIFEST = join(CLI_DIR, 'build.json');
const ENTRIES = {
  offprint: 'electron/cli/offprint-cli.ts',
  // Runs WORKER_BUNDLE through a V8 code cache kept in out/cli/cache.
  'extract-worker': 'electron/cli/cached-worker.ts',
};
const WORKER_ENTRY = 'electron/core/capture/extract-worker.ts';
const WORKER_BUNDLE = 'extract-worker-code.cjs';
const CACHE_DIR = join(CLI_DIR, 'cache');
// A new install can change bundled dependencies without touching any project file.
const ALWAYS_CHECKED = [fileURLToPath(import.meta.url), join(root, 'node_modules', '.package-lock.json')];
/** How esbuild's metafile names a module a plugin made up ("lazy-css-parser:..."), not a file. */
const PLUGIN_MODULE = /^[\w-]+:/;

/** The bundles import CommonJS dependencies, which call require(): give the ES module one. */
const REQUIRE_SHIM =
  "import { createRequire as __offprintRequire } from 'node:module';\n" +
  'const require = __offprintRequire(import.meta.url);';

/**
 * An esbuild plugin that answers `module`'s import by a stand-in written in `contents`, which
 * require()s the module on first use: esbuild then bundles the module to be evaluated only then.
 */
function onFirstUse(name, module, importedHere, contents) {
  return {
    name,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${module}$`) }, (args) =>
        importedHere(args) ? { path: `${module}-on-first-use`, namespace: name } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: name }, () => ({ contents, resolveDir: root, loader: 'js' }));
    },
  };
}

/**
 * linkedom imports cssomnom's CSS parser for a <style> element's `sheet` only, which extraction never
 * reads; evaluating cssomnom's tables was half of each extraction worker's start-up.
 */
export const lazyCssParser = onFirstUse(
  'lazy-css-parser',
  'cssomnom/parse',
  (args) => args.kind === 'import-statement',
  "let parser;\nexport function parse(text) {\n  parser ??= require('cssomnom/parse').parse;\n  return parser(text);\n}\n",
);

/**
 * sanitize-html require()s htmlparser2 while linkedom imports it, which bundled both its CommonJS and
 * its ES module copies, each with its own entities and dom-serializer decoding their tables at start-up.
 * The require is answered by the ES module copy (the same version's code).
 */
export const oneHtmlparser2 = {
  name: 'one-htmlparser2',
  setup(build) {
    build.onResolve({ filter: /^htmlparser2$/ }, (args) =>
      args.kind === 'require-call'
        ? build.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir })
        : undefined,
    );
  },
};

/**
 * sanitize-html loads postcss for style attributes, which sanitize-article.ts never parses
 * (parseStyleAttributes: false).
 */
export const lazyPostcss = onFirstUse(
  'lazy-postcss',
  'postcss',
  (args) => /[\\/]sanitize-html[\\/]/.test(args.importer),
  "exports.parse = (...args) => require('postcss').parse(...args);\n",
);

/**
 * Builds both bundles. Each file is written beside its place and renamed into it, so that a CLI
 * started meanwhile (another `npm run cli` rebuilding too) never loads half a file.
 */
export async function buildCli() {
  // Imported here: `npm run cli` loads this module on every run, for cliIsStale only.
  const [{ build }, { createHash }] = await Promise.all([import('esbuild'), import('node:crypto')]);
  const startedAt = Date.now();
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.node.json'),
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'error',
    plugins: [lazyCssParser, oneHtmlparser2, lazyPostcss],
  };
  // The worker's code as one script, which cached-worker.ts compiles with a code cache (vm.Script).
  const worker = await build({
    ...common,
    entryPoints: [WORKER_ENTRY],
    outfile: join(CLI_DIR, WORKER_BUNDLE),
    format: 'cjs',
  });
  const [workerBundle] = worker.outputFiles;
  const workerHash = createHash('sha256').update(workerBundle.contents).digest('hex').slice(0, 16);
  const result = await build({
    ...common,
    entryPoints: ENTRIES,
    outdir: CLI_DIR,
    format: 'esm',
    // The library's code is a chunk of its own, loaded only by the commands that open a library.
    splitting: true,
    banner: { js: REQUIRE_SHIM },
    define: { WORKER_BUNDLE: JSON.stringify(WORKER_BUNDLE), WORKER_BUNDLE_HASH: JSON.stringify(workerHash) },
  });
  await mkdir(CLI_DIR, { recursive: true });
  // The worker's code and chunks first, then the worker, then offprint.js: each file finds what it
  // imports of the same build.
  const entries = Object.keys(ENTRIES).map((name) => join(CLI_DIR, `${name}.js`));
  const rank = (file) => (file.path === CLI_BIN ? 2 : entries.includes(file.path) ? 1 : 0);
  const outputs = [workerBundle, ...[...result.outputFiles].sort((a, b) => rank(a) - rank(b))];
  for (const file of outputs) {
    const text = file.path === CLI_BIN ? `#!/usr/bin/env node\n${file.text}` : file.text;
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    if (file.path === CLI_BIN) await chmod(temporary, 0o755);
    await rename(temporary, file.path);
  }
  const built = new Set(outputs.map((file) => file.path));
  for (const name of await readdir(CLI_DIR)) {
    if (/\.c?js$/.test(name) && !built.has(join(CLI_DIR, name))) await rm(join(CLI_DIR, name), { force: true });
  }
  // Caches of earlier builds are never read again.
  await rm(CACHE_DIR, { recursive: true, force: true });
  // Listed, a plugin's module would make every build stale: `npm run cli` rebuilt, and so dropped
  // the code cache, on every run.
  const sources = [...Object.keys(worker.metafile.inputs), ...Object.keys(result.metafile.inputs)]
    .filter((input) => !PLUGIN_MODULE.test(input))
    .map((input) => join(root, input))
    .filter((path) => !relative(root, path).split(/[\\/]/).includes('node_modules'));
  const unique = [...new Set(sources.map((path) => relative(root, path)))];
  await writeFile(MANIFEST, JSON.stringify({ startedAt, sources: unique }));
}

/** True when there is no build yet, or a source it was built from changed after it was built. */
export function cliIsStale() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    statSync(CLI_BIN);
  } catch {
    return true;
  }
  const changed = (path, ifMissing) => {
    try {
      return statSync(path).mtimeMs > manifest.startedAt;
    } catch {
      return ifMissing;
    }
  };
  return (
    manifest.sources.some((source) => changed(join(root, source), true)) ||
    ALWAYS_CHECKED.some((path) => changed(path, false))
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
