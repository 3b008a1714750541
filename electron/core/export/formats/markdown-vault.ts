/**
 * A folder of Markdown notes (an Obsidian vault): one note per article, with YAML front matter,
 * the body converted by turndown, the images under attachments/<id>/ linked relatively, and the
 * highlights in their own section. Exporting again updates the notes: a note is recognised by
 * the offprint-id in its front matter, and renamed when its title changed. Files Offprint did
 * not write are never changed or removed.
 */
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleMeta, Highlight } from '@shared/model';
import { safeFileStem } from '@shared/transfer/export-file-name';
import { passageOf, siteOf } from '@shared/transfer/markdown-export';
import { writeFileAtomic } from '../../library/write-file-atomic';
import { articleBody } from '../article-html';
import { isSafeImageName, type ExportLibrary } from '../export-model';
import { frontMatter, ID_KEY, offprintIdOf, yamlTime } from './front-matter';
import { htmlToMarkdown, markdownText } from './markdown-body';

export const ATTACHMENTS_FOLDER = 'attachments';

/** An Obsidian comment (hidden when reading) that ends what Offprint writes: what the user adds below it survives the next export. */
export const KEEP_BELOW =
  '%% Offprint rewrites this note above this line when you export again. What you write below it is kept. %%';

/** What the user wrote below the marker in an earlier export of the note, or ''. */
function userPart(previous: string | null): string {
  const at = previous?.indexOf(`\n${KEEP_BELOW}\n`) ?? -1;
  return previous && at >= 0 ? previous.slice(at + KEEP_BELOW.length + 2) : '';
}

export interface MarkdownVaultResult {
  /** Notes created or changed. */
  written: string[];
  /** Notes that were already up to date. */
  unchanged: string[];
  /** Notes whose title changed: the old file is gone, the new one written. */
  renamed: { from: string; to: string }[];
  /** Image files copied (images already there are left as they are: names are content hashes). */
  images: number;
}

/** A note's name: its title (without what Obsidian links choke on) and its id, so it stays unique and stable. */
export function noteName(article: Pick<ArticleMeta, 'id' | 'title'>, attempt = 1): string {
  const stem = safeFileStem(article.title.replace(/[#^[\]|]+/g, ' '));
  return attempt === 1 ? `${stem} (${article.id}).md` : `${stem} (${article.id}) ${attempt}.md`;
}

/** The notes in the folder that Offprint wrote, by article id, and every name in use (lower-case). */
async function scanFolder(
  folder: string,
): Promise<{ ours: Map<string, string[]>; owners: Map<string, string | null> }> {
  const ours = new Map<string, string[]>();
  const owners = new Map<string, string | null>();
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    let id: string | null = null;
    if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
      id = offprintIdOf(await readHead(join(folder, entry.name)));
      if (id) ours.set(id, [...(ours.get(id) ?? []), entry.name]);
    }
    owners.set(entry.name.toLowerCase(), id);
  }
  return { ours, owners };
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Plain text over several lines, each line escaped: a note is shown as it was typed, never read as Markdown. */
const plainLines = (text: string): string[] =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => markdownText(line.trim()));

function highlightsSection(highlights: readonly Highlight[]): string {
  if (highlights.length === 0) return '';
  const parts = ['## Highlights', ''];
  for (const highlight of highlights) {
    parts.push(
      plainLines(passageOf(highlight))
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n'),
      '',
    );
    if (highlight.note.trim()) parts.push(plainLines(highlight.note).join('  \n'), '');
  }
  return parts.join('\n');
}

export function noteText(article: ArticleMeta, highlights: readonly Highlight[], bodyMarkdown: string | null): string {
  const head = frontMatter({
    title: article.title,
    url: article.url || null,
    author: article.byline,
    site: article.url || article.siteName ? siteOf(article) : null,
    saved: { raw: yamlTime(article.savedAt) },
    published: { raw: yamlTime(article.publishedTime) },
    tags: article.tags,
    [ID_KEY]: article.id,
  });
  const title = markdownText(article.title.replace(/\s+/g, ' ').trim()) || 'Untitled';
  const parts = [head, '', `# ${title}`, ''];
  if (article.url) parts.push(`<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>`, '');
  parts.push(bodyMarkdown ?? '_The text of this article is not stored in Offprint._', '');
  const section = highlightsSection(highlights);
  if (section) parts.push(section);
  return `${parts.join('\n').trimEnd()}\n\n${KEEP_BELOW}\n`;
}

async function copyImages(folder: string, articleId: string, images: ReadonlyMap<string, Uint8Array>): Promise<number> {
  let copied = 0;
  const dir = join(folder, ATTACHMENTS_FOLDER, articleId);
  for (const [name, bytes] of images) {
    const path = join(dir, name);
    const existing = await stat(path).catch(() => null);
    if (existing?.size === bytes.length) continue;
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(path, bytes, { sync: false });
    copied += 1;
  }
  return copied;
}

export async function writeMarkdownVault(library: ExportLibrary, folder: string): Promise<MarkdownVaultResult> {
  await mkdir(folder, { recursive: true });
  const { ours, owners } = await scanFolder(folder);
  const result: MarkdownVaultResult = { written: [], unchanged: [], renamed: [], images: 0 };
  for (const { article, highlights } of library.articles) {
    const html = await library.readContent(article.id);
    let body: string | null = null;
    if (html !== null) {
      const images = new Map([...(await library.readImages(article.id))].filter(([name]) => isSafeImageName(name)));
      result.images += await copyImages(folder, article.id, images);
      const element = articleBody(html, article.id, (name) =>
        images.has(name) ? `${ATTACHMENTS_FOLDER}/${article.id}/${name}` : null,
      );
      // Anchors inside the article do not survive conversion: such a link would lead nowhere.
      for (const link of [...element.querySelectorAll('a[href^="#"]')]) link.replaceWith(...link.childNodes);
      body = htmlToMarkdown(element.innerHTML);
    }
    const previous = ours.get(article.id) ?? [];
    let name = noteName(article);
    for (let n = 2; owners.has(name.toLowerCase()) && owners.get(name.toLowerCase()) !== article.id; n += 1) {
      name = noteName(article, n);
    }
    const old = previous.find((p) => p === name) ?? previous[0];
    const oldText = old ? await readFile(join(folder, old), 'utf8').catch(() => null) : null;
    const text = noteText(article, highlights, body) + userPart(oldText);
    if (old && old !== name && old.toLowerCase() === name.toLowerCase()) {
      // Only the case changed: on a case-insensitive disk, writing the new name then removing the old would remove both.
      await rename(join(folder, old), join(folder, name));
    }
    const path = join(folder, name);
    const current = await readFile(path, 'utf8').catch(() => null);
    if (current === text) result.unchanged.push(name);
    else {
      await writeFileAtomic(path, text, { sync: false });
      result.written.push(name);
    }
    if (old && old !== name) {
      if (old.toLowerCase() !== name.toLowerCase()) await unlink(join(folder, old));
      owners.delete(old.toLowerCase());
      result.renamed.push({ from: old, to: name });
    }
    owners.set(name.toLowerCase(), article.id);
    ours.set(article.id, [name, ...previous.filter((p) => p !== old && p !== name)]);
  }
  return result;
}
