/**
 * What a failed capture means for the queue: try again later (the site was busy or the network
 * failed), give up because the page is gone (404, 410), or give up because retrying will not help.
 */
import { OffprintError } from '@shared/ipc/envelope';

export type FailureKind = 'transient' | 'gone' | 'permanent';

const TRANSIENT_CODES = new Set(['timeout', 'unreachable', 'busy', 'corrupt-response']);
const TRANSIENT_STATUSES = new Set([408, 425, 429]);

export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof OffprintError)) return 'permanent';
  if (error.code === 'http-error' && error.status !== undefined) {
    if (error.status === 404 || error.status === 410) return 'gone';
    if (error.status >= 500 || TRANSIENT_STATUSES.has(error.status)) return 'transient';
    return 'permanent';
  }
  return TRANSIENT_CODES.has(error.code) ? 'transient' : 'permanent';
}

/** Exponential backoff: base, 2×base, 4×base… up to `max`, for the attempt that just failed (1-based). */
export const backoffMs = (attempt: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
