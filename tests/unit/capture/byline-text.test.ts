import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bylineName, bylineWithin } from '../../../electron/core/capture/byline-text';
import { extractArticle } from '../../../electron/core/capture/extract-article';
import { readPageMetadata } from '../../../electron/core/capture/page-metadata';
import { extractFixture } from './extraction-fixtures';

const doc = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;

describe('bylineName', () => {
  it.each([
    ['By Nathan Willis\n    March 25, 2015', 'Nathan Willis'],
    ['Dr. Vahid Osman - Mar 27, 2024', 'Dr. Vahid Osman'],
    ['Haley Hoekstra • March 12, 2025', 'Haley Hoekstra'],
    ['Post by galitsyn » 11. Sep 2024, 18:36', 'galitsyn'],
    ['Outer Armatonisdaristan » Tue Aug 27, 2019 1:47 am', 'Outer Armatonisdaristan'],
    ['Aug 15 Written By Tyler King', 'Tyler King'],
    ['Written By:Cazzy MagennisLast Updated:August 1, 2025', 'Cazzy Magennis'],
    ['Reyan PerumalPublished on July 18, 2025', 'Reyan Perumal'],
    ['Luke KimDecember 17, 2025', 'Luke Kim'],
    ['Nick van Mead2022-11-23T08:10+02:00', 'Nick van Mead'],
    ['BySummer Swann-June 12, 2025', 'Summer Swann'],
    ['Posted by:Idle Cartulary', 'Idle Cartulary'],
    ['Read more about The Upwork Team', 'The Upwork Team'],
    ['drat 1,65511 gold badge1414 silver badges3131 bronze badges', 'drat'],
    ['latawiec Member Joined Oct 28, 2023 Posts 267', 'latawiec'],
    ['Newsdesk news@businessweekly.co.uk', 'Newsdesk'],
    ['"David Kim"', 'David Kim'],
    ['Maria &amp; Katerina', 'Maria & Katerina'],
    ['Par Sébastien Farcis', 'Sébastien Farcis'],
    ['Stephen JesudunsinAI Writer, Embarque', 'Stephen Jesudunsin'],
    ['Mateusz HabernyFounder at Oakywood', 'Mateusz Haberny'],
    ['Liz Kenny\n\t\t\tFormer Engagement Manager', 'Liz Kenny'],
    ['&\n    Zackery Cuevas\n    Writer, Hardware', 'Zackery Cuevas'],
    ['This post was written by Danielle Padula,\nHead of Marketing', 'Danielle Padula'],
    ['Written by Meghan Neville  Content Marketing Coordinator', 'Meghan Neville'],
    ['Keith Barry Senior Autos Reporter', 'Keith Barry'],
    ['David Jackson - FullStack Editorial Team', 'David Jackson'],
    ['Dec. 19, 2025 · Niko Matsakis\n on behalf of the docs group', 'Niko Matsakis'],
    ['Dec 17, 2025Julian K. Arni', 'Julian K. Arni'],
  ])('finds the name in %j', (text, name) => {
    expect(bylineName(text)).toBe(name);
  });

  it.each([
    'Byron Smith',
    'BYRON SMITH',
    'Paramita (Guha) Ghosh',
    'Dieter Hogen with Uta Pippig',
    'June Smith',
    'Maya May',
    'Former Member',
    'Staff',
    'Anonymous',
    'user3080392',
    'beatriz.pinto@hommes.studio',
    'Martin Untersinger (avec Damien Leloup et Morgane Tual)',
    '史蒂文的家_藍天 (stevenhgm)',
    'Jong, Michiel de',
    'Ana MacDonald',
    'Jo Lee, WordPress Editor',
    'The Currency editors',
    'InstaTunnel Team',
    'SolutionsHub Editorial Team',
    'Paul Frew, Home and Digital Security Expert',
  ])('keeps the name %j as it is', (name) => {
    expect(bylineName(name)).toBe(name);
  });

  it.each([
    'Sun Dec 17, 2023 11:23 am',
    'April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm',
    'Last Updated: January 7, 2025',
    'Updated on November 20, 2025',
    '[Submitted on 18 Dec 2025]',
    '2024-03-05',
    '3 days ago',
    'By',
    'Written By',
    'Jun 2 Written By',
    'About the Author',
    'Full Bio',
    'Topic Author',
    '262588213843476',
    'Senior Autos Reporter',
    'March 20, 2023 | Wellness & Prevention',
    'https://www.facebook.com/someone',
    '',
  ])('finds no name in %j', (text) => {
    expect(bylineName(text)).toBeNull();
  });
});

