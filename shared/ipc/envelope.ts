/**
 * Results cross the process boundary as envelopes, so that the renderer sees the
 * core's own message ("That page answered 404 Not Found") and not Electron's
 * "Error invoking remote method …" wrapper.
 */
import { argSchemas, isInvokeMethod, type InvokeApi, type InvokeMethod } from './contract';

export interface ErrorInfo {
  /** Stable machine-readable code, e.g. 'bad-arguments', 'not-found', 'fetch-failed'. */
  code: string;
  message: string;
}

export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** An error whose message is fit to show to the user as it is. */
export class OffprintError extends Error {
  constructor(
    readonly code: string,
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

/**
 * Validates a call's arguments against the contract, runs it, and wraps the outcome.
 * Used by the Electron IPC handlers and by the browser-test bridge alike.
 */
export async function dispatch(api: InvokeApi, method: unknown, args: unknown): Promise<Envelope> {
  if (!isInvokeMethod(method)) {
    return { ok: false, error: { code: 'bad-method', message: `Unknown call: ${String(method)}` } };
  }
  const parsed = argSchemas[method].safeParse(args);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
    return { ok: false, error: { code: 'bad-arguments', message: `Bad arguments for ${method}: ${detail}` } };
  }
  try {
    const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(api, parsed.data as unknown[]);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new OffprintError(envelope.error.code, envelope.error.message);
}

export type { InvokeMethod };
