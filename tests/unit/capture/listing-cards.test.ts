import { describe, expect, it } from 'vitest';
import { isCardFurniture } from '../../../electron/core/capture/card-furniture';
import { countCardHeadings, isCardList } from '../../../electron/core/capture/card-headings';
import { extractArticle } from '../../../electron/core/capture/extract-article';
import { paragraphsInRuns } from '../../../electron/core/capture/prose-runs';
import { expectKeptAndGone, extractFixture, readFixture } from './extraction-fixtures';

const PAGE = 'https://courier.test/local';

describe('headings that name cards', () => {
  it('counts a heading as a card title only when it links to another page', () => {
    const html = [
      '<h2>Latest</h2>',
      '<h3><a href="https://courier.test/a">Ferry crossing reopens</a></h3>',
      '<a href="https://courier.test/b"><img src="b.jpg"><h3>Library hours</h3></a>',
      '<h3><a href="#weather">Weather</a></h3>',
      '<h3><a href="https://courier.test/local#tides">Tides</a></h3>',
      '<h3>Harbour <a href="https://courier.test/c">market</a> returns this week</h3>',
    ].join('');
    expect(countCardHeadings(html, PAGE)).toEqual({ headings: 6, linked: 2 });
  });

  it('takes a region for cards only with several linked headings, most of its headings', () => {
    const card = (n: number) => `<h3><a href="https://courier.test/${n}">Story number ${n}</a></h3><p>Text.</p>`;
    const cards = Array.from({ length: 8 }, (_, n) => card(n)).join('');
    expect(isCardList(cards, PAGE)).toBe(true);
    expect(isCardList(Array.from({ length: 4 }, (_, n) => card(n)).join(''), PAGE)).toBe(false);
    const sections = Array.from({ length: 8 }, (_, n) => `<h2>Section ${n}</h2><p>Prose.</p>`).join('');
    expect(isCardList(cards + sections, PAGE)).toBe(false);
  });
});

describe('listings Readability reads as one block', () => {
  it('keeps every section of cards on a section front that calls itself an article', () => {
    const { article, body, text } = extractFixture('listing-card-sections.html', PAGE);
    expect(article.extraction).toBe('region');
    for (const title of [
      'Council votes to reopen the old ferry crossing',
      'School meals contract goes to a local cooperative',
      'The last lighthouse keeper of Gull Point remembers',
      'What the flood taught the town about its river',
      '1962: the winter the estuary froze',
      '2003: the tram that never came',
    ])
      expect(text).toContain(title);
    expect([...body.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Latest',
      'Features',
      'From the archive',
    ]);
    expect(body.querySelectorAll('h3 a')).toHaveLength(15);
    for (const furniture of ['Subscribe', 'morning briefing', 'Older stories', 'Privacy', 'Opinion'])
      expect(text).not.toContain(furniture);
  });

  it('keeps a story Readability found beside a long run of linked headlines: a story is not a card', () => {
    const sentence = 'The ferry crossing reopened this morning after eleven months of repairs to the slipway. ';
    const paragraphs = Array.from({ length: 6 }, (_, n) => `<p>${n + 1}. ${sentence.repeat(3)}</p>`).join('');
    const related = Array.from(
      { length: 30 },
      (_, n) =>
        `<div><h3><a href="https://courier.test/more/${n}">Another story from the harbour, number ${n}</a></h3>` +
        `<p>${sentence}</p></div>`,
    ).join('');
    const html =
      '<html><head><title>Ferry returns</title><meta property="og:type" content="article"></head><body>' +
      `<main><article><h1>Ferry returns</h1>${paragraphs}</article><section><h2>More from the harbour</h2>${related}</section></main>` +
      '</body></html>';
    const article = extractArticle(html, PAGE);
    expect(article.extraction).toBe('readability');
    expect(article.textContent).toContain('6. The ferry crossing');
    expect(article.textContent).not.toContain('Another story from the harbour');
  });

  it("keeps every card when Readability's block is one group of their captions, without their titles", () => {
    const { article, text } = extractFixture('listing-excerpt-cards.html', 'https://courier.test/sections/science');
    expect(article.extraction).toBe('region');
    for (const title of [
      'Tidal power trial off the north pier ends early',
      'Lake ice came later than ever this winter',
      'Air in the high street is cleaner',
      'The old quarry glows at night',
    ])
      expect(text).toContain(title);
    expect(text).toContain('cutting the pool');
    expect(text).toContain('Reported by Mara Quist');
    for (const furniture of ['Older stories', 'Harbour Street']) expect(text).not.toContain(furniture);
  });

  it('counts only the long paragraphs that follow one another as a story', () => {
    const long = (n: number) => `<p>${'The ferry crossing reopened after months of repairs. '.repeat(4)}${n}</p>`;
    expect(paragraphsInRuns(`<div>${long(1)}${long(2)}\n${long(3)}</div><p>Short.</p>${long(4)}`)).toBe(3);
    const cards = Array.from(
      { length: 6 },
      (_, n) => `<article><h2><a href="/${n}">Title</a></h2>${long(n)}</article>`,
    );
    expect(paragraphsInRuns(cards.join(''))).toBe(0);
  });

  it('lets Readability read a "collection" that shows no prices, as any listing', () => {
    const url = 'https://kitchen.test/category/tomato-sauce';
    const { article, text } = extractFixture('listing-unpriced-collection.html', url);
    expect(article.extraction).toBe('readability');
    expect(text).toContain('Five sauces we come back to all year');
    for (const title of [
      'Slow-roasted tomato sauce',
      'Arrabbiata with dried chillies',
      'Fresh tomato sauce for summer',
    ])
      expect(text).toContain(title);
    expect(text).not.toContain('Baking');
    // With prices it is a shop's collection: its region is the page, without asking Readability.
    const priced = readFixture('listing-unpriced-collection.html').replaceAll('Serves 4', '£4.50 a portion');
    expect(extractArticle(priced, url).extraction).toBe('region');
  });

  it("leaves out each card's small print (when posted, how long it reads, its comments) and keeps the cards", () => {
    const { article, text } = extractFixture('listing-card-small-print.html', 'https://courier.test/blog/local');
    expect(article.extraction).toBe('region');
    for (const kept of [
      'Harbour ferry returns after eleven months',
      'The crossing reopens on Monday',
      'Night buses added for the festival',
      'Extra services run every half hour',
      'By Mara Quist',
    ])
      expect(text).toContain(kept);
    for (const gone of ['5 hours ago', '1 day ago', '4 min read', '12 comments', 'Older stories', 'Privacy'])
      expect(text).not.toContain(gone);
  });
});

