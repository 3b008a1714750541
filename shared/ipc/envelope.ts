/**
 * Results cross the process boundary as envelopes, so that the renderer sees the
 * core's own message ("That page answered 404 Not Found") and not Electron's
 * "Error invoking remote method …" wrapper.
 */
import type { InvokeMethod } from './contract';
import type { ErrorCode } from './error-codes';

export interface ErrorInfo {
  /** Stable machine-readable code (error-codes.ts). */
  code: ErrorCode;
  message: string;
}

export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** An error whose message is fit to show to the user as it is. */
export class OffprintError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For 'http-error': the status the site answered (the capture queue tells 404 from 503 by it). */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'OffprintError';
  }
}

/** System error codes a person can act on, in words (the code itself means nothing to most people). */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'permission was denied',
  EPERM: 'the operation was not permitted',
  EIO: 'the disk reported a read or write error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'a file is in use',
  ENOENT: 'a file was not found',
};

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof OffprintError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  const system = systemError(error);
  if (system) {
    const where = system.path ? ` (${system.path})` : '';
    return { code: 'system', message: `That could not be done: ${system.words}${where}.` };
  }
  return { code: 'internal', message: `Something went wrong: ${message}` };
}

function systemError(error: unknown): { words: string; path: string | null } | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, path } = error as { code?: unknown; path?: unknown };
  const words = typeof code === 'string' ? SYSTEM_ERRORS[code] : undefined;
  return words ? { words, path: typeof path === 'string' ? path : null } : null;
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new OffprintError(envelope.error.code, envelope.error.message);
}

export type { InvokeMethod };
