import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLibraryDir, resolveLibraryDir } from '../../../electron/core/library/library-location';

describe('defaultLibraryDir', () => {
  it('uses ~/.config/Offprint/library on Linux', () => {
    expect(defaultLibraryDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/Offprint/library');
  });

  it('honours an absolute XDG_CONFIG_HOME and ignores a relative one', () => {
    expect(defaultLibraryDir('linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/home/ada')).toBe(
      '/data/cfg/Offprint/library',
    );
    expect(defaultLibraryDir('linux', { XDG_CONFIG_HOME: 'cfg' }, '/home/ada')).toBe(
      '/home/ada/.config/Offprint/library',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultLibraryDir('darwin', { XDG_CONFIG_HOME: '/x' }, '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/Offprint/library',
    );
  });

  it('uses %APPDATA% on Windows, falling back to the roaming profile', () => {
    expect(defaultLibraryDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Offprint\\library',
    );
    expect(defaultLibraryDir('win32', {}, 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Offprint\\library',
    );
  });
});

describe('resolveLibraryDir', () => {
  it('prefers --library DIR and --library=DIR over the environment', () => {
    const env = { OFFPRINT_LIBRARY: '/from/env' };
    expect(resolveLibraryDir(['list', '--library', '/from/flag'], env)).toBe('/from/flag');
    expect(resolveLibraryDir(['--library=/from/eq', 'list'], env)).toBe('/from/eq');
  });

  it('resolves a relative folder against the working directory', () => {
    expect(resolveLibraryDir(['--library', 'lib'], {})).toBe(resolve('lib'));
  });

  it('then OFFPRINT_LIBRARY, then the default', () => {
    expect(resolveLibraryDir(['list'], { OFFPRINT_LIBRARY: '/from/env' })).toBe('/from/env');
    expect(resolveLibraryDir(['list'], { HOME: process.env.HOME })).toBe(
      defaultLibraryDir(process.platform, { HOME: process.env.HOME }),
    );
  });

  it('refuses --library without a folder', () => {
    expect(() => resolveLibraryDir(['list', '--library'], {})).toThrow(/--library needs a folder/);
    expect(() => resolveLibraryDir(['--library', '--json'], {})).toThrow(/--library needs a folder/);
    expect(() => resolveLibraryDir(['--library='], {})).toThrow(/--library needs a folder/);
  });

  it('does not read options after --', () => {
    expect(resolveLibraryDir(['search', '--', '--library', '/x'], { OFFPRINT_LIBRARY: '/env' })).toBe('/env');
  });
});
