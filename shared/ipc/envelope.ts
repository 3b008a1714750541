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
  ) {
    super(message);
    this.name = 'OffprintError';
  }
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof OffprintError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong: ${message}` };
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new OffprintError(envelope.error.code, envelope.error.message);
}

export type { InvokeMethod };
