import { describe, expect, it } from 'vitest';
import { removeArticleFurniture } from '../../../electron/core/capture/article-furniture';
import { isCallToAction } from '../../../electron/core/capture/boilerplate';
import { extractArticle } from '../../../electron/core/capture/extract-article';
import { isPromoBox, promoNameWords } from '../../../electron/core/capture/promo-boxes';
import { isStoryAside } from '../../../electron/core/capture/story-asides';
import { bodyOf, extractFixture } from './extraction-fixtures';

describe("a site's pitches inside a story", () => {
  it('leaves out the call-to-action and donation boxes, button links and pitch sentences, and keeps the story', () => {
    const { text, body } = extractFixture('article-promo-boxes.html', 'https://orchard.test/2025/winter-prune');
    expect(text).toContain('grows into a thicket');
    expect(text).toContain('easy to tell from the thin, pointed leaf buds');
    expect(text).toContain('Where to cut first');
    expect(text).toContain('a shape you can pick from a short ladder');
    for (const pitch of [
      'Posted by Tomas Berg',
      'Want a bigger harvest',
      'planting calendar',
      'Buy the saw',
      'Support Orchard Letters',
      'chip in what you can',
      'Sign up for our newsletter',
      'Already have an account',
    ])
      expect(text, pitch).not.toContain(pitch);
    expect(body.querySelectorAll('p').length).toBe(4);
    expect(body.querySelector('h2')?.textContent).toBe('Where to cut first');
  });

  it("takes a list named as the site's menu out of Readability's block, not the story's own list of links", () => {
    const prose =
      '<p>' +
      'Pruning opens the crown to light and air, and the tree answers with fewer, larger apples. '.repeat(6) +
      '</p>';
    const links = (names: string[]) => names.map((name) => `<li><a href="/${name}">${name}</a></li>`).join('');
    const body = bodyOf(
      `<div>${prose}<ul id="menu-mobile-main" class="site-menu">${links(['Courses', 'Current students', 'Alumni'])}</ul>` +
        `<p>Further reading:</p><ul>${links(['Saws', 'Ladders', 'Sealants'])}</ul>${prose}</div>`,
    );
    removeArticleFurniture(body, true, true);
    expect(body.textContent).not.toContain('Current students');
    expect(body.textContent).toContain('Ladders');
    // On any kind of page but a thread, whose posts keep their own boxes.
    const page = bodyOf(`<div>${prose}<ul class="site-menu">${links(['Courses', 'Current students'])}</ul></div>`);
    removeArticleFurniture(page, true, false);
    expect(page.textContent).not.toContain('Current students');
    const thread = bodyOf(`<div>${prose}<ul class="site-menu">${links(['Courses', 'Current students'])}</ul></div>`);
    removeArticleFurniture(thread, false, false);
    expect(thread.textContent).toContain('Current students');
  });

  it('knows a pitch box by whole class words, only while it is short and not a section of headed parts', () => {
    const [cta, camel, wrapper, dictate, section] = [
      ...bodyOf(
        '<div class="post-cta"><h4>Want more?</h4><p>Try our planner.</p></div>' +
          '<div class="ctaBanner"><p>Get 20% off your first box.</p></div>' +
          `<div class="content cta-enabled">${'<p>The story goes on and on about trees and their long lives. </p>'.repeat(12)}</div>` +
          '<div class="dictate-note"><p>Dictated, not read.</p></div>' +
          '<section class="landing-row promo"><h3>Courses</h3><p>Start the basics course.</p><h3>Learn</h3><p>Browse the guides.</p></section>',
      ).children,
    ];
    expect(promoNameWords(cta) && isPromoBox(cta, 5000)).toBe(true);
    expect(promoNameWords(camel) && isPromoBox(camel, 5000)).toBe(true);
    expect(promoNameWords(wrapper)).toBe(true);
    expect(isPromoBox(wrapper, 5000)).toBe(false);
    expect(promoNameWords(dictate)).toBe(false);
    expect(promoNameWords(section)).toBe(true);
    expect(isPromoBox(section, 5000)).toBe(false);
  });

  it('knows pitch sentences in several languages, not an author speaking of their own accounts', () => {
    for (const line of [
      'Want more from Example Select? Sign up for our newsletter, The Selection, and shop smarter.',
      'Catch up on our coverage and follow us on Facebook, Instagram and TikTok to stay up to date.',
      'Already have an account? Log in',
      'This article is exclusive to Example+ subscribers',
      'Did you make one of my recipes? Please take a moment to leave a star rating.',
      'This story is funded by readers like you',
      'Posted by David at December 16, 2025 11:15 AM',
      'Folgen Sie uns auf Instagram!',
      'Suivez-nous sur Facebook',
      'Síguenos en Twitter para más recetas',
      'Follow Orchard Letters',
      'In partnership with',
      'Sponsored by Acme Tools',
    ])
      expect(isStoryAside(line), line).toBe(true);
    for (const line of [
      'You might also want to follow me on Bluesky or on Mastodon.',
      'I sign up for the newsletter of every library I visit, and read them all.',
      'The account had already been closed when the bank called.',
      'The study was run in partnership with three hospitals in the north of the country.',
    ])
      expect(isStoryAside(line), line).toBe(false);
  });
});

describe("a pager's place and a view switch", () => {
  it('are calls of their own as a whole line, not inside a sentence', () => {
    for (const line of ['Page 1 of 8', 'Seite 2 von 5', 'View in list', 'View as grid'])
      expect(isCallToAction(line), line).toBe(true);
    for (const line of ['Page 1 of 8 lists the rules', 'View in list form below the map'])
      expect(isCallToAction(line), line).toBe(false);
  });
});

describe('a ticker on a service page', () => {
  it('leaves out the same short words written over and over, and keeps a list of different ones', () => {
    const section = (title: string, text: string) => `<section><h2>${title}</h2><p>${text}</p></section>`;
    const html =
      '<!doctype html><html><head><title>Packaging design | Boxwell</title></head><body><main>' +
      section('Packaging design', 'We design boxes, jars and labels that tell your brand’s story on a crowded shelf.') +
      section('Branding', 'Research, naming and identity, from the first sketch to the printed box.') +
      `<div class="marquee">${'<span>Book now <span>*</span></span>'.repeat(12)}</div>` +
      '<ul><li>Retail boxes</li><li>Food packaging</li><li>Cosmetic jars</li><li>Labels</li><li>Bottles</li><li>Pouches</li></ul>' +
      section('Contact', 'Tell us about your product and we will answer within a day with a first idea and a price.') +
      '</main></body></html>';
    const { textContent } = extractArticle(html, 'https://boxwell.test/services/packaging-design');
    expect(textContent).toContain('crowded shelf');
    expect(textContent).toContain('Cosmetic jars');
    expect(textContent).toContain('answer within a day');
    expect(textContent).not.toContain('Book now');
  });
});
