/**
 * A core process killed with SIGKILL while it writes: the client fails the calls under way with
 * 'core-crashed' (never leaves them hanging), reports the crash, restarts the core, and every
 * write the child acknowledged before it died is in the library.
 */
import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CoreStatus } from '@shared/ipc/contract';
import { OffprintError } from '@shared/ipc/envelope';
import { OffprintCore } from '../../../electron/core/offprint-core';
import type { CoreClient } from '../../../electron/core/process/core-client';
import { recordingLogger, startForkedCore } from '../../support/core-process';
import { wallabagExport } from '../../support/wallabag-export';
import { tempLibraryDir } from '../../unit/library/sample-article';

const KILLS = 3;
const WRITERS = 4;
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function untilStatus(statuses: CoreStatus[], state: CoreStatus['state'], count: number): Promise<void> {
  while (statuses.filter((s) => s.state === state).length < count) await new Promise((r) => setTimeout(r, 20));
}

/** Tags articles one write at a time from each writer until `stop`, keeping the acknowledged ones. */
function startWriters(client: CoreClient, ids: string[], acknowledged: Map<string, Set<string>>, failures: unknown[]) {
  let stop = false;
  let n = 0;
  const writer = async () => {
    while (!stop) {
      const id = ids[n % ids.length];
      const tag = `w${n++}`;
      try {
        await client.api.addTag(id, tag);
        acknowledged.get(id)!.add(tag);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  const running = Promise.all(Array.from({ length: WRITERS }, writer));
  return {
    acks: () => [...acknowledged.values()].reduce((sum, tags) => sum + tags.size, 0),
    stop: () => {
      stop = true;
      return running;
    },
  };
}

describe('a crashed core process', () => {
  it('is reported and restarted, failing only the calls under way, and keeps every acknowledged write', async () => {
    const dir = await tempLibraryDir();
    dirs.push(dir);
    const exportFile = join(dir, '..', `${dir.split('/').pop()}-wallabag.json`);
    dirs.push(exportFile);
    await writeFile(exportFile, wallabagExport(12));
    const logger = recordingLogger();
    const client = await startForkedCore({ host: { libraryDir: dir }, logger, maxCrashes: KILLS });
    const statuses: CoreStatus[] = [];
    client.onStatus((status) => statuses.push(status));
    expect(await client.api.importFile(exportFile)).toMatchObject({ added: 12 });
    const ids = await allIds(client);
    expect(ids).toHaveLength(12);
    const acknowledged = new Map(ids.map((id) => [id, new Set<string>()]));
    const failures: unknown[] = [];

    for (let kill = 1; kill <= KILLS; kill++) {
      const writers = startWriters(client, ids, acknowledged, failures);
      const before = writers.acks();
      while (writers.acks() < before + 20) await new Promise((r) => setTimeout(r, 5));
      const pid = client.pid!;
      process.kill(pid, 'SIGKILL');
      // Sent before the client has seen the exit: the dead child can never answer it.
      const sentToTheDead = client.api.addTag(ids[0], `dead${kill}`).catch((error: unknown) => error);
      await untilStatus(statuses, 'restarted', kill);
      await writers.stop();
      expect(await sentToTheDead).toMatchObject({ name: 'OffprintError', code: 'core-crashed' });
      expect(client.pid).not.toBe(pid);
    }

    expect(statuses.map((s) => s.state)).toEqual(Array.from({ length: KILLS }, () => ['crashed', 'restarted']).flat());
    expect(statuses[0].message).toMatch(/stopped unexpectedly/);
    // Writers' calls fail only as crashed (never hang, never another error).
    for (const failure of failures) expect(failure).toMatchObject({ code: 'core-crashed' });
    expect(failures.every((f) => f instanceof OffprintError)).toBe(true);
    expect(logger.lines.filter((l) => l.message === 'The library process stopped unexpectedly')).toHaveLength(KILLS);

    // Every acknowledged write is there, in the restarted child and after a clean close.
    const check = async (tagsOf: (id: string) => Promise<string[]>) => {
      for (const [id, tags] of acknowledged) {
        const stored = new Set(await tagsOf(id));
        expect(
          [...tags].filter((t) => !stored.has(t)),
          id,
        ).toEqual([]);
      }
    };
    await check(
      async (id) => (await client.api.listPage({ view: 'all', limit: 100 })).items.find((a) => a.id === id)!.tags,
    );
    await client.close();
    const core = await OffprintCore.open({ libraryDir: dir });
    try {
      const articles = await core.listArticles({ view: 'all' });
      await check(async (id) => articles.find((a) => a.id === id)!.tags);
    } finally {
      await core.close();
    }
  }, 120_000);

  it('closes cleanly when asked to while the core restarts, releasing the library', async () => {
    const dir = await tempLibraryDir();
    dirs.push(dir);
    const client = await startForkedCore({ host: { libraryDir: dir }, logger: recordingLogger() });
    const statuses: CoreStatus[] = [];
    client.onStatus((status) => statuses.push(status));
    const sort = { field: 'title', direction: 'asc' } as const;
    await client.api.updateSettings({ views: { inbox: { sort } } });
    process.kill(client.pid!, 'SIGKILL');
    await untilStatus(statuses, 'crashed', 1);
    await client.close();
    await expect(client.api.listTags()).rejects.toMatchObject({ code: 'library-closed' });
    const core = await OffprintCore.open({ libraryDir: dir });
    try {
      expect((await core.getSettings()).views.inbox).toEqual({ sort });
    } finally {
      await core.close();
    }
  });

  it('stops restarting a core that keeps crashing, and says so', async () => {
    const dir = await tempLibraryDir();
    dirs.push(dir);
    const client = await startForkedCore({ host: { libraryDir: dir }, logger: recordingLogger(), maxCrashes: 0 });
    const statuses: CoreStatus[] = [];
    client.onStatus((status) => statuses.push(status));
    process.kill(client.pid!, 'SIGKILL');
    await untilStatus(statuses, 'stopped', 1);
    expect(statuses.map((s) => s.state)).toEqual(['crashed', 'stopped']);
    expect(statuses[1].message).toMatch(/stopped restarting/);
    await expect(client.api.listTags()).rejects.toMatchObject({ code: 'library-unavailable' });
    await client.close();
  });
});

async function allIds(client: CoreClient): Promise<string[]> {
  return (await client.api.listPage({ view: 'all', limit: 100 })).items.map((a) => a.id);
}
