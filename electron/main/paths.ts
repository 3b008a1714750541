import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** out/main, where the bundled main process runs from; preload and renderer are its siblings. */
const mainDir = dirname(fileURLToPath(import.meta.url));

export const PRELOAD_PATH = join(mainDir, '../preload/index.cjs');
export const RENDERER_DIR = join(mainDir, '../renderer');
/** The core's own process (electron/core/process/core-host-entry.ts), built beside index.js. */
export const CORE_HOST_PATH = join(mainDir, 'core-host.js');

/** The window icon, when running from the source tree (packaged apps carry theirs in the bundle). */
export function devIconPath(): string | undefined {
  const icon = join(mainDir, '../../resources/icon.png');
  return existsSync(icon) ? icon : undefined;
}
