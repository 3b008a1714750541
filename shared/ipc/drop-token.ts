/**
 * The one call outside the contract: the preload (never the page) registers a dropped file's
 * path with main and receives the one-time token that saveFile takes.
 */
import { z } from 'zod';
import { isUncPath } from '../local-files/unc-path';

export const DROP_TOKEN_CHANNEL = 'offprint:drop-token';

/** A token as main issues it. */
export const dropToken = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'a drop token is letters, digits, - and _');

/** What can be imported, by name: an export file of a known kind, or a folder (an unzipped export). */
export const IMPORT_FILE_EXTENSION = /\.(zip|csv|json|jsonld|html?|txt|md)$/i;

/** An absolute path (POSIX or a Windows drive, never UNC) to an .html/.htm file; main checks the file itself. */
export const droppedPagePath = z
  .string()
  .min(1)
  .max(4_096)
  .refine((p) => !p.includes('\0'), 'a path cannot contain a NUL character')
  .refine((p) => !isUncPath(p), 'a page on another computer (a UNC path) cannot be saved')
  .refine((p) => /^(\/|[A-Za-z]:[\\/])/.test(p), 'the path of a local page must be absolute')
  .refine((p) => /\.html?$/i.test(p), 'only .html and .htm files can be saved');

/**
 * An absolute path (never UNC) to something to import: a file named like an export, or a
 * folder (a name main checks is one). What it holds is read by the core, from its content.
 */
export const droppedImportPath = z
  .string()
  .min(1)
  .max(4_096)
  .refine((p) => !p.includes('\0'), 'a path cannot contain a NUL character')
  .refine((p) => !isUncPath(p), 'a file on another computer (a UNC path) cannot be imported')
  .refine((p) => /^(\/|[A-Za-z]:[\\/])/.test(p), 'the path of a dropped file must be absolute');
