import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/capture/extract-article';

const FIXTURES = join(__dirname, '../../fixtures/extraction');

function extract(name: string, url: string) {
  const article = extractArticle(readFileSync(join(FIXTURES, name), 'utf8'), url);
  const { document } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`) as unknown as {
    document: Document;
  };
  return { article, body: document.body, text: article.textContent };
}

describe('forum threads', () => {
  it('keeps a thread that the board wraps in a moderation form, with its line breaks and separators', () => {
    const { text, body } = extract('forum-board-form.html', 'https://potters.test/board/index.php?topic=5521.0');
    expect(text).toContain('cracked straight across');
    expect(text).toContain('Kiln wash on the top side only');
    expect(text).toContain('the first firing went well');
    expect(text).toContain('slipcaster');
    expect(text).toContain('conesix');
    // The posts' <br> lines stay lines, and the rule between two posts stays.
    expect(text).toContain('nothing large.\n');
    expect(body.querySelectorAll('hr').length).toBe(2);
    expect(text).not.toContain('Username');
    expect(text).not.toContain('Page created in');
  });

  it('keeps the replies under a long opening post: one long post is not the thread', () => {
    const { text } = extract('forum-long-opening-post.html', 'https://hearth.test/t/two-winters-wood-heat/3120');
    expect(text).toContain('how many cubic metres do you burn');
    expect(text).toContain('Lined our north wall with wood fibre boards');
    expect(text).toContain('A second grille at the far end of the landing');
    for (const author of ['stonecroft', 'hearthkeeper', 'ashsplitter', 'oldbeams']) expect(text).toContain(author);
  });
});
