/**
 * Exposes `window.offprint` (OffprintApi) to the sandboxed renderer. Only the typed
 * calls and the contract's events cross the bridge; ipcRenderer itself never does.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { createApiClient, type Transport } from '@shared/ipc/client';
import { channelOf, EVENT_NAMES, type DroppedFile } from '@shared/ipc/contract';
import { DROP_TOKEN_CHANNEL } from '@shared/ipc/drop-token';
import { unwrap, type Envelope } from '@shared/ipc/envelope';

const transport: Transport = {
  invoke: (method, args) => ipcRenderer.invoke(channelOf(method), ...args) as Promise<Envelope>,
  subscribe(event, listener) {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    const channel = channelOf(event);
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => void ipcRenderer.removeListener(channel, handler);
  },
};

// A dropped file's path is known only here (File.path is gone, and a File the page makes up has
// none): main registers it and answers with the one-time token saveFile takes.
const dropTokenFor = async (file: DroppedFile): Promise<string> => {
  const path = webUtils.getPathForFile(file as File);
  if (!path) return '';
  return unwrap((await ipcRenderer.invoke(DROP_TOKEN_CHANNEL, path)) as Envelope<string>);
};

// Transient user activation is tracked by the browser itself: page script cannot fake a click.
const hasUserGesture = (): boolean => navigator.userActivation.isActive;

contextBridge.exposeInMainWorld('offprint', createApiClient(transport, { dropTokenFor }, hasUserGesture));
