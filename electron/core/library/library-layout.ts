/** Names of the files and folders that make up a library on disk (see docs/LIBRARY-FORMAT.md). */
import { join } from 'node:path';

export const INDEX_FILE = 'library.json';
export const ARTICLES_FOLDER = 'articles';
export const STAGING_FOLDER = '.staging';
export const ASSETS_FOLDER = 'assets';
export const CONTENT_FILE = 'content.html';
export const TEXT_FILE = 'text.txt';
export const LOCK_FILE = '.lock';

export const indexPath = (libraryDir: string): string => join(libraryDir, INDEX_FILE);
export const articlesDir = (libraryDir: string): string => join(libraryDir, ARTICLES_FOLDER);
export const articleDir = (libraryDir: string, id: string): string => join(libraryDir, ARTICLES_FOLDER, id);
export const stagingRoot = (libraryDir: string): string => join(libraryDir, STAGING_FOLDER);
export const JOURNAL_FILE = 'library.journal';
export const META_FILE = 'meta.json';
export const BACKUPS_FOLDER = 'backups';
export const SEARCH_INDEX_FILE = 'search-index.bin';

export const journalPath = (libraryDir: string): string => join(libraryDir, JOURNAL_FILE);
export const backupsDir = (libraryDir: string): string => join(libraryDir, BACKUPS_FOLDER);
export const metaPath = (libraryDir: string, id: string): string => join(libraryDir, ARTICLES_FOLDER, id, META_FILE);
export const searchIndexPath = (libraryDir: string): string => join(libraryDir, SEARCH_INDEX_FILE);
