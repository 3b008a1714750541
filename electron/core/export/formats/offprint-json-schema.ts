/**
 * The Offprint JSON export, version 1 (docs/EXPORT-FORMAT.md). The schemas are typed against
 * shared/model.ts, so a field added to ArticleMeta or Highlight fails the typecheck until the
 * format carries it too.
 */
import { z } from 'zod';
import { EXTRACTION_KINDS, HIGHLIGHT_COLORS, type ArticleMeta, type Highlight } from '@shared/model';

export const EXPORT_FORMAT = 'offprint-export';
export const EXPORT_VERSION = 1;

const nullableString = z.string().nullable();

export const articleSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  url: z.string(),
  originalUrl: z.string(),
  title: z.string(),
  byline: nullableString,
  siteName: nullableString,
  excerpt: nullableString,
  lang: nullableString,
  dir: z.enum(['ltr', 'rtl']).nullable(),
  publishedTime: nullableString,
  wordCount: z.number(),
  readingMinutes: z.number(),
  leadImage: nullableString,
  extraction: z.enum(EXTRACTION_KINDS),
  savedAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
  favourite: z.boolean(),
  tags: z.array(z.string()),
  progress: z.number().min(0).max(1),
  highlightCount: z.number(),
  deletedAt: nullableString.optional(),
  readAt: nullableString.optional(),
  contentMissing: z.boolean().optional(),
  awaitingCapture: z.boolean().optional(),
  importId: z.string().optional(),
}) satisfies z.ZodType<ArticleMeta>;

export const highlightSchema = z.object({
  id: z.string().min(1),
  articleId: z.string(),
  quote: z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() }),
  position: z.object({ type: z.literal('TextPositionSelector'), start: z.number(), end: z.number() }),
  color: z.enum(HIGHLIGHT_COLORS),
  note: z.string(),
  text: z.string().optional(),
  labels: z.array(z.string()).optional(),
  importId: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<Highlight>;

// Every field of the model, optional ones included, must be in the format: a new one fails here until it is added.
type Missing<Model, Schema extends z.ZodType> = Exclude<keyof Model, keyof z.infer<Schema>>;
const everyArticleField: [Missing<ArticleMeta, typeof articleSchema>] extends [never] ? true : never = true;
const everyHighlightField: [Missing<Highlight, typeof highlightSchema>] extends [never] ? true : never = true;
void everyArticleField;
void everyHighlightField;

/** Where an article's stored body and images are, relative to the JSON file's folder. */
export const contentSchema = z.object({
  html: z.string(),
  images: z.array(z.object({ name: z.string(), path: z.string() })),
});

export const exportedArticleSchema = z.object({
  article: articleSchema,
  highlights: z.array(highlightSchema),
  /** Absent: the export was made without content; null: the article had none stored. */
  content: contentSchema.nullable().optional(),
});

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  exportedAt: z.string(),
  articles: z.array(exportedArticleSchema),
});

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportedArticle = z.infer<typeof exportedArticleSchema>;
