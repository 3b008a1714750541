/** The extension as built for each browser: its manifest and what the background offers. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../../scripts/build-extension';

let out = '';
const read = (target: string, file: string) => readFile(join(out, target, file), 'utf8');
const manifest = async (target: string) => JSON.parse(await read(target, 'manifest.json')) as Record<string, never>;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'offprint-extension-'));
  await buildExtension(['chromium', 'firefox'], out);
}, 60_000);
afterAll(() => rm(out, { recursive: true, force: true }));

describe.each(['chromium', 'firefox'])('the %s build', (target) => {
  it('is Manifest V3 with the toolbar button, Alt+Shift+S and the options page', async () => {
    const m = await manifest(target);
    expect(m.manifest_version).toBe(3);
    expect(m.action).toMatchObject({ default_title: 'Save to Offprint' });
    expect(m.commands).toEqual({
      'save-page': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Save page to Offprint' },
    });
    expect(m.options_ui).toMatchObject({ page: 'options.html' });
    expect(m.permissions).toEqual(
      expect.arrayContaining(['contextMenus', 'scripting', 'storage', 'alarms', 'notifications']),
    );
    for (const file of ['background.js', 'options.js', 'options.html', 'icon-128.png']) {
      await expect(readFile(join(out, target, file))).resolves.toBeTruthy();
    }
  });

  it('offers the three context-menu items', async () => {
    const background = await read(target, 'background.js');
    for (const title of ['Save page to Offprint', 'Save link to Offprint', 'Highlight selection in Offprint'])
      expect(background).toContain(title);
  });
});

it('runs as a service worker in Chromium and as a background script with an id in Firefox', async () => {
  expect((await manifest('chromium')).background).toEqual({ service_worker: 'background.js' });
  const firefox = await manifest('firefox');
  expect(firefox.background).toEqual({ scripts: ['background.js'] });
  expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: 'connector@offprint.app' } });
});
