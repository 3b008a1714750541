import { argSchemas } from './arg-schemas';
import { isInvokeMethod, type InvokeApi } from './contract';
import { toErrorInfo, type Envelope } from './envelope';

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
