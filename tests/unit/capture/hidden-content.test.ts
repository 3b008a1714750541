import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isCallToAction } from '../../../electron/core/capture/boilerplate';
import { mainRegion } from '../../../electron/core/capture/main-region';
import { htmlToText, sanitizeArticleHtml } from '../../../electron/core/capture/sanitize-article';
import { inlineStreamedSegments } from '../../../electron/core/capture/streamed-html';
import { expectInOrder, extractFixture, readFixture } from './extraction-fixtures';
import { extractArticle } from '../../../electron/core/capture/extract-article';

describe('documentation: tabs, anchored sections and code blocks', () => {
  const url = 'https://parcelgate.test/handbook/cli/install';

  it('keeps every tab panel with code, not a hidden panel without, nor the comments', () => {
    const { text, body } = extractFixture('documentation-tabs-and-anchors.html', url);
    const code = [...body.querySelectorAll('pre code')].map((c) => c.textContent);
    expect(code).toEqual([
      'sudo apt install parcelgate-courier',
      'brew install parcelgate/tap/courier',
      'winget install Parcelgate.Courier',
      'courier replay --queue invoices --since 2h\nreplayed 14 letters, 0 failed',
    ]);
    // Each panel opens with its tab's name, the tab bar itself goes.
    expect([...body.querySelectorAll('p > strong')].map((s) => s.textContent)).toEqual(['Linux', 'macOS', 'Windows']);
    expect(text).toMatch(/macOS\s+On a Mac, the Homebrew tap carries every release/);
    expect(text).toContain('winget keeps the tool up to date');
    for (const furniture of [
      'feedback survey',
      'archived queues',
      'saved my weekend',
      'All rights reserved',
      'Webhooks',
    ])
      expect(text).not.toContain(furniture);
  });

  it('keeps a section whose anchor reads like a comment box, with its anchor, and a heading classed as a header', () => {
    const { text, body } = extractFixture('documentation-tabs-and-anchors.html', url);
    expect(text).toContain('Answer each comment in the review itself');
    expect(body.querySelector('#op-respond-to-review-comments h2')?.textContent).toBe('Respond to review comments');
    expect(body.querySelector('h4')?.textContent).toBe('courier replay --queue <name> --since <time>');
    expect(text).toContain('keeps its original identifier');
  });
});

describe('pages streamed by React', () => {
  it('puts each streamed part in its place, instead of the loading placeholder', () => {
    const { text } = extractFixture('article-streamed.html', 'https://harbour.test/news/night-ferry');
    const order = [
      'For ninety years',
      'The night crossings',
      'the petition against it',
      "The ferry's skipper",
      'in March',
    ];
    expectInOrder(text, order);
    expect(text).not.toContain('Loading');
  });

  it('moves a segment nested in a boundary that arrives later, and leaves a page without such scripts alone', () => {
    const html =
      '<main><!--$?--><template id="B:0"></template><p>wait</p><!--/$--></main>' +
      '<div hidden id="S:0"><div><p>outer</p><template id="P:1"></template></div></div><script>$RC("B:0","S:0")</script>' +
      '<div hidden id="S:1"><p>inner</p></div><script>$RS("S:1","P:1")</script>';
    const out = inlineStreamedSegments(html);
    expect(out).toContain('<main><!--$?--><div><p>outer</p><p>inner</p></div><!--/$--></main>');
    expect(out).not.toContain('wait');
    expect(out).not.toContain('hidden id=');
    const plain = '<main><p>Nothing streamed: $RC is only text here.</p></main>';
    expect(inlineStreamedSegments(plain)).toBe(plain);
  });
});

describe('a stray <html><body> in the middle of a page', () => {
  it("does not make the region's HTML lose what came before it", () => {
    const { document } = parseHTML(
      '<html><body><main><h1>Heat pumps</h1><p>The introduction, before the pasted markup.</p>' +
        '<html><body><p>The steps, after it.</p></body></html></main></body></html>',
    ) as unknown as { document: Document };
    const region = mainRegion(document, { commentsAreContent: false, keepLinkLists: false });
    const text = htmlToText(sanitizeArticleHtml(region.html));
    expect(text).toContain('The introduction, before the pasted markup.');
    expect(text).toContain('The steps, after it.');
  });
});

describe('a short story written as a guide of separate steps', () => {
  it('keeps every step, not only the introduction Readability picked', () => {
    const { article, text, body } = extractFixture(
      'article-guide-sections.html',
      'https://warmhomes.test/2025/heat-pump-seven-steps',
    );
    expect(article.extraction).toBe('region');
    expect(text).toContain('cheap to run, quiet, safe');
    expect(text).toContain('default choice for new houses');
    expect([...body.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Step 1: Measure the room',
      'Step 2: Check the insulation',
      'Step 3: Choose the outdoor spot',
      'Step 4: Compare three quotes',
      'Step 5: Plan the first winter',
      'Step 6: Claim the grant',
      'Step 7: Service it every year',
    ]);
    expect(text).not.toContain('Warm Homes');
  });
});

describe('a page of stacked sections that names no author', () => {
  const url = 'https://northgate.test/services/security-consulting';

  it('keeps every section, not only the biggest one Readability picked', () => {
    const { article, body } = extractFixture('service-stacked-sections.html', url);
    expect(article.extraction).toBe('region');
    expect([...body.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Risk assessment',
      'Architecture review',
      'Workshops for security teams',
      'Cloud security maturity',
      'Zero trust advisory',
      'Threat intelligence',
      'Incident readiness',
      'How an engagement works',
      'Industries we serve',
      'Our team',
    ]);
  });

  it("leaves a signed story's Readability article alone", () => {
    const signed = readFixture('service-stacked-sections.html').replace(
      '</head>',
      '<meta name="author" content="Jo Lee"></head>',
    );
    expect(extractArticle(signed, url).extraction).toBe('readability');
  });
});

describe('ad labels and a contents box title', () => {
  it('are furniture as a line of their own, not inside a sentence', () => {
    for (const line of [
      'Advertisement',
      'ADVERTISEMENT - CONTINUE READING BELOW',
      'Article continues below',
      'Table of Contents',
      'In this article',
      'Inhaltsverzeichnis',
    ])
      expect(isCallToAction(line), line).toBe(true);
    expect(isCallToAction('The advertisement ran in 1984')).toBe(false);
    expect(isCallToAction('Contents of the starter kit')).toBe(false);
  });
});
