/**
 * Builds the real renderer (renderer/index.html) like the renderer section of
 * electron.vite.config.ts (unminified, for readable failures), into a temp folder, so the
 * browser tests never depend on a stale out/renderer or on the main/preload builds.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const repo = resolve(import.meta.dirname, '../../..');

export async function buildRenderer(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'offprint-renderer-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(repo, 'renderer'),
    base: './',
    resolve: { alias: { '@shared': join(repo, 'shared') } },
    plugins: [react()],
    build: { outDir, emptyOutDir: true, rollupOptions: { input: join(repo, 'renderer/index.html') } },
  });
  return outDir;
}
