/**
 * The one IPC contract between the renderer and the main side.
 * Every call the renderer can make is a method of `LibraryApi` (answered by the core)
 * or `ShellApi` (answered by the Electron glue); events are in `OffprintEvents`.
 * `arg-schemas.ts` validates every argument at the boundary, before anything runs; it is kept
 * apart so that the preload and the renderer do not carry the validator.
 */
import type {
  ArticleMeta,
  BulkAction,
  BulkResult,
  LibrarySettings,
  ListPage,
  SearchOptions,
  SearchPage,
  SettingsPatch,
  TagChangeResult,
  ArticleWithContent,
  CaptureProgress,
  Highlight,
  HighlightPatch,
  ListQuery,
  NewHighlight,
  SaveResult,
  TagCount,
} from '../model';
import type { CaptureQueueEntry, CaptureQueueQuery, CaptureQueueStatus } from '../queue/capture-queue';
import type { ArticleExportFormat, ArticleExportRequest, ArticleExportResult } from '../transfer/article-export';
import type { Clip, ClipQuery, ExportResult, ExportScope } from '../transfer/clip';
import type { ImportProgress, ImportSummary, UndoImportResult } from '../import/import-summary';
import type { ProtocolLinkRequest } from '../protocol-link';

/** Calls answered by the Electron-free core. */
export interface LibraryApi {
  getArticle(id: string): Promise<ArticleWithContent>;
  saveUrl(url: string): Promise<SaveResult>;
  /**
   * Saves a web page stored on disk: an absolute path to an .html or .htm file. Over IPC the
   * argument is a drop token instead (see drop-token.ts), which main turns back into the path.
   */
  saveFile(path: string): Promise<SaveResult>;
  /**
   * Fetches the article's page again and replaces its stored copy, keeping its tags, state,
   * progress and highlights (re-anchored in the new text). A failed update changes nothing.
   */
  refreshArticle(id: string): Promise<ArticleMeta>;
  setArchived(id: string, archived: boolean): Promise<ArticleMeta>;
  setFavourite(id: string, favourite: boolean): Promise<ArticleMeta>;
  setProgress(id: string, progress: number): Promise<void>;
  addTag(id: string, tag: string): Promise<ArticleMeta>;
  removeTag(id: string, tag: string): Promise<ArticleMeta>;
  listTags(): Promise<TagCount[]>;
  addHighlight(input: NewHighlight): Promise<Highlight>;
  updateHighlight(id: string, patch: HighlightPatch): Promise<Highlight>;
  deleteHighlight(id: string): Promise<void>;

  /** One window of a view (for the virtualized list), with the length of the whole list. */
  listPage(query: ListQuery): Promise<ListPage>;
  /** Ranked full-text search with the query syntax (words, "phrases", -word, tag:, site:, is:, has:, lang:). */
  searchPage(query: string, options?: SearchOptions): Promise<SearchPage>;
  /** Applies one change to every article named (archive, favourite, read, tag, untag, delete to Trash, restore). */
  bulkUpdate(ids: string[], action: BulkAction): Promise<BulkResult>;
  /** Moves articles to the Trash (undo with restoreArticles). */
  deleteArticles(ids: string[]): Promise<BulkResult>;
  restoreArticles(ids: string[]): Promise<BulkResult>;
  /** Removes everything in the Trash, files included. */
  emptyTrash(): Promise<BulkResult>;
  /** Renames a tag everywhere; renaming onto an existing tag merges the two. */
  renameTag(from: string, to: string): Promise<TagChangeResult>;
  /** Every article with any of `from` gets `into` instead. */
  mergeTags(from: string[], into: string): Promise<TagChangeResult>;
  deleteTag(name: string): Promise<TagChangeResult>;
  getSettings(): Promise<LibrarySettings>;
  updateSettings(patch: SettingsPatch): Promise<LibrarySettings>;
  /** What the user should be told about opening the library (a recovered index, a migration…). */
  getNotices(): Promise<string[]>;
  /** Every highlight across the library (Trash excluded) with its article, newest first, filtered. */
  listClips(query: ClipQuery): Promise<Clip[]>;
  /**
   * Imports an export (a file or a folder, the format read from its content) as one undoable
   * change; progress comes as `importProgress` events. Null for an .html file that is a web page,
   * not an export (save it with saveFile). Over IPC the argument is a drop token.
   */
  importFile(path: string): Promise<ImportSummary | null>;
  /** Removes what an import added: the articles it created, the highlights and tags it added to others. */
  undoImport(importId: string): Promise<UndoImportResult>;

  /** The capture queue of imported links: counts, pace and the estimate of time left. */
  captureQueueStatus(): Promise<CaptureQueueStatus>;
  /** Queue items in order with their article's title, filtered by status, a window at a time. */
  listCaptureQueue(query: CaptureQueueQuery): Promise<CaptureQueueEntry[]>;
  pauseCaptureQueue(): Promise<CaptureQueueStatus>;
  resumeCaptureQueue(): Promise<CaptureQueueStatus>;
  /** Cancels the items named, or every waiting one when none are. */
  cancelCapture(ids?: string[]): Promise<CaptureQueueStatus>;
  /** Puts failed, gone and cancelled items (those named, or all) back in the queue. */
  retryCapture(ids?: string[]): Promise<CaptureQueueStatus>;
}

