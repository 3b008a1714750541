/** Builds the renderer-facing API over any transport: Electron IPC in the preload, or the browser-test bridge. */
import {
  INVOKE_METHODS,
  type EventName,
  type InvokeMethod,
  type OffprintApi,
  type OffprintEvents,
  type RendererHelpers,
} from './contract';
import { OffprintError, unwrap, type Envelope } from './envelope';

export interface Transport {
  invoke(method: InvokeMethod, args: unknown[]): Promise<Envelope>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** Calls that hand something to another program, so they must follow a click or key press. */
const GESTURE_METHODS: ReadonlySet<InvokeMethod> = new Set(['openExternal']);

/**
 * `helpers` run in the renderer itself (the preload's dropTokenFor); they never cross IPC.
 * `hasUserGesture` (the preload's navigator.userActivation.isActive, which page script cannot fake)
 * guards the calls in GESTURE_METHODS.
 */
export function createApiClient(
  transport: Transport,
  helpers: RendererHelpers = {},
  hasUserGesture: () => boolean = () => true,
): OffprintApi {
  const api: Record<string, unknown> = { ...helpers };
  for (const method of INVOKE_METHODS) {
    api[method] = async (...args: unknown[]) => {
      if (GESTURE_METHODS.has(method) && !hasUserGesture()) {
        throw new OffprintError('no-user-gesture', 'Links open outside Offprint only when you click them.');
      }
      return unwrap(await transport.invoke(method, args));
    };
  }
  api.on = <E extends EventName>(event: E, listener: (payload: OffprintEvents[E]) => void) =>
    transport.subscribe(event, (payload) => listener(payload as OffprintEvents[E]));
  return Object.freeze(api) as unknown as OffprintApi;
}
