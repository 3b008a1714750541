/** Builds the renderer-facing API over any transport: Electron IPC in the preload, or the browser-test bridge. */
import {
  INVOKE_METHODS,
  type EventName,
  type InvokeMethod,
  type OffprintApi,
  type OffprintEvents,
  type RendererHelpers,
} from './contract';
import { unwrap, type Envelope } from './envelope';

export interface Transport {
  invoke(method: InvokeMethod, args: unknown[]): Promise<Envelope>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** `helpers` run in the renderer itself (the preload's pathForFile); they never cross IPC. */
export function createApiClient(transport: Transport, helpers: RendererHelpers = {}): OffprintApi {
  const api: Record<string, unknown> = { ...helpers };
  for (const method of INVOKE_METHODS) {
    api[method] = async (...args: unknown[]) => unwrap(await transport.invoke(method, args));
  }
  api.on = <E extends EventName>(event: E, listener: (payload: OffprintEvents[E]) => void) =>
    transport.subscribe(event, (payload) => listener(payload as OffprintEvents[E]));
  return Object.freeze(api) as unknown as OffprintApi;
}
