import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';
import { OffprintError } from '@shared/ipc/envelope';

const APP_FOLDER = 'Offprint';
const LIBRARY_FOLDER = 'library';

/** Where the library lives when nobody says otherwise: next to Electron's userData for "Offprint". */
export function defaultLibraryDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA || win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, APP_FOLDER, LIBRARY_FOLDER);
  }
  if (platform === 'darwin') {
    return posix.join(home, 'Library', 'Application Support', APP_FOLDER, LIBRARY_FOLDER);
  }
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config');
  return posix.join(configHome, APP_FOLDER, LIBRARY_FOLDER);
}

/** Reads `--library DIR` or `--library=DIR` from argv, else OFFPRINT_LIBRARY, else the default. */
export function resolveLibraryDir(argv: string[], env: NodeJS.ProcessEnv = process.env): string {
  const fromArgs = libraryFlag(argv);
  if (fromArgs !== undefined) return resolve(fromArgs);
  if (env.OFFPRINT_LIBRARY) return resolve(env.OFFPRINT_LIBRARY);
  return defaultLibraryDir(process.platform, env);
}

function libraryFlag(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return undefined;
    let value: string | undefined;
    if (arg === '--library') value = argv[i + 1];
    else if (arg.startsWith('--library=')) value = arg.slice('--library='.length);
    else continue;
    if (!value || value.startsWith('--')) {
      throw new OffprintError('bad-arguments', '--library needs a folder, e.g. --library ~/Documents/Offprint.');
    }
    return value;
  }
  return undefined;
}
