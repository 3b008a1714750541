#!/usr/bin/env node
/**
 * `npm start` runs this first. The .npmrc sets ignore-scripts, so `npm ci` never ran
 * Electron's own postinstall, which downloads the Electron binary: fetch it now, once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron executable installed under `root`, or null when its binary is not there. */
export function electronBinaryPath(root = projectRoot) {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const binary = join(distDir, relative);
  return relative && existsSync(binary) ? binary : null;
}

function main() {
  const electronDir = join(projectRoot, 'node_modules', 'electron');
  if (!existsSync(join(electronDir, 'package.json'))) {
    console.error('Offprint cannot start: the electron package is not installed. Run `npm ci` first.');
    process.exit(1);
  }
  if (electronBinaryPath()) return;

  console.log('The Electron binary is not installed yet (npm skips install scripts here); downloading it once…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'inherit' });
  if (result.status === 0 && electronBinaryPath()) return;

  console.error(
    [
      '',
      'Offprint cannot start: the Electron binary could not be downloaded.',
      '  Why: .npmrc sets ignore-scripts, so `npm ci` does not fetch Electron; fetching it now failed',
      '       (this machine may have no route to the Electron download server, or a proxy is in the way).',
      '  Retry: node node_modules/electron/install.js   (then `npm start` again)',
      '         Behind a proxy or without that route, set ELECTRON_MIRROR to a reachable Electron mirror first.',
    ].join('\n'),
  );
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
