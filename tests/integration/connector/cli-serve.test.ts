/** `npm run cli -- serve`: the connector without Electron, in a child process as a user runs it. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { extensionCall } from '../../support/connector-client';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = join(ROOT, 'electron', 'cli', 'offprint-cli.ts');

let library: string;
beforeAll(async () => {
  library = await mkdtemp(join(tmpdir(), 'offprint-serve-'));
});
afterAll(() => rm(library, { recursive: true, force: true }));

it('serves on the port it prints, pairs with the code it prints, and stops on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    [TSX, '--tsconfig', join(ROOT, 'tsconfig.node.json'), CLI, 'serve', '--port', '0', '--library', library],
    { cwd: ROOT, env: { ...process.env, OFFPRINT_LIBRARY: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  try {
    const deadline = Date.now() + 20_000;
    while (!/Pairing code: \w+/.test(stdout) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const port = Number(/^port\t(\d+)$/m.exec(stdout)?.[1]);
    const code = /Pairing code: (\w+)/.exec(stdout)?.[1];
    expect(port).toBeGreaterThan(0);
    expect(stdout).toContain(`listening on http://127.0.0.1:${port}`);
    const paired = await extensionCall(port, 'POST', '/v1/pair', null, { code });
    const token = paired.json().token as string;
    expect((await extensionCall(port, 'GET', '/v1/status', token)).json()).toEqual({ paired: true });
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
});
