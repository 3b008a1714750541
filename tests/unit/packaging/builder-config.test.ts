/**
 * `npm run package` cannot run here (electron-builder downloads Electron), so its configuration is
 * checked instead: the installers, the icon, the offprint:// link, and the fuses that stop the
 * packaged binary from being run as Node or loading code from outside its app.asar.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  files: string[];
  asar: boolean;
  icon: string;
  electronFuses: Record<string, boolean>;
  protocols: { name: string; schemes: string[] }[];
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
}

const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('electron-builder configuration', () => {
  it('flips the fuses that lock the packaged binary down', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Integrity validation and asar-only loading mean nothing without an asar.
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and deb, dmg and nsis, each with the icon', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.win.target).toContain('nsis');
    for (const icon of [config.icon, config.linux.icon, config.mac.icon, config.win.icon]) {
      expect(existsSync(join(root, icon)), icon).toBe(true);
    }
  });

  it('registers the offprint:// link', () => {
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['offprint']);
  });

  it('packages the built app, and `npm run package` builds before packaging', () => {
    expect(config.files).toContain('out/**');
    expect(pkg.scripts.package).toBe('electron-vite build && electron-builder');
    expect(readme).toContain('npm run package');
  });
});

describe('installing', () => {
  it('CI runs exactly the README’s install and test commands, and installs from the lock', () => {
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    const commands = (text: string) =>
      [...text.matchAll(/^(npm (?:ci|install|test))\b/gm)].map((m) => m[1]).filter((c, i, all) => all.indexOf(c) === i);
    const installBlock = /## Install and start\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const testBlock = /## Test\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(commands(installBlock + testBlock)).toEqual(['npm ci', 'npm test']);
    expect(commands(ci.replace(/^.*\| tee.*$/m, 'npm test'))).toEqual(['npm ci', 'npm test']);
  });

  it('states the Node versions every dependency accepts, in package.json and the README', () => {
    expect(pkg.engines.node).toBe('^20.19.0 || ^22.13.0 || >=24.0.0');
    expect(readme).toMatch(/Node\.js 20\.19 or newer 20\.x, 22\.13 or newer 22\.x, or 24 and later/);
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; optional?: boolean; engines?: { node?: string } | string[] }>;
    };
    const { satisfies } = createRequire(import.meta.url)('semver') as {
      satisfies(version: string, range: string): boolean;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([, p]) => !p.optional && !Array.isArray(p.engines) && p.engines?.node)
      .filter(([, p]) =>
        ['20.19.0', '22.13.0', '24.0.0'].some((v) => !satisfies(v, (p.engines as { node: string }).node)),
      )
      .map(([name, p]) => `${name}@${p.version} wants ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});
