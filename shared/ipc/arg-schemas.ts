/** Runtime validation of every IPC call's arguments, checked by the main side before anything runs. */
import { z } from 'zod';
import { HIGHLIGHT_COLORS, LIBRARY_VIEWS, READ_STATES, SORT_FIELDS } from '../model';
import { CAPTURE_ITEM_STATUSES } from '../queue/capture-queue';
import { readerSettingsSchema } from '../settings/reader-settings';
import { ARTICLE_EXPORT_FORMATS } from '../transfer/article-export';
import type { InvokeApi, InvokeMethod } from './contract';
import { dropToken } from './drop-token';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'an id is letters, digits, - and _');
/** Control characters (NUL, escape, DEL, C1, …) have no place in anything a person types on one line. */
const CONTROL = /\p{Cc}/u;
/** Multi-line text (a note) keeps tabs and line breaks, nothing else of the kind. */
const CONTROL_BUT_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;
const line = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), 'control characters are not allowed');
const lines = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL_BUT_LINE_BREAKS.test(s), 'control characters are not allowed');

/** The most ids one call may name: several times the 20,000-article library Offprint is built for. */
export const MAX_IDS_PER_CALL = 50_000;
/** The most view settings one updateSettings call may carry (the app sends one at a time). */
export const MAX_VIEW_SETTINGS_PER_CALL = 20;

const tag = line(100).trim().min(1);
const color = z.enum(HIGHLIGHT_COLORS);
const quote = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(100_000),
  prefix: z.string().max(1_000),
  suffix: z.string().max(1_000),
});
const position = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative().max(100_000_000),
    end: z.number().int().nonnegative().max(100_000_000),
  })
  .refine((p) => p.end > p.start, 'a position must end after it starts');

const ids = z.array(id).max(MAX_IDS_PER_CALL);
const sort = z.object({ field: z.enum(SORT_FIELDS), direction: z.enum(['asc', 'desc']) });
const filters = {
  tag: tag.optional(),
  site: line(300).trim().min(1).optional(),
  readState: z.enum(READ_STATES).optional(),
  lang: line(35).trim().min(1).optional(),
};
const listQuery = z.object({
  view: z.enum(LIBRARY_VIEWS),
  ...filters,
  sort: sort.optional(),
  offset: z.number().int().nonnegative().max(10_000_000).optional(),
  limit: z.number().int().positive().max(100_000).optional(),
});
/** A view's settings key: its name, or "tag:<name>" for a tag's view. */
const viewKey = z
  .string()
  .max(104)
  .refine(
    (key) =>
      (LIBRARY_VIEWS as readonly string[]).includes(key) ||
      (key.startsWith('tag:') && tag.safeParse(key.slice(4)).success),
    'a view is a view name or "tag:<name>"',
  );
const query = line(1_000);
const viewSettings = z.object({ sort: sort.optional(), filters: z.object(filters).optional() });
const bulkAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('archive'), value: z.boolean() }),
  z.object({ type: z.literal('favourite'), value: z.boolean() }),
  z.object({ type: z.literal('read'), value: z.boolean() }),
  z.object({ type: z.literal('add-tag'), tag }),
  z.object({ type: z.literal('remove-tag'), tag }),
  z.object({ type: z.literal('delete') }),
  z.object({ type: z.literal('restore') }),
]);

type ArgsOf<M extends InvokeMethod> = Parameters<InvokeApi[M]>;

export const argSchemas: { [M in InvokeMethod]: z.ZodType<ArgsOf<M>> } = {
  getArticle: z.tuple([id]),
  saveUrl: z.tuple([line(8_192).trim().min(1)]),
  // A token from a real drop (see drop-token.ts), never a path the page names.
  saveFile: z.tuple([dropToken]),
  refreshArticle: z.tuple([id]),
  setArchived: z.tuple([id, z.boolean()]),
  setFavourite: z.tuple([id, z.boolean()]),
  setProgress: z.tuple([id, z.number().min(0).max(1)]),
  addTag: z.tuple([id, tag]),
  removeTag: z.tuple([id, tag]),
  listTags: z.tuple([]),
  addHighlight: z.tuple([
    z.object({
      articleId: id,
      quote,
      position,
      color,
      note: lines(20_000),
      text: z.string().max(200_000).optional(),
    }),
  ]),
  updateHighlight: z.tuple([id, z.object({ color: color.optional(), note: lines(20_000).optional() })]),
  deleteHighlight: z.tuple([id]),
  listPage: z.tuple([listQuery]),
  searchPage: z.union([
    z.tuple([query]),
    z.tuple([
      query,
      z.object({
        offset: z.number().int().nonnegative().max(10_000_000).optional(),
        limit: z.number().int().positive().max(1_000).optional(),
      }),
    ]),
  ]),
  bulkUpdate: z.tuple([ids, bulkAction]),
  deleteArticles: z.tuple([ids]),
  restoreArticles: z.tuple([ids]),
  emptyTrash: z.tuple([]),
  renameTag: z.tuple([tag, tag]),
  mergeTags: z.tuple([z.array(tag).min(1).max(1_000), tag]),
  deleteTag: z.tuple([tag]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([
    z.object({
      views: z
        .record(viewKey, viewSettings.nullable())
        .refine((views) => Object.keys(views).length <= MAX_VIEW_SETTINGS_PER_CALL, 'too many view settings at once')
        .optional(),
      reader: z.optional(readerSettingsSchema),
    }),
  ]),
  getNotices: z.tuple([]),
  // A token from a real drop (see drop-token.ts), never a path the page names.
  importFile: z.tuple([dropToken]),
  undoImport: z.tuple([id]),
  captureQueueStatus: z.tuple([]),
  listCaptureQueue: z.tuple([
    z.object({
      statuses: z.array(z.enum(CAPTURE_ITEM_STATUSES)).max(CAPTURE_ITEM_STATUSES.length).optional(),
      offset: z.number().int().nonnegative().max(10_000_000).optional(),
      limit: z.number().int().positive().max(1_000).optional(),
    }),
  ]),
  pauseCaptureQueue: z.tuple([]),
  resumeCaptureQueue: z.tuple([]),
  cancelCapture: z.union([z.tuple([]), z.tuple([ids.min(1)])]),
  retryCapture: z.union([z.tuple([]), z.tuple([ids.min(1)])]),
  openExternal: z.tuple([line(8_192)]),
  listClips: z.tuple([
    z.object({
      color: color.optional(),
      tag: tag.optional(),
      articleId: id.optional(),
      text: query.optional(),
    }),
  ]),
  exportHighlights: z.tuple([z.object({ articleId: id.optional(), format: z.enum(['markdown', 'json']) })]),
  exportArticles: z.tuple([
    z
      .object({
        format: z.enum(ARTICLE_EXPORT_FORMATS),
        view: z.enum(LIBRARY_VIEWS).optional(),
        tag: tag.optional(),
        ids: z.array(id).min(1).max(MAX_IDS_PER_CALL).optional(),
        includeContent: z.boolean().optional(),
      })
      .strict()
      .refine((r) => !(r.ids && (r.view || r.tag)), 'an export names a view and tag, or ids, not both'),
  ]),
};
