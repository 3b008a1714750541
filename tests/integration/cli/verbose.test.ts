import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { searchIndexPath } from '../../../electron/core/library/library-layout';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-cli-verbose-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--library', dir, ...argv], {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: {},
    interactive: false,
  });
  return { code, out, err };
}

describe('the CLI log on stderr', () => {
  it('is quiet about routine work by default', async () => {
    const { code, err } = await run(['list']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
  });

  it('with --verbose, logs info lines too, for any command', async () => {
    const { code, err } = await run(['list', '--verbose']);
    expect(code).toBe(0);
    expect(err).toContainEqual(expect.stringMatching(/^offprint info: Opened the library .*"command":"list"/));
  });

  it('without --verbose, still shows an error the command survived', async () => {
    // A folder where the search index file belongs: it can be neither read nor written.
    await mkdir(join(searchIndexPath(dir), 'blocked'), { recursive: true });
    await writeFile(join(searchIndexPath(dir), 'blocked', 'x'), 'x');
    const { code, err } = await run(['search', 'anything']);
    expect(code).toBe(0);
    expect(err).toContainEqual(expect.stringMatching(/^offprint error: Could not write the search index/));
    expect(err.some((line) => line.startsWith('offprint info:'))).toBe(false);
  });
});
