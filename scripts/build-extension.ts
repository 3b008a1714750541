/**
 * `npm run build:extension`: builds the browser extension from its one source (extension/src)
 * for Chromium (Manifest V3, a service worker) into out/extension/chromium/ and for Firefox
 * (Manifest V3, a background script) into out/extension/firefox/.
 */
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'extension', 'src');
export const EXTENSION_OUT = join(ROOT, 'out', 'extension');

type Target = 'chromium' | 'firefox';

async function manifestFor(target: Target): Promise<Record<string, unknown>> {
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return {
    manifest_version: 3,
    name: 'Offprint Connector',
    short_name: 'Offprint',
    version,
    description: 'Save the page you are reading, as you see it, to the Offprint app on this computer.',
    icons: { '128': 'icon-128.png' },
    action: { default_title: 'Save to Offprint', default_icon: { '128': 'icon-128.png' } },
    commands: {
      'save-page': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Save page to Offprint' },
    },
    permissions: ['activeTab', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage', 'alarms', 'notifications'],
    // Any page (to read it when asked, and to fetch the pictures a site refuses the app), and the app on 127.0.0.1.
    host_permissions: ['<all_urls>'],
    options_ui: { page: 'options.html', open_in_tab: true },
    ...(target === 'chromium'
      ? { background: { service_worker: 'background.js' }, minimum_chrome_version: '116' }
      : {
          background: { scripts: ['background.js'] },
          browser_specific_settings: { gecko: { id: 'connector@offprint.app', strict_min_version: '121.0' } },
        }),
  };
}

/** Builds into `<outRoot>/<target>/` (tests build into their own folders, never into each other's). */
export async function buildExtension(
  targets: Target[] = ['chromium', 'firefox'],
  outRoot: string = EXTENSION_OUT,
): Promise<void> {
  for (const target of targets) {
    const out = join(outRoot, target);
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    await build({
      entryPoints: { background: join(SOURCE, 'background.ts'), options: join(SOURCE, 'options.ts') },
      outdir: out,
      bundle: true,
      format: 'iife',
      target: target === 'chromium' ? 'chrome116' : 'firefox121',
      charset: 'utf8',
      logLevel: 'warning',
    });
    await copyFile(join(SOURCE, 'options.html'), join(out, 'options.html'));
    await copyFile(join(SOURCE, 'options.css'), join(out, 'options.css'));
    await copyFile(join(ROOT, 'resources', 'icon.png'), join(out, 'icon-128.png'));
    await writeFile(join(out, 'manifest.json'), `${JSON.stringify(await manifestFor(target), null, 2)}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildExtension();
  console.log(`Built the extension into ${EXTENSION_OUT}/{chromium,firefox}`);
}
