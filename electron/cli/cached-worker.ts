/**
 * The built CLI's extraction worker entry (out/cli/extract-worker.js). It runs the worker's code, a
 * script bundle beside it, through a V8 code cache, so that each worker of each run skips parsing
 * and compiling what earlier runs compiled. Every worker would otherwise compile the same 1.5 MB of
 * code, and again each function extraction calls, before it reads its first pages.
 *
 * The cache is written once per build (its name holds the bundle's hash, and Node's version), by a
 * worker that has read a few pages, so that it holds the functions extraction uses and not only
 * the top level. A cache that cannot be read or written costs only speed: it is reported, never fatal.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { parentPort, threadId } from 'node:worker_threads';
import { stderrLogger } from '../core/logger';

/** Set by scripts/build-cli.mjs. */
declare const WORKER_BUNDLE: string;
declare const WORKER_BUNDLE_HASH: string;

/** Pages a worker reads before it saves the cache (the first pages compile most of what extraction uses). */
const CACHE_AFTER_PAGES = 4;

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, WORKER_BUNDLE);
const cacheDir = join(here, 'cache');
const cacheFile = join(cacheDir, `${WORKER_BUNDLE_HASH}-${process.version}-${process.arch}.v8`);

function readCache(): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') warn(`could not read the code cache ${cacheFile}`, error);
    return undefined;
  }
}

function writeCache(script: Script): void {
  const temporary = `${cacheFile}.${process.pid}-${threadId}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    // Renamed into place, so that a worker starting meanwhile never reads half a file.
    renameSync(temporary, cacheFile);
  } catch (error) {
    warn(`could not save the code cache in ${cacheDir} (extraction starts slower)`, error);
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written where nothing could be.
    }
  }
}

const log = stderrLogger();

function warn(what: string, error: unknown): void {
  log.warn(what, { error: error instanceof Error ? error.message : String(error) });
}

const cachedData = readCache();
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`,
  { filename: bundle, cachedData },
);
const loaded = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(
  loaded.exports,
  createRequire(bundle),
  loaded,
  bundle,
  here,
);

if (!cachedData || script.cachedDataRejected) {
  let pages = 0;
  // Runs after the bundle's own listener has answered the page.
  const count = () => {
    if (++pages < CACHE_AFTER_PAGES) return;
    parentPort?.off('message', count);
    writeCache(script);
  };
  parentPort?.on('message', count);
}