/** Calls answered by the Electron glue itself. */
export interface ShellApi {
  /** Opens an http(s) or mailto link in the system's browser or mail client; anything else is refused. */
  openExternal(url: string): Promise<void>;
  /**
   * Asks the user for a folder (the renderer never names a path) and writes the highlights
   * there: one Markdown file per article, or one JSON file of Web Annotations.
   */
  exportHighlights(scope: ExportScope): Promise<ExportResult>;
  /**
   * Asks the user where to save (the renderer never names a path) and exports the articles of a
   * view, a tag or a selection in one of the formats of docs/EXPORT-FORMAT.md.
   */
  exportArticles(request: ArticleExportRequest): Promise<ArticleExportResult>;
}

export type InvokeApi = LibraryApi & ShellApi;
export type InvokeMethod = keyof InvokeApi;

export interface OffprintEvents {
  captureProgress: CaptureProgress;
  importProgress: ImportProgress;
  /** An import started from the File menu has finished (the window shows its summary). */
  importFinished: ImportSummary;
  /** An offprint:// link was opened: a save to confirm, an article to open, or a malformed link to explain. */
  protocolLink: ProtocolLinkRequest;
  /** The capture queue's status, when it changes (at most a few times a second). */
  captureQueue: CaptureQueueStatus;
  /** File → Export…: export the view on screen in this format (the renderer knows which view that is). */
  exportView: ArticleExportFormat;
  /** The library's own process stopped and is being restarted, is back, or could not be restarted. */
  coreStatus: CoreStatus;
}

export interface CoreStatus {
  state: 'crashed' | 'restarted' | 'stopped';
  /** What the window tells the user, as it is. */
  message: string;
}
export type EventName = keyof OffprintEvents;

/** A DOM File as the renderer holds it (typed loosely: shared code has no DOM). */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/** Helpers the preload runs inside the renderer itself (no IPC). */
export interface RendererHelpers {
  /** A one-time token for saveFile or importFile naming a file dropped on the window ('' when it has no place on disk). */
  dropTokenFor?(file: DroppedFile): Promise<string>;
}

/** What the preload exposes as `window.offprint`. */
export interface OffprintApi extends InvokeApi, RendererHelpers {
  on<E extends EventName>(event: E, listener: (payload: OffprintEvents[E]) => void): () => void;
}

/** Every call, by name; `arg-schemas.ts` must give each one a schema (checked by its type). */
export const INVOKE_METHODS = [
  'getArticle',
  'saveUrl',
  'saveFile',
  'refreshArticle',
  'setArchived',
  'setFavourite',
  'setProgress',
  'addTag',
  'removeTag',
  'listTags',
  'addHighlight',
  'updateHighlight',
  'deleteHighlight',
  'listPage',
  'searchPage',
  'bulkUpdate',
  'deleteArticles',
  'restoreArticles',
  'emptyTrash',
  'renameTag',
  'mergeTags',
  'deleteTag',
  'getSettings',
  'updateSettings',
  'getNotices',
  'listClips',
  'importFile',
  'undoImport',
  'captureQueueStatus',
  'listCaptureQueue',
  'pauseCaptureQueue',
  'resumeCaptureQueue',
  'cancelCapture',
  'retryCapture',
  'openExternal',
  'exportHighlights',
  'exportArticles',
] as const satisfies readonly InvokeMethod[];

// Fails to compile when a method of InvokeApi is missing from INVOKE_METHODS.
type Missing = Exclude<InvokeMethod, (typeof INVOKE_METHODS)[number]>;
const _everyMethodListed: Missing extends never ? true : Missing = true;
void _everyMethodListed;

export const EVENT_NAMES: EventName[] = [
  'captureProgress',
  'importProgress',
  'importFinished',
  'protocolLink',
  'captureQueue',
  'exportView',
  'coreStatus',
];

/** The calls answered by the Electron glue; every other call is the core's (LIBRARY_METHODS). */
export const SHELL_METHODS = [
  'openExternal',
  'exportHighlights',
  'exportArticles',
] as const satisfies readonly (keyof ShellApi)[];
type MissingShell = Exclude<keyof ShellApi, (typeof SHELL_METHODS)[number]>;
const _everyShellMethodListed: MissingShell extends never ? true : MissingShell = true;
void _everyShellMethodListed;

const isShellMethod = (name: InvokeMethod): name is keyof ShellApi =>
  (SHELL_METHODS as readonly string[]).includes(name);

/** Every call the core answers, in the contract's order. */
export const LIBRARY_METHODS = INVOKE_METHODS.filter(
  (name): name is Exclude<(typeof INVOKE_METHODS)[number], keyof ShellApi> => !isShellMethod(name),
);

export function isInvokeMethod(name: unknown): name is InvokeMethod {
  return typeof name === 'string' && (INVOKE_METHODS as readonly string[]).includes(name);
}

/** The IPC channel name of a method or event. */
export const channelOf = (name: InvokeMethod | EventName): string => `offprint:${name}`;
