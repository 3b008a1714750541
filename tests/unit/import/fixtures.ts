import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ImportedEntry, ImportResult } from '@shared/import/import-model';
import { readImportPath } from '../../../electron/core/import/read-import';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/import');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export function fixtureText(name: string): Promise<string> {
  return readFile(fixture(name), 'utf8');
}

export function readFixture(name: string): Promise<ImportResult> {
  return readImportPath(fixture(name));
}

export function byUrl(result: ImportResult, url: string): ImportedEntry {
  const entry = result.entries.find((e) => e.url === url);
  if (!entry) throw new Error(`no entry for ${url}; have ${result.entries.map((e) => e.url).join(', ')}`);
  return entry;
}

export function byTitle(result: ImportResult, title: string): ImportedEntry {
  const entry = result.entries.find((e) => e.title === title);
  if (!entry) throw new Error(`no entry titled ${title}; have ${result.entries.map((e) => e.title).join(', ')}`);
  return entry;
}

/** A temporary folder, removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'offprint-import-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Copies a fixture under another name (the name must not matter). */
export async function copyAs(name: string, dir: string, newName: string): Promise<string> {
  const target = join(dir, newName);
  await cp(fixture(name), target, { recursive: true });
  return target;
}

export async function writeTemp(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const target = join(dir, name);
  await writeFile(target, content);
  return target;
}