const POSTS = Array.from(
  { length: 4 },
  (_, i) => `<div class="post"><p class="author"><a href="#p${i}">Sun Dec 17, 2023 11:2${i} am</a></p>
    <div class="content">${'This is what I found when I tried the setting on my own board, and it still did not work. '.repeat(4)}</div></div>`,
).join('');

describe('the byline of a page', () => {
  it('is never a date, even where a byline element holds only the post date', () => {
    const article = extractArticle(
      `<html><head><title>Turning off all LEDs</title></head><body><h1>Turning off all LEDs</h1>${POSTS}</body></html>`,
      'https://forum.test/viewtopic?t=1',
    );
    expect(article.byline).toBeNull();
  });

  it('comes from the JSON-LD of a forum thread, before the byline element', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'DiscussionForumPosting',
      headline: 'Turning off all LEDs',
      author: { '@type': 'Person', name: 'b.scherer' },
      datePublished: '2023-12-17T11:23:00Z',
    };
    const article = extractArticle(
      `<html><head><title>Turning off all LEDs</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><h1>Turning off all LEDs</h1>${POSTS}</body></html>`,
      'https://forum.test/viewtopic?t=1',
    );
    expect(article.byline).toBe('b.scherer');
  });

  it('follows an author given by "@id" to the Person in the graph, and reads a question page’s asker', () => {
    const graph = {
      '@graph': [
        { '@type': 'WebPage', '@id': 'https://s.test/#page', author: { '@id': 'https://s.test/#ana' } },
        { '@type': 'Person', '@id': 'https://s.test/#ana', name: 'Ana Writer' },
      ],
    };
    const page = doc(`<head><script type="application/ld+json">${JSON.stringify(graph)}</script></head><body></body>`);
    expect(readPageMetadata(page, 'https://s.test/').byline).toBe('Ana Writer');
    const qa = {
      '@type': 'QAPage',
      mainEntity: {
        '@type': 'Question',
        name: 'How?',
        author: { '@type': 'Person', name: 'asker1' },
        acceptedAnswer: { '@type': 'Answer', author: { name: 'helper' } },
      },
    };
    const qaPage = doc(`<head><script type="application/ld+json">${JSON.stringify(qa)}</script></head><body></body>`);
    expect(readPageMetadata(qaPage, 'https://s.test/').byline).toBe('asker1');
  });

  it('is the thread starter a forum names, before the name of whoever replied', () => {
    const thread =
      '<h1>Which graphics card for 1440p?</h1><ul><li><span class="sr-only">Thread starter</span> <a href="/members/sam.12/">SamuelMIz</a></li></ul>' +
      '<article><div class="byline">Ralston18 Titan</div><p>Reply text.</p></article>';
    expect(readPageMetadata(doc(`<body>${thread}</body>`), 'https://f.test/threads/1').declaredAuthor).toBe(
      'SamuelMIz',
    );
    const plain = '<h1>Story</h1><p>By Jo Lee</p>';
    expect(readPageMetadata(doc(`<body>${plain}</body>`), 'https://s.test/').declaredAuthor).toBeNull();
  });

  it('reads the author a link preview card labels, and an author element that holds only a name <meta>', () => {
    const card =
      '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Tyler Brown">' +
      '<meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 minutes">';
    expect(readPageMetadata(doc(`<head>${card}</head><body></body>`), 'https://s.test/').byline).toBe('Tyler Brown');
    const admin = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="admin">';
    expect(readPageMetadata(doc(`<head>${admin}</head><body></body>`), 'https://s.test/').byline).toBeNull();
    const itemprop =
      '<h1>Hybrid computing</h1><span itemprop="author" itemscope><meta itemprop="name" content="Alphabyte1"></span>';
    expect(readPageMetadata(doc(`<body>${itemprop}</body>`), 'https://s.test/').byline).toBe('Alphabyte1');
  });

  it('is not a reviewer’s name on a product page, and skips an author meta that is a profile address', () => {
    const product = {
      '@type': 'Product',
      name: 'Headphones',
      review: [{ '@type': 'Review', author: { '@type': 'Person', name: 'Happy Buyer' } }],
    };
    const page = doc(
      `<head><meta property="article:author" content="https://www.facebook.com/site"><meta name="parsely-author" content="Luc Editor"><script type="application/ld+json">${JSON.stringify(product)}</script></head><body></body>`,
    );
    expect(readPageMetadata(page, 'https://s.test/').byline).toBe('Luc Editor');
  });
});

