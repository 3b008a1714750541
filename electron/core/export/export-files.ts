/**
 * Where a multi-file export goes, and where a reader finds the files an export names: paths are
 * relative, with "/" separators, and may never climb out of the export's folder.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { OffprintError } from '@shared/ipc/envelope';
import { writeFileAtomic } from '../library/write-file-atomic';

export interface ExportSink {
  writeFile(relativePath: string, data: string | Uint8Array): Promise<void>;
}

export type OpenExportFile = (relativePath: string) => Promise<Uint8Array>;

/** A relative path inside an export: no absolute paths, no "..", no backslashes, no empty segments. */
export function isSafeRelativePath(path: string): boolean {
  if (!path || path.length > 1_000 || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !/^[A-Za-z]:$/.test(part));
}

function inside(folder: string, relativePath: string): string {
  if (!isSafeRelativePath(relativePath)) {
    throw new OffprintError(
      'bad-export',
      `The export names a file outside its folder: ${JSON.stringify(relativePath)}`,
    );
  }
  const root = resolve(folder);
  const path = resolve(root, ...relativePath.split('/'));
  if (!path.startsWith(root + sep)) throw new OffprintError('bad-export', `Unsafe path in the export: ${relativePath}`);
  return path;
}

/** Writes each file atomically under `folder`, creating sub-folders as needed. */
export function folderSink(folder: string): ExportSink {
  return {
    async writeFile(relativePath, data) {
      const path = inside(folder, relativePath);
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, data, { sync: false });
    },
  };
}

/** Reads the files an export in `folder` names. */
export function folderFiles(folder: string): OpenExportFile {
  return async (relativePath) => new Uint8Array(await readFile(inside(folder, relativePath)));
}
