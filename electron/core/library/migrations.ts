/**
 * Schema migrations of library.json, run in order when a library written by an older Offprint
 * is opened. The store copies library.json into backups/ before the first one runs.
 */
import { access } from 'node:fs/promises';
import { OffprintError } from '@shared/ipc/envelope';
import type { ArticleMeta, Highlight } from '@shared/model';
import { writeArticleRecord } from './article-record';
import { SCHEMA_VERSION, isObject } from './library-index';
import { metaPath } from './library-layout';

export interface MigrationContext {
  libraryDir: string;
}

export interface Migration {
  from: number;
  to: number;
  /** For the notice the user sees, e.g. "adds a meta.json to every article folder". */
  description: string;
  up(index: Record<string, unknown>, context: MigrationContext): Promise<Record<string, unknown>>;
}

/** What "the current format" means: its number and how to get there. Tests bring their own. */
export interface Schema {
  version: number;
  migrations: readonly Migration[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    description: 'each article folder gets its own meta.json, from which the index can be rebuilt',
    async up(index, { libraryDir }) {
      const articles = (Array.isArray(index.articles) ? index.articles : []) as ArticleMeta[];
      const highlights = (Array.isArray(index.highlights) ? index.highlights : []) as Highlight[];
      const byArticle = new Map<string, Highlight[]>();
      for (const h of highlights) byArticle.set(h.articleId, [...(byArticle.get(h.articleId) ?? []), h]);
      for (const article of articles) {
        if (!isObject(article) || typeof article.id !== 'string') continue;
        // Rerun after an interrupted migration, or over an old backup: a meta.json already there is as new or newer.
        if (
          await access(metaPath(libraryDir, article.id)).then(
            () => true,
            () => false,
          )
        )
          continue;
        // A folder that has gone missing stays missing; its entry still opens (as content missing).
        await writeArticleRecord(libraryDir, { article, highlights: byArticle.get(article.id) ?? [] }).catch(
          () => undefined,
        );
      }
      return { ...index, schemaVersion: 2 };
    },
  },
];

export const CURRENT_SCHEMA: Schema = { version: SCHEMA_VERSION, migrations: MIGRATIONS };

/** The migrations that take a library from `from` to `schema.version`, in order. */
export function planMigrations(from: number, schema: Schema): Migration[] {
  const plan: Migration[] = [];
  for (let version = from; version < schema.version;) {
    const step = schema.migrations.find((m) => m.from === version);
    if (!step || step.to <= version) {
      throw new OffprintError('library-unreadable', `This Offprint cannot update a library from format ${version}.`);
    }
    plan.push(step);
    version = step.to;
  }
  return plan;
}

export async function runMigrations(
  index: Record<string, unknown>,
  plan: readonly Migration[],
  context: MigrationContext,
): Promise<Record<string, unknown>> {
  let current = index;
  for (const step of plan) current = { ...(await step.up(current, context)), schemaVersion: step.to };
  return current;
}