describe('the date in a byline', () => {
  it("is the page's date when nothing else states one", () => {
    const paragraph =
      '<p>' + 'The weekly notes cover what changed in the build and why it matters to readers. '.repeat(8) + '</p>';
    const html = `<html><head><title>Build notes</title></head><body><div class="post"><h2>Build notes</h2><div class="byline">Luke Kim · December 17, 2025</div>${paragraph}${paragraph}</div></body></html>`;
    const article = extractArticle(html, 'https://notes.test/build');
    expect(article.byline).toBe('Luke Kim');
    expect(article.publishedTime?.slice(0, 10)).toBe('2025-12-17');
  });
});

describe('an author that is the site itself', () => {
  it('gives way to the person the page shows by a link to their author page or a "By" label', () => {
    const ld = JSON.stringify({
      '@type': 'Article',
      headline: 'Pruning',
      author: { '@type': 'Organization', name: 'Orchard Ledger Ltd' },
    });
    const head = `<meta property="og:site_name" content="Orchard Ledger"><script type="application/ld+json">${ld}</script>`;
    const linked = doc(
      `<head>${head}</head><body><h1>Pruning</h1><p><a href="/authors/marta-okafor">Marta Okafor</a></p></body>`,
    );
    expect(readPageMetadata(linked, 'https://orchard.test/pruning').declaredAuthor).toBe('Marta Okafor');
    const labelled = doc(`<head>${head}</head><body><h1>Pruning</h1><p>By Marta Okafor</p></body>`);
    expect(readPageMetadata(labelled, 'https://orchard.test/pruning').byline).toBe('Marta Okafor');
    // With no one shown on the page, the site is the author it declares.
    const alone = doc(`<head>${head}</head><body><h1>Pruning</h1><p>Text.</p></body>`);
    expect(readPageMetadata(alone, 'https://orchard.test/pruning').byline).toBe('Orchard Ledger Ltd');
  });
});

describe('a byline Readability read whole', () => {
  it('is the name alone that the page names in its metadata, the role, date or share buttons glued to it left out', () => {
    expect(bylineWithin('Harry RabinowitzTech Reporter', 'Harry Rabinowitz')).toBe('Harry Rabinowitz');
    expect(bylineWithin('Yucy3/4/2025 Shares facebook', 'Yucy')).toBe('Yucy');
    expect(bylineWithin('Ashley Biancuzzo, Associate Editor, PCWorld', 'Ashley Biancuzzo')).toBe('Ashley Biancuzzo');
  });

  it('stays whole with another author after the name, or when the metadata names someone it does not hold', () => {
    expect(bylineWithin('Jo Lee and Ann Smith', 'Jo Lee')).toBe('Jo Lee and Ann Smith');
    expect(bylineWithin('Alexandre Hervaud et Jérémy Piette', 'Alexandre Hervaud')).toBe(
      'Alexandre Hervaud et Jérémy Piette',
    );
    expect(bylineWithin('Jo Lee & Ann Smith', 'Jo Lee')).toBe('Jo Lee & Ann Smith');
    expect(bylineWithin('Jo Lee', 'Site Staff')).toBe('Jo Lee');
    expect(bylineWithin('ibby', 'Site Staff')).toBe('ibby');
    expect(bylineWithin(null, 'Jo Lee')).toBe('Jo Lee');
  });

  it('gives way to the name the metadata found when it reads as a phrase or names the site', () => {
    expect(bylineWithin('Also from this author', 'Jeffrey Zeldman')).toBe('Jeffrey Zeldman');
    expect(bylineWithin('How we reviewed this article', 'Jillian Kubala, MS, RD')).toBe('Jillian Kubala, MS, RD');
    expect(bylineWithin('Best cheap earbuds under $50', 'Bart Breij')).toBe('Bart Breij');
    expect(bylineWithin('Transfer Orbit', 'Andrew Liptak', 'Transfer Orbit')).toBe('Andrew Liptak');
  });

  it('gives the title, the date and the author a page shows rather than declares', () => {
    const { article, text } = extractFixture(
      'article-metadata-in-the-page.html',
      'https://desknotes.test/guides/standing-desk',
    );
    expect(article.title).toBe('Choosing a standing desk: what to measure before you buy');
    expect(article.publishedTime?.slice(0, 10)).toBe('2025-03-04');
    expect(article.byline).toBe('Rosa Lindqvist');
    expect(text).toContain('Start with your elbow height');
    expect(text).toContain('Finally, check the frame for wobble');
  });
});
