/**
 * Kills a writing process with SIGKILL at random moments; after each kill the library must open,
 * be consistent, and hold every write that was acknowledged before the kill.
 * 50 kills in CI (or with OFFPRINT_CRASH_KILLS=n), 8 otherwise.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { readFirstPage } from '../../../electron/core/library/first-page';
import { SCHEMA_VERSION } from '../../../electron/core/library/library-index';
import { consistencyProblems, firstPageProblems } from './library-consistency';

const KILLS = Number(process.env.OFFPRINT_CRASH_KILLS) || (process.env.CI ? 50 : 8);
const WRITER = resolve(import.meta.dirname, 'crash-writer.ts');
const ROOT = resolve(import.meta.dirname, '../../..');

interface Line {
  type: 'ready' | 'begin' | 'ack';
  op: string;
  id?: string;
  url?: string;
  tags?: string[];
  highlightId?: string;
  progress?: number;
  archived?: boolean;
}

/** What the acknowledged writes say each article must look like. */
interface Expected {
  tags?: string[];
  progress?: number;
  archived?: boolean;
  trashed?: boolean;
  highlights: Set<string>;
  removedHighlights: Set<string>;
}

let dir: string;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function runUntilKilled(seed: number, afterMs: number): Promise<Line[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(seed)], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Line[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as Line;
      lines.push(line);
      if (line.type === 'ready') setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done(lines);
      else fail(new Error(`The writer stopped by itself (code ${code}): ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it(
    `keeps every acknowledged write through ${KILLS} SIGKILLs`,
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'offprint-crash-'));
      const expected = new Map<string, Expected>();
      const entry = (id: string): Expected => {
        let e = expected.get(id);
        if (!e) expected.set(id, (e = { highlights: new Set(), removedHighlights: new Set() }));
        return e;
      };
      let acknowledged = 0;
      let firstPagesUsed = 0;
      for (let kill = 0; kill < KILLS; kill++) {
        const lines = await runUntilKilled(1_000 + kill, 150 + Math.floor(Math.random() * 450));
        const inFlight = lines.at(-1)?.type === 'begin' ? lines.at(-1) : undefined;
        for (const line of lines.filter((l) => l.type === 'ack')) {
          acknowledged += 1;
          const e = entry(line.id!);
          if (line.op === 'tags') e.tags = line.tags;
          if (line.op === 'progress') e.progress = line.progress;
          if (line.op === 'archive') e.archived = line.archived;
          if (line.op === 'trash') e.trashed = true;
          if (line.op === 'highlight') e.highlights.add(line.highlightId!);
          if (line.op === 'unhighlight') {
            e.highlights.delete(line.highlightId!);
            e.removedHighlights.add(line.highlightId!);
          }
        }

        const firstPage = await readFirstPage(dir, SCHEMA_VERSION);
        if (firstPage) firstPagesUsed += 1;
        const store = await LibraryStore.open(dir);
        try {
          expect(await consistencyProblems(dir, store), `after kill ${kill + 1}`).toEqual([]);
          // A first page that opening would show must be the library's first page, exactly.
          if (firstPage) expect(firstPageProblems(firstPage, store), `first page after kill ${kill + 1}`).toEqual([]);
          for (const [id, e] of expected) {
            // The one write under way at the kill may or may not have landed.
            const maybe = inFlight?.id === id ? inFlight : undefined;
            expect(store.hasArticle(id), `article ${id} after kill ${kill + 1}`).toBe(true);
            const article = store.getArticle(id);
            if (e.tags && maybe?.op !== 'tags') expect(article.tags).toEqual(e.tags);
            if (e.progress !== undefined && maybe?.op !== 'progress') expect(article.progress).toBe(e.progress);
            if (e.archived !== undefined && maybe?.op !== 'archive') expect(article.archived).toBe(e.archived);
            if (e.trashed) expect(article.deletedAt).toBeTruthy();
            const highlights = new Set((await store.highlightsOf(id)).map((h) => h.id));
            for (const h of e.highlights)
              expect(highlights.has(h) || (maybe?.op === 'unhighlight' && maybe.highlightId === h)).toBe(true);
            for (const h of e.removedHighlights) {
              expect(
                highlights.has(h),
                `removed highlight ${h} of ${id} after kill ${kill + 1} (in flight: ${JSON.stringify(inFlight)}; ${store.notices.join(' ')})`,
              ).toBe(false);
            }
          }
          // Whether or not the write under way landed, what is there now is what the next round builds on.
          if (inFlight?.id && store.hasArticle(inFlight.id)) {
            const e = entry(inFlight.id);
            const now = store.getArticle(inFlight.id);
            if (inFlight.op === 'tags') e.tags = now.tags;
            if (inFlight.op === 'progress') e.progress = now.progress;
            if (inFlight.op === 'archive') e.archived = now.archived;
            if (inFlight.op === 'trash') e.trashed = Boolean(now.deletedAt);
            const highlights = (await store.highlightsOf(inFlight.id)).map((h) => h.id);
            if (inFlight.op === 'highlight') for (const h of highlights) e.highlights.add(h);
            if (inFlight.op === 'unhighlight' && !highlights.includes(inFlight.highlightId!)) {
              e.highlights.delete(inFlight.highlightId!);
              e.removedHighlights.add(inFlight.highlightId!);
            }
          }
        } finally {
          await store.close();
        }
      }
      console.log(
        `crash test: ${KILLS} kills, ${acknowledged} acknowledged writes, ${expected.size} articles checked, ` +
          `${firstPagesUsed} first pages usable and checked`,
      );
      expect(acknowledged).toBeGreaterThan(KILLS);
    },
    60_000 + KILLS * 8_000,
  );
});
