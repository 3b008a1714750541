/**
 * Exposes `window.offprint` (OffprintApi) to the sandboxed renderer. Only the typed
 * calls and the contract's events cross the bridge; ipcRenderer itself never does.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApiClient, type Transport } from '@shared/ipc/client';
import { channelOf, EVENT_NAMES } from '@shared/ipc/contract';
import type { Envelope } from '@shared/ipc/envelope';

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

contextBridge.exposeInMainWorld('offprint', createApiClient(transport));
