/**
 * The `electron` module faked for running the main process under Node, where Electron's binary
 * cannot run: what main registers (IPC handlers, protocol handlers, menus), what it sends to the
 * window, and a utilityProcess that forks the core host from source and gives it the
 * `process.parentPort` a real utility process has. The main-process test mocks `electron` with
 * this module; `bench:library` resolves `electron` to it (scripts/main-harness/).
 */
import { join, resolve } from 'node:path';
import { forkCoreProcess } from '../../electron/core/process/fork-core-process';
import type { ToHost } from '../../electron/core/process/core-protocol';
import { CORE_HOST_SOURCE } from './core-process';

type Listener = (...args: unknown[]) => unknown;

/** A function that keeps its calls (vi.fn is not available outside vitest). */
function spy(): ((...args: unknown[]) => void) & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return Object.assign((...args: unknown[]) => void calls.push(args), { calls });
}

const ROOT = resolve(import.meta.dirname, '../..');
const ipcHandlers = new Map<string, Listener>();
const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
const appListeners = new Map<string, Listener[]>();
const windows: FakeWindow[] = [];
let markReady = () => {};
const ready = new Promise<void>((resolve) => (markReady = resolve));

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

class FakeWebContents extends FakeEmitter {
  windowOpenHandler: Listener | null = null;
  send(channel: string, payload: unknown) {
    harness.sent.push({ channel, payload });
  }
  isDestroyed() {
    return false;
  }
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
}

class FakeWindow extends FakeEmitter {
  readonly webContents = new FakeWebContents();
  url = '';
  constructor(readonly options: Record<string, unknown>) {
    super();
    windows.push(this);
  }
  static getAllWindows() {
    return windows;
  }
  async loadURL(url: string) {
    this.url = url;
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
}

const fakeSession = {
  protocol: {
    handle: (scheme: string, handler: (r: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler),
  },
  permissionRequest: null as Listener | null,
  permissionCheck: null as Listener | null,
  beforeRequest: null as Listener | null,
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequest = handler;
  },
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheck = handler;
  },
  devicePermission: null as Listener | null,
  setDevicePermissionHandler(handler: Listener) {
    this.devicePermission = handler;
  },
  webRequest: {
    onBeforeRequest: (_filter: unknown, handler: Listener) => {
      fakeSession.beforeRequest = handler;
    },
  },
};

const paths = { userData: '' };

const fakeApp = {
  isPackaged: true,
  quit: spy(),
  exit: spy(),
  setPath: spy(),
  getPath: (name: string) => {
    if (name !== 'userData') throw new Error(`no fake path for ${name}`);
    return paths.userData;
  },
  enableSandbox: spy(),
  requestSingleInstanceLock: () => true,
  setAsDefaultProtocolClient: spy(),
  whenReady: () => ready,
  on(event: string, listener: Listener) {
    appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
  },
  emit(event: string, ...args: unknown[]) {
    for (const listener of appListeners.get(event) ?? []) listener(...args);
  },
};

/** A utility process: the core host from source, forked, with a `process.parentPort` like Electron's. */
function forkUtility(modulePath: string) {
  harness.utilityForks.push(modulePath);
  const child = forkCoreProcess(CORE_HOST_SOURCE, {
    execArgv: ['--import', 'tsx', '--import', join(import.meta.dirname, 'parent-port-shim.mjs')],
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
  });
  harness.utilityProcesses.push(child);
  const utility = {
    get pid() {
      return child.pid;
    },
    postMessage: (message: unknown) => child.postMessage(message as ToHost),
    on(event: string, listener: Listener) {
      if (event === 'message') child.onMessage(listener);
      else if (event === 'exit') child.onExit((code) => listener(code ?? -1));
      return utility;
    },
    kill: () => (child.kill(), true),
  };
  return utility;
}

/** What the faked Electron has seen and holds, for the test or script driving main. */
export const harness = {
  ipcHandlers,
  protocolHandlers,
  sent: [] as { channel: string; payload: unknown }[],
  windows,
  opened: [] as string[],
  openedPaths: [] as string[],
  paths,
  session: fakeSession,
  app: fakeApp,
  markReady: () => markReady(),
  FakeWindow,
  FakeWebContents,
  privileged: [] as unknown[],
  errors: [] as string[],
  messageBoxes: [] as { message: string; detail?: string }[],
  menus: [] as unknown[],
  utilityForks: [] as string[],
  utilityProcesses: [] as ReturnType<typeof forkCoreProcess>[],
};

// ── The module's exports, as `electron` has them ────────────────────────────
export const app = fakeApp;
export const BrowserWindow = FakeWindow;
export const ipcMain = {
  handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler),
  removeHandler: (channel: string) => ipcHandlers.delete(channel),
};
export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => harness.privileged.push(...schemes),
};
export const session = { defaultSession: fakeSession };
export const shell = {
  openExternal: async (url: string) => void harness.opened.push(url),
  openPath: async (path: string) => (harness.openedPaths.push(path), ''),
};
export const dialog = {
  showErrorBox: (_title: string, message: string) => harness.errors.push(message),
  showMessageBox: async (...args: unknown[]) => {
    harness.messageBoxes.push(args.at(-1) as { message: string; detail?: string });
    return { response: 0 };
  },
};
export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu: (menu: unknown) => void harness.menus.push(menu),
};
export const utilityProcess = { fork: forkUtility };
