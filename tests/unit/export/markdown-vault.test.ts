import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { yamlString, yamlTime } from '../../../electron/core/export/formats/front-matter';
import { KEEP_BELOW, noteName, writeMarkdownVault } from '../../../electron/core/export/formats/markdown-vault';
import { FIXTURE_ARTICLES, fixtureLibrary, HOSTILE_TITLE, PNG, PNG_NAME, WEBP_NAME } from './export-fixtures';

// A real YAML parser reads the front matter back. js-yaml is in node_modules (through electron-builder and eslint).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const frontMatterOf = (note: string) => yaml.load(/^---\n([\s\S]*?)\n---\n/.exec(note)![1]) as Record<string, unknown>;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-vault-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const notes = async () => (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
const read = (name: string) => readFile(join(dir, name), 'utf8');

describe('Markdown folder (Obsidian vault) export', () => {
  it('writes one note per article with front matter a YAML parser reads back exactly', async () => {
    const result = await writeMarkdownVault(fixtureLibrary(), dir);
    expect(result.written).toHaveLength(4);
    expect(await notes()).toEqual(FIXTURE_ARTICLES.map(({ article }) => noteName(article)).sort());

    const unicode = frontMatterOf(await read(noteName(FIXTURE_ARTICLES[0].article)));
    expect(unicode).toEqual({
      title: 'Ünïcödé: 日本語の記事 — “quotes” & emoji 🧵',
      url: 'https://example.com/uni00000001',
      author: 'Zoë Łukasiewicz',
      site: 'Beispiel Blätter',
      saved: new Date('2024-03-05T09:12:44Z'),
      published: new Date('2024-02-29T12:00:00Z'),
      tags: ['machine learning', 'Ünicode', 'a,b'],
      'offprint-id': 'uni00000001',
    });
    const hostile = frontMatterOf(await read(noteName(FIXTURE_ARTICLES[2].article)));
    expect(hostile).toMatchObject({
      title: HOSTILE_TITLE,
      author: '---',
      site: 'null',
      tags: ['=cmd|calc', '---', 'yes'],
    });
    expect(hostile.published).toBeNull();
    const rtl = frontMatterOf(await read(noteName(FIXTURE_ARTICLES[1].article)));
    expect(rtl).toMatchObject({ title: 'مرحبا بالعالم — שלום עולם', tags: ['عربي', 'with space'] });
    const doc = frontMatterOf(await read(noteName(FIXTURE_ARTICLES[3].article)));
    expect(doc).toMatchObject({ url: null, site: null, author: 'Some Author' });
  });

  it("writes a date kept at the page's own UTC offset as a YAML timestamp of the same moment", () => {
    const written = yamlTime('2025-06-25T20:57:54.303-04:00');
    expect(written).toBe('2025-06-25T20:57:54-04:00');
    expect(yaml.load(`published: ${written}`)).toEqual({ published: new Date('2025-06-26T00:57:54Z') });
    expect(yamlTime('2024-02-29T12:00:00.000Z')).toBe('2024-02-29T12:00:00Z');
  });

  it('quotes titles YAML would otherwise misread', () => {
    const tricky = [
      '---',
      'yes',
      'null',
      '- a',
      '#hash',
      'a: b',
      "it's",
      '"',
      '\\',
      '\u2028\u0085\ufeff\u007f',
      '\t\n\r',
    ];
    for (const value of tricky) expect(yaml.load(`t: ${yamlString(value)}`)).toEqual({ t: value });
  });

  it('converts the body with GFM tables and fenced code, links images relatively and copies them', async () => {
    await writeMarkdownVault(fixtureLibrary(), dir);
    const note = await read(noteName(FIXTURE_ARTICLES[0].article));
    expect(note).toContain('# Ünïcödé: 日本語の記事 — “quotes” \\& emoji 🧵');
    expect(note).toContain('emoji 🧵 see the table, [a link](https://example.org/a?b=1&c=2).');
    expect(note).toContain('| Item | Price \\| € |\n| --- | --- |\n| Brot | 2,50 |');
    expect(note).toContain('```\nconst x = a < b && c > d;\nconsole.log("<script>");\n```');
    expect(note).toContain(`![A red block](attachments/uni00000001/${PNG_NAME})`);
    expect(note).toContain(`![webp diagram](attachments/uni00000001/${WEBP_NAME})`);
    expect(new Uint8Array(await readFile(join(dir, 'attachments', 'uni00000001', PNG_NAME)))).toEqual(PNG);

    const hostile = await read(noteName(FIXTURE_ARTICLES[2].article));
    // Text that reads like HTML stays text; an image that was never stored becomes its alt text.
    expect(hostile).toContain('Text \\<script>alert(1)\\</script> stays text; an ampersand \\& and');
    const body = hostile.slice(hostile.indexOf('\n---\n') + 5);
    expect(body).not.toMatch(/(^|[^\\])<script>/);
    expect(hostile).toContain('missing image');
    expect(hostile).not.toContain('offprint-asset:');
  });

  it('puts highlights and notes in their own section', async () => {
    await writeMarkdownVault(fixtureLibrary(), dir);
    const note = await read(noteName(FIXTURE_ARTICLES[0].article));
    const section = note.slice(note.indexOf('## Highlights'));
    expect(section).toBe(
      `## Highlights\n\n> Café naïve “quotes”\n\nA note, with "quotes"  \nand a second line\n\n> Brot\n>\n> 2,50\n\n${KEEP_BELOW}\n`,
    );
    const hostile = await read(noteName(FIXTURE_ARTICLES[2].article));
    // The note's "---" line stays text: it would otherwise turn the line above it into a heading.
    expect(hostile).toContain('## Highlights\n\n> \\-1+1\n\n@SUM(A1)  \n\\---  \n\\<b>not bold\\</b>\n');
    expect(await read(noteName(FIXTURE_ARTICLES[3].article))).toContain('not stored in Offprint');
  });

  it('updates its notes when exported again, renames a note whose title changed, and leaves other files alone', async () => {
    await writeMarkdownVault(fixtureLibrary(), dir);
    const userNote = 'My own note.md';
    await writeFile(join(dir, userNote), '# mine\n');
    // A user's file that happens to have the name an article's note would take.
    const renamedArticle = { ...FIXTURE_ARTICLES[1].article, title: 'A new title' };
    await writeFile(join(dir, noteName(renamedArticle)), 'not Offprint’s\n');

    const again = await writeMarkdownVault(fixtureLibrary(), dir);
    expect(again.written).toEqual([]);
    expect(again.unchanged).toHaveLength(4);
    expect(again.images).toBe(0);

    const changed = FIXTURE_ARTICLES.map((entry, i) =>
      i === 1 ? { ...entry, article: renamedArticle } : i === 0 ? { ...entry, highlights: [] } : entry,
    );
    const third = await writeMarkdownVault(fixtureLibrary(changed), dir);
    expect(third.renamed).toEqual([{ from: noteName(FIXTURE_ARTICLES[1].article), to: noteName(renamedArticle, 2) }]);
    expect(third.written.sort()).toEqual([noteName(FIXTURE_ARTICLES[0].article), noteName(renamedArticle, 2)].sort());
    expect(await read(userNote)).toBe('# mine\n');
    expect(await read(noteName(renamedArticle))).toBe('not Offprint’s\n');
    expect(await notes()).toHaveLength(6);
    expect(await read(noteName(FIXTURE_ARTICLES[0].article))).not.toContain('## Highlights');
  });

  it('keeps what the user wrote below the marker, through updates and renames', async () => {
    await writeMarkdownVault(fixtureLibrary([FIXTURE_ARTICLES[1]]), dir);
    const name = noteName(FIXTURE_ARTICLES[1].article);
    const written = await read(name);
    expect(written.endsWith(`\n\n${KEEP_BELOW}\n`)).toBe(true);
    const mine = 'My thoughts.\n\n- a list\n';
    await writeFile(join(dir, name), `${written.replace('مرحبا بالعالم', 'edited above')}${mine}`);

    const renamed = { ...FIXTURE_ARTICLES[1], article: { ...FIXTURE_ARTICLES[1].article, title: 'Renamed' } };
    await writeMarkdownVault(fixtureLibrary([renamed]), dir);
    const note = await read(noteName(renamed.article));
    expect(note.endsWith(`\n${KEEP_BELOW}\n${mine}`)).toBe(true);
    expect(note).not.toContain('edited above');
    expect(await notes()).toEqual([noteName(renamed.article)]);
    const again = await writeMarkdownVault(fixtureLibrary([renamed]), dir);
    expect(again.unchanged).toEqual([noteName(renamed.article)]);
  });

  it('renames a note whose title changed only in case', async () => {
    await writeMarkdownVault(fixtureLibrary([FIXTURE_ARTICLES[1]]), dir);
    const upper = { ...FIXTURE_ARTICLES[1], article: { ...FIXTURE_ARTICLES[1].article, title: 'HELLO' } };
    const lower = { ...upper, article: { ...upper.article, title: 'hello' } };
    await writeMarkdownVault(fixtureLibrary([upper]), dir);
    const result = await writeMarkdownVault(fixtureLibrary([lower]), dir);
    expect(result.renamed).toEqual([{ from: noteName(upper.article), to: noteName(lower.article) }]);
    expect(await notes()).toEqual([noteName(lower.article)]);
    expect(frontMatterOf(await read(noteName(lower.article))).title).toBe('hello');
  });
});

describe('offprintIdOf', () => {
  it('finds the id however the front matter quotes it, and only in front matter', async () => {
    const { offprintIdOf } = await import('../../../electron/core/export/formats/front-matter');
    expect(offprintIdOf('---\ntitle: "x"\noffprint-id: "abc123"\n---\nbody')).toBe('abc123');
    expect(offprintIdOf("---\noffprint-id: 'abc123'\n---\n")).toBe('abc123');
    expect(offprintIdOf('---\r\noffprint-id: abc123\r\n---\r\n')).toBe('abc123');
    expect(offprintIdOf('# note\n---\noffprint-id: abc123\n---\n')).toBeNull();
    expect(offprintIdOf('---\ntitle: x\n---\noffprint-id: abc123\n')).toBeNull();
  });
});
