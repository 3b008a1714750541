/**
 * The library lock under contention: several real processes start on the same library at the same
 * moment, on a fresh folder and on a stale lock; never more than one may hold it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLibraryLock } from '../../../electron/core/library/library-lock';

const STARTER = resolve(import.meta.dirname, 'lock-starter.ts');
const ROOT = resolve(import.meta.dirname, '../../..');
const STARTERS = 3;
const TRIALS = 50;

interface Starter {
  child: ChildProcessWithoutNullStreams;
  next(): Promise<string>;
  lines: Interface;
}

function startStarter(): Promise<Starter> {
  const child = spawn(process.execPath, ['--import', 'tsx', STARTER], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
  });
  child.stderr.on('data', (chunk) => process.stderr.write(chunk));
  const lines = createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => {
    const resolveLine = waiting.shift();
    if (resolveLine) resolveLine(line);
    else queue.push(line);
  });
  const next = () => (queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise<string>((r) => waiting.push(r)));
  return next().then((first) => {
    expect(first).toBe('ready');
    return { child, next, lines };
  });
}

/** A PID that no process has: one that ran and exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

let starters: Starter[] = [];
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'offprint-lock-race-'));
  starters = await Promise.all(Array.from({ length: STARTERS }, startStarter));
}, 60_000);
afterAll(async () => {
  for (const s of starters) s.child.kill();
  await rm(root, { recursive: true, force: true });
});

/** Runs one trial; returns how many starters held the lock at once. */
async function trial(dir: string, command: 'go' | 'open' = 'go'): Promise<number> {
  const at = Date.now() + 30;
  for (const s of starters) s.child.stdin.write(`${command} ${dir} ${at}\n`);
  const answers = await Promise.all(starters.map((s) => s.next()));
  for (const answer of answers) expect(answer).toMatch(/^(held|busy library-busy)$/);
  for (const s of starters) s.child.stdin.write('release\n');
  await Promise.all(starters.map((s) => s.next()));
  return answers.filter((a) => a === 'held').length;
}

describe('the library lock with racing starters', () => {
  it(`has exactly one holder on a fresh folder (${TRIALS} trials, ${STARTERS} processes)`, async () => {
    const holders: number[] = [];
    for (let i = 0; i < TRIALS; i++) {
      const dir = await mkdtemp(join(root, 'fresh-'));
      holders.push(await trial(dir));
    }
    expect(holders.filter((n) => n !== 1)).toEqual([]);
  });

  it(`has exactly one holder on a stale lock (${TRIALS} trials, ${STARTERS} processes)`, async () => {
    const dead = await deadPid();
    const old = new Date(Date.now() - 60_000);
    // A stale lock as this build writes it, as an older one wrote it, and an empty one an older build left.
    const staleLocks = [JSON.stringify({ pid: dead, start: '1', host: hostname() }), String(dead), ''];
    const holders: number[] = [];
    for (let i = 0; i < TRIALS; i++) {
      const dir = await mkdtemp(join(root, 'stale-'));
      await writeFile(join(dir, '.lock'), staleLocks[i % staleLocks.length]!);
      await utimes(join(dir, '.lock'), old, old);
      holders.push(await trial(dir));
    }
    expect(holders.filter((n) => n !== 1)).toEqual([]);
  });
});

describe('opening a library from racing processes', () => {
  it('lets exactly one real store open it and save (20 trials, on a fresh folder and a stale lock)', async () => {
    const dead = await deadPid();
    const holders: number[] = [];
    for (let i = 0; i < 20; i++) {
      const dir = await mkdtemp(join(root, 'store-'));
      if (i % 2 === 1) {
        await writeFile(join(dir, '.lock'), String(dead));
        const old = new Date(Date.now() - 60_000);
        await utimes(join(dir, '.lock'), old, old);
      }
      holders.push(await trial(dir, 'open'));
    }
    expect(holders.filter((n) => n !== 1)).toEqual([]);
  });
});

describe('a lock whose PID now belongs to another process', () => {
  it('is taken over, in the format of this build and of an older one', async () => {
    // A process that started after the lock was written: the PID was reused, its owner is gone.
    const unrelated = spawn('sleep', ['30']);
    try {
      await new Promise((r) => setTimeout(r, 50));
      const old = new Date(Date.now() - 60_000);
      for (const text of [
        JSON.stringify({ pid: unrelated.pid, start: '1', host: hostname() }),
        String(unrelated.pid),
      ]) {
        const dir = await mkdtemp(join(root, 'reused-'));
        await writeFile(join(dir, '.lock'), text);
        await utimes(join(dir, '.lock'), old, old);
        const lock = await acquireLibraryLock(dir);
        await (typeof lock === 'function' ? (lock as () => Promise<void>)() : lock.release());
      }
    } finally {
      unrelated.kill();
    }
  });

  it('still blocks while its owner runs', async () => {
    const dir = await mkdtemp(join(root, 'live-'));
    const [holder] = starters;
    holder!.child.stdin.write(`go ${dir} 0\n`);
    expect(await holder!.next()).toBe('held');
    await expect(acquireLibraryLock(dir)).rejects.toMatchObject({ code: 'library-busy' });
    holder!.child.stdin.write('release\n');
    expect(await holder!.next()).toBe('released');
  });
});
