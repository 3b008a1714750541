/**
 * The child side of the process boundary: opens the library in this process, answers the
 * parent's calls, and sends back the core's events and log lines. Pages that need JavaScript are
 * rendered by the parent (it owns the browser windows), asked for over the same channel.
 */
import { toErrorInfo, OffprintError, unwrap, type Envelope } from '@shared/ipc/envelope';
import type { PageRenderer, RenderedDocument } from '../capture/page-renderer';
import { startConnector, type Connector } from '../connector/start-connector';
import { errorText, stderrLogger, type LogContext, type Logger, type LogLevel } from '../logger';
import { redactContext } from '../logging/redact';
import { OffprintCore } from '../offprint-core';
import { renderingPageSource } from '../saving/rendering-page-source';
import {
  CORE_EVENTS,
  CORE_METHODS,
  isCoreMethod,
  type CoreApi,
  type CoreEventName,
  type CoreEvents,
  type FromHost,
  type HostOptions,
  type PairingOffer,
  type ToHost,
} from './core-protocol';

export interface HostChannel {
  send(message: FromHost): void;
  onMessage(listener: (message: ToHost) => void): void;
}

interface Opened {
  core: OffprintCore;
  api: CoreApi;
  connector: Connector | null;
}

/** Log lines go to the parent, which writes the app's one log file. */
function channelLogger(channel: HostChannel): Logger {
  const fallback = stderrLogger();
  const log =
    (level: LogLevel) =>
    (message: string, context?: LogContext): void => {
      try {
        channel.send({ type: 'log', level, message, ...(context ? { context: redactContext(context) } : {}) });
      } catch {
        fallback[level](message, context);
      }
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** A PageRenderer that asks the parent to render, and waits for its answer. */
function remoteRenderer(channel: HostChannel): {
  renderer: PageRenderer;
  answer(id: number, result: Envelope<RenderedDocument>): void;
} {
  const waiting = new Map<number, (result: Envelope<RenderedDocument>) => void>();
  let next = 0;
  return {
    renderer: {
      render: (url, { budgetMs }) =>
        new Promise<RenderedDocument>((resolve, reject) => {
          const id = ++next;
          waiting.set(id, (result) => {
            try {
              resolve(unwrap(result));
            } catch (error) {
              reject(error);
            }
          });
          channel.send({ type: 'render', id, url, budgetMs });
        }),
    },
    answer(id, result) {
      const settle = waiting.get(id);
      waiting.delete(id);
      settle?.(result);
    },
  };
}

async function startHostConnector(core: OffprintCore, port: number, logger: Logger): Promise<Connector | null> {
  try {
    return await startConnector(core, { port });
  } catch (error) {
    // The port is taken (another Offprint profile serves it): the app works on without the connector.
    logger.warn('The browser connector is off', { port, error: errorText(error) });
    return null;
  }
}

/** The core's methods bound to it (it keeps its state in private fields), with the connector's pairing. */
function coreApi(core: OffprintCore, connector: () => Connector | null): CoreApi {
  const api: Record<string, unknown> = {};
  const methods = core as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of CORE_METHODS) if (name !== 'pairingCode') api[name] = methods[name].bind(core);
  api.pairingCode = async (): Promise<PairingOffer | null> => {
    const running = connector();
    return running ? { code: running.newPairingCode().code, port: running.port } : null;
  };
  return api as unknown as CoreApi;
}

function relayEvents(
  core: OffprintCore,
  send: <E extends CoreEventName>(name: E, payload: CoreEvents[E]) => void,
): void {
  const subscribe: { [E in CoreEventName]: () => void } = {
    captureProgress: () => core.onCaptureProgress((p) => send('captureProgress', p)),
    importProgress: () => core.onImportProgress((p) => send('importProgress', p)),
    captureQueue: () => core.onCaptureQueueChange((s) => send('captureQueue', s)),
  };
  for (const name of CORE_EVENTS) subscribe[name]();
}

/**
 * Serves one library over `channel` until the parent asks to close (or `close` is called: the
 * parent went away); `exit` ends the process, with 0 once the library is closed cleanly.
 */
export function serveCore(channel: HostChannel, exit: (code: number) => void): { close(): Promise<void> } {
  const logger = channelLogger(channel);
  let parentGone = false;
  /** Answers and events; once the parent is gone they have nowhere to go, which is said once. */
  const post = (message: FromHost): void => {
    try {
      channel.send(message);
    } catch (error) {
      if (!parentGone) process.stderr.write(`offprint: the app is gone; closing the library (${errorText(error)})\n`);
      parentGone = true;
    }
  };
  const rendering = remoteRenderer(channel);
  let opening: Promise<Opened> | null = null;
  let closing = false;

  const open = async (options: HostOptions): Promise<Opened> => {
    const { renderPages, connectorPort, ...rest } = options;
    const core = await OffprintCore.open({
      ...rest,
      logger,
      ...(renderPages ? { pageSource: renderingPageSource(rendering.renderer) } : {}),
    });
    relayEvents(core, (name, payload) => post({ type: 'event', name, payload }));
    let connector: Connector | null = null;
    const api = coreApi(core, () => connector);
    post({ type: 'opened', libraryDir: core.libraryDir, firstPageEarly: core.firstPageEarly });
    if (connectorPort !== undefined) connector = await startHostConnector(core, connectorPort, logger);
    return { core, api, connector };
  };

  const call = async (id: number, method: unknown, args: unknown[]): Promise<void> => {
    let result: Envelope;
    try {
      if (!opening) throw new OffprintError('library-closed', 'The library is not open.');
      if (!isCoreMethod(method)) throw new OffprintError('bad-method', `Unknown call: ${String(method)}`);
      const { api } = await opening;
      const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
      result = { ok: true, value: await fn.apply(api, args) };
    } catch (error) {
      result = { ok: false, error: toErrorInfo(error) };
      if (result.error.code === 'internal') {
        logger.error('A call to the library failed', { method: String(method), error: errorText(error) });
      }
    }
    post({ type: 'result', id, result });
  };

  const close = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    let code = 0;
    try {
      const opened = await opening?.catch(() => null);
      await opened?.connector?.close();
      await opened?.core.close();
    } catch (error) {
      code = 1;
      logger.error('Could not close the library cleanly', { error: errorText(error) });
    }
    exit(code);
  };

  channel.onMessage((message) => {
    switch (message.type) {
      case 'open':
        if (opening) return;
        opening = open(message.options);
        opening.catch((error: unknown) => {
          post({ type: 'open-failed', error: toErrorInfo(error) });
          exit(1);
        });
        return;
      case 'call':
        void call(message.id, message.method, message.args);
        return;
      case 'rendered':
        rendering.answer(message.id, message.result);
        return;
      case 'close':
        void close();
        return;
    }
  });
  post({ type: 'ready' });
  return { close };
}
