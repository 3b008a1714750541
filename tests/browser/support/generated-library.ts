/** A realistic library on disk, written by the real generator (scripts/gen-library.ts) in a child process. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface GeneratedLibrary {
  dir: string;
  /** Wall-clock seconds the generator took (files and search index). */
  seconds: number;
  dispose(): Promise<void>;
}

export async function generateLibrary(articles: number, seed = 7): Promise<GeneratedLibrary> {
  const parent = await mkdtemp(join(tmpdir(), 'offprint-generated-'));
  const dir = join(parent, 'library');
  const began = performance.now();
  await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'scripts/gen-library.ts'),
      '--articles',
      String(articles),
      '--out',
      dir,
      '--seed',
      String(seed),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return {
    dir,
    seconds: (performance.now() - began) / 1000,
    dispose: () => rm(parent, { recursive: true, force: true }),
  };
}
