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

/** An absolute path (POSIX or a Windows drive, never UNC) to an .html/.htm file; main checks the file itself. */
export const droppedPagePath = z
  .string()
  .min(1)
  .max(4_096)
  .refine((p) => !p.includes('\0'), 'a path cannot contain a NUL character')
  .refine((p) => !isUncPath(p), 'a page on another computer (a UNC path) cannot be saved')
  .refine((p) => /^(\/|[A-Za-z]:[\\/])/.test(p), 'the path of a local page must be absolute')
  .refine((p) => /\.html?$/i.test(p), 'only .html and .htm files can be saved');