describe("a card's small print", () => {
  it('is the whole text of a short block, in several languages', () => {
    for (const text of ['5 hours ago', 'about 1 hour ago', '3d ago', '7 min read', '44 reactions', '1.2k views'])
      expect(isCardFurniture(text)).toBe(true);
    for (const text of ['vor 3 Stunden', 'il y a 2 jours', 'hace 5 horas', '2 giorni fa', '3 uur geleden'])
      expect(isCardFurniture(text)).toBe(true);
    for (const text of [
      'Posted 5 hours ago, the ferry left',
      'The 44 reactions to the plan',
      '$36',
      '4.5 out of 5 stars',
    ])
      expect(isCardFurniture(text)).toBe(false);
  });
});

describe('prices shown beside their spoken copy', () => {
  it("keeps a collection card's shown price, hidden from screen readers, and leaves out the spoken copy", () => {
    const { article, text } = extractFixture(
      'collection-sale-prices.html',
      'https://bush.test/collections/outdoor-gear',
    );
    expect(article.extraction).toBe('region');
    for (const kept of ['Canvas gear bag, large', '$30.00', '$21.00', 'Roof rack awning', '$235.00', '$164.50'])
      expect(text).toContain(kept);
    for (const gone of ['Original price was', 'Current price is', 'About us', 'Privacy'])
      expect(text).not.toContain(gone);
  });
});

describe('labels that only a style sheet sets apart', () => {
  it('parts touching inline labels, shows a twin badge once and keeps a drop cap in its word', () => {
    const { article, text } = extractFixture('listing-touching-labels.html', 'https://reel.test/archive/most-watched');
    expect(article.extraction).toBe('region');
    expect(text).toContain('2026 1h 54m PG-13');
    expect(text).toContain('2025 2h 11m R');
    expect(text).not.toMatch(/\d{4}\dh|m(PG|R)\b/);
    expect(text.match(/\bNEW\b/g)).toHaveLength(2);
    expect(text).toContain('Three strangers miss the last boat');
    for (const title of [
      'The Lantern Keeper',
      'Ferry at Dawn',
      'Salt and Iron',
      'The Quiet Harbour',
      'North Light',
      'Gull Point',
    ])
      expect(text).toContain(title);
    expect(text).not.toContain('Privacy');
  });
});

describe('cards the page wraps in a form or names as a widget', () => {
  it("keeps a profile's works, listed in a form to sort them, and cards whose titles a call-to-action widget names", () => {
    const { body, text } = extractFixture('listing-works-form-and-card-titles.html', 'https://lab.test/people/ada');
    expectKeptAndGone(
      text,
      [
        'Learning to read tide tables with small networks',
        'A Moreau, C Lindqvist, D Haddad',
        'Data in Marine Science 2, 33-41, 2024',
        'North Marsh Boardwalk',
        'Guided walks only: the tide comes in faster than a person can run.',
      ],
      ['Sign in to follow this author', 'Password', 'View map', 'All rights reserved'],
    );
    expect(body.querySelectorAll('tr').length).toBeGreaterThanOrEqual(12);
    expect([...body.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
      'North Marsh Boardwalk',
      'Harbour Wall Path',
      'Dune Ridge Trail',
      'Estuary Mudflats Walk',
    ]);
  });
});

describe('lines of links inside cards', () => {
  it("keeps each paper's number line and line of authors in a list of papers, not the columns of links below it", () => {
    const { body, text } = extractFixture('listing-card-link-lines.html', 'https://fieldnotes.test/list/soil/recent');
    expectKeptAndGone(
      text,
      [
        'Earthworm burrows carry rainwater twice as deep in untilled fields',
        'Mira Olsen, Tomas Varga, Ines Cole',
        'Hugo Brandt',
        'Yuki Sato, Bruno Lopes, Greta Holm',
        'Subjects: Soil Ecology; Archaeology',
        '[6] Paper 2611.00006 [pdf, html]',
      ],
      ['Moderators', 'Licences', 'Contact us'],
    );
    expect(body.querySelectorAll('a[href*="author="]')).toHaveLength(15);
  });
});
