/**
 * The messages between the app's main process and the core running in its own process
 * (core-host.ts in the child, core-client.ts in the parent). The calls are the contract's
 * LibraryApi plus the few the Electron glue itself needs; the events are the contract's.
 */
import { LIBRARY_METHODS, type EventName, type LibraryApi, type OffprintEvents } from '@shared/ipc/contract';
import type { Envelope, ErrorInfo } from '@shared/ipc/envelope';
import type { RenderedDocument } from '../capture/page-renderer';
import type { FetchLimits } from '../capture/capture-url';
import type { LogContext, LogLevel } from '../logger';
import type { OffprintCore } from '../offprint-core';
import type { CaptureQueueOptions } from '../saving/capture-queue';

/** A pairing code for the browser connector, and the port it listens on. */
export interface PairingOffer {
  code: string;
  port: number;
}

/** What the glue asks of the core beyond the contract. */
export interface CoreExtras {
  /** Resolves once the whole library is loaded (the first page may be answered before). */
  loaded(): Promise<void>;
  warmUpSearch(): Promise<void>;
  countExport: OffprintCore['countExport'];
  /** The core's export to a path the glue chose (ShellApi.exportArticles asks the user for it). */
  exportArticles: OffprintCore['exportArticles'];
  /** A fresh pairing code, or null when the connector is not running. */
  pairingCode(): Promise<PairingOffer | null>;
}

export type CoreApi = LibraryApi & CoreExtras;
export type CoreMethod = keyof CoreApi;

const EXTRA_METHODS = [
  'loaded',
  'warmUpSearch',
  'countExport',
  'exportArticles',
  'pairingCode',
] as const satisfies readonly (keyof CoreExtras)[];
type MissingExtra = Exclude<keyof CoreExtras, (typeof EXTRA_METHODS)[number]>;
const _everyExtraListed: MissingExtra extends never ? true : MissingExtra = true;
void _everyExtraListed;

/** Every call the core process answers: the contract's library calls, then the glue's. */
export const CORE_METHODS: readonly CoreMethod[] = [...LIBRARY_METHODS, ...EXTRA_METHODS];

export const isCoreMethod = (name: unknown): name is CoreMethod =>
  typeof name === 'string' && (CORE_METHODS as readonly string[]).includes(name);

/** The contract's events that the core raises (main relays them to the window). */
export const CORE_EVENTS = [
  'captureProgress',
  'importProgress',
  'captureQueue',
] as const satisfies readonly EventName[];
export type CoreEventName = (typeof CORE_EVENTS)[number];
export type CoreEvents = Pick<OffprintEvents, CoreEventName>;

/** How the child opens the library: the CoreOptions that can cross a process boundary. */
export interface HostOptions {
  libraryDir: string;
  startCaptureQueue?: boolean;
  firstPageEarly?: boolean;
  /** Pages that need JavaScript are rendered by the parent (main's hidden window), asked over the channel. */
  renderPages?: boolean;
  /** Run the browser connector on this port (0: any free one); none when absent. */
  connectorPort?: number;
  captureQueue?: Omit<Partial<CaptureQueueOptions>, 'timer'>;
  limits?: Partial<FetchLimits>;
}

/** Parent → child. */
export type ToHost =
  | { type: 'open'; options: HostOptions }
  | { type: 'call'; id: number; method: CoreMethod; args: unknown[] }
  | { type: 'rendered'; id: number; result: Envelope<RenderedDocument> }
  | { type: 'close' };

/** Child → parent. */
export type FromHost =
  | { type: 'ready' }
  | { type: 'opened'; libraryDir: string; firstPageEarly: boolean }
  | { type: 'open-failed'; error: ErrorInfo }
  | { type: 'result'; id: number; result: Envelope }
  | { type: 'event'; name: CoreEventName; payload: unknown }
  | { type: 'render'; id: number; url: string; budgetMs: number }
  | { type: 'log'; level: LogLevel; message: string; context?: LogContext };
