/**
 * One way to read an export, whether it arrived as a zip, an unzipped folder or a single file:
 * a list of paths ('/'-separated, relative to the export's root) and a way to read each.
 * A zip or folder that holds one top folder is read from inside it, so zipping a folder or not
 * gives the same paths.
 */
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, posix, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { OffprintError } from '@shared/ipc/envelope';
import { folderFiles, isSafeRelativePath, type OpenExportFile } from '../export/export-files';
import { decodeText } from './parse/decode-text';

export type ImportSourceKind = 'file' | 'zip' | 'folder';

export interface ImportSource {
  /** The file or folder name, for messages. */
  name: string;
  kind: ImportSourceKind;
  /** Sorted; for a single file, just its name. */
  paths: readonly string[];
  readBytes(path: string): Promise<Uint8Array>;
  readText(path: string): Promise<string>;
  /**
   * Reads the files an export file names relative to its own folder (an Offprint JSON backup's
   * content folder): inside the zip or folder, or for a single file, beside it on disk. Never outside.
   */
  filesBeside(path: string): OpenExportFile;
}

/** Opens a file (a zip is recognised by its bytes, not its name) or a folder. */
export async function openImportSource(fsPath: string): Promise<ImportSource> {
  const info = await stat(fsPath);
  if (info.isDirectory()) return folderSource(fsPath);
  if (await startsLikeZip(fsPath)) return zipSource(await readFile(fsPath), basename(fsPath));
  return fileSource(fsPath);
}

async function startsLikeZip(fsPath: string): Promise<boolean> {
  const handle = await open(fsPath, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && isZipBytes(head);
  } finally {
    await handle.close();
  }
}

/** A local file header or, for an empty archive, the end-of-central-directory record. */
export function isZipBytes(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)
  );
}

function fileSource(fsPath: string): ImportSource {
  const name = basename(fsPath);
  const source = withText({
    name,
    kind: 'file',
    paths: [name],
    readBytes: async (path) => {
      if (path !== name) throw new Error(`${name} holds no ${path}`);
      return readFile(fsPath);
    },
  });
  return { ...source, filesBeside: () => folderFiles(dirname(fsPath)) };
}

/** Files from this size on stay compressed until read: a PDF or an image in an export is never read. */
const DECOMPRESS_LAZILY_FROM = 8 * 1024 * 1024;

/** The zip's bytes stay in memory; its small files are inflated at once, big ones when read. */
export function zipSource(bytes: Uint8Array, name: string, lazyFrom = DECOMPRESS_LAZILY_FROM): ImportSource {
  const names: string[] = [];
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith('/') || !isExportFile(file.name)) return false;
        names.push(file.name);
        return file.originalSize < lazyFrom;
      },
    });
  } catch (error) {
    throw new OffprintError(
      'import-unreadable',
      `${name} is a zip that cannot be opened (${(error as Error).message}).`,
    );
  }
  const root = commonTopFolder(names);
  const known = new Set(names.map((n) => n.slice(root.length)));
  return withText({
    name,
    kind: 'zip',
    paths: [...known].sort(),
    readBytes: async (path) => {
      if (!known.has(path)) throw new Error(`${name} holds no ${path}`);
      const inside = root + path;
      return inflated[inside] ?? unzipSync(bytes, { filter: (file) => file.name === inside })[inside];
    },
  });
}

async function folderSource(fsPath: string): Promise<ImportSource> {
  const listed = await readdir(fsPath, { recursive: true, withFileTypes: true });
  const all = listed
    .filter((d) => d.isFile())
    .map((d) =>
      join(d.parentPath, d.name)
        .slice(fsPath.length + 1)
        .split(sep)
        .join('/'),
    )
    .filter(isExportFile);
  const root = commonTopFolder(all);
  const known = new Set(all.map((p) => p.slice(root.length)));
  return withText({
    name: basename(fsPath),
    kind: 'folder',
    paths: [...known].sort(),
    readBytes: async (path) => {
      if (!known.has(path)) throw new Error(`${basename(fsPath)} holds no ${path}`);
      return readFile(join(fsPath, ...(root + path).split('/')));
    },
  });
}

function withText(source: Omit<ImportSource, 'readText' | 'filesBeside'>): ImportSource {
  return {
    ...source,
    readText: async (path) => decodeText(await source.readBytes(path)),
    filesBeside: (path) => async (relative) => {
      if (!isSafeRelativePath(relative)) {
        throw new OffprintError(
          'bad-export',
          `The export names a file outside its folder: ${JSON.stringify(relative)}`,
        );
      }
      return source.readBytes(posix.join(posix.dirname(path), relative));
    },
  };
}

/** Leaves out what archivers and file managers add: __MACOSX/, .DS_Store, other dotfiles. */
function isExportFile(path: string): boolean {
  return !path.split('/').some((part) => part === '__MACOSX' || part.startsWith('.'));
}

/** "export/" when every path sits in that one folder, else "". */
function commonTopFolder(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  const first = paths[0].split('/');
  if (first.length < 2) return '';
  const top = `${first[0]}/`;
  return paths.every((p) => p.startsWith(top)) ? top : '';
}
