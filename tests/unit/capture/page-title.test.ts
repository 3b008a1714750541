import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { headingText } from '../../../electron/core/capture/heading-text';
import { readPageMetadata } from '../../../electron/core/capture/page-metadata';
import { pageTitle, withoutSiteName, withoutSubtitle } from '../../../electron/core/capture/page-title';
import { jsonLdTitle, readabilityTitle } from '../../../electron/core/capture/readability-title';
import { extractFixture } from './extraction-fixtures';

const doc = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;

/** The title of a page given its <head> and <body>, as the extraction names it. */
function titleOf(head: string, body: string, url = 'https://news.test/2025/story', readabilitys: string | null = null) {
  const meta = readPageMetadata(doc(`<html><head>${head}</head><body>${body}</body></html>`), url);
  return pageTitle(meta.titleClues!, url, readabilitys);
}

describe('the page title', () => {
  it('cuts "Headline | Site" to the headline its <h1> confirms, however short', () => {
    expect(titleOf('<title>Pricing | Acme Cloud</title>', '<h1>Pricing</h1>')).toBe('Pricing');
    expect(titleOf('<title>Acme Cloud: Pricing</title>', '<main><h1>Pricing</h1></main>')).toBe('Pricing');
  });

  it('cuts it to the part its og:title confirms when there is no <h1>', () => {
    const head = '<title>Widgets: Manual: 18: SELECT</title><meta property="og:title" content="SELECT">';
    expect(titleOf(head, '<p>text</p>')).toBe('SELECT');
  });

  it('writes the headline as the <h1> does, spelled the same as the title part', () => {
    expect(
      titleOf('<title>Remote Full-Stack Jobs | Job Board</title>', '<h1><span>Remote</span><br>Full-Stack Jobs</h1>'),
    ).toBe('Remote Full-Stack Jobs');
    expect(titleOf('<title>Tips for online success</title>', '<h1>TIPS FOR ONLINE SUCCESS</h1>')).toBe(
      'TIPS FOR ONLINE SUCCESS',
    );
  });

  it('drops a label or a section the <h1> holds and the titles leave out, but not a subtitle after a colon', () => {
    const thread = '<title>How to fix the boiler - Heating - Home Forum</title>';
    expect(titleOf(thread, '<h1>Thread: How to fix the boiler</h1>')).toBe('How to fix the boiler');
    const subtitled = '<h1>Plumbing tips to save money: 11 ways</h1>';
    expect(titleOf('<title>Plumbing tips to save money | Pipe Co</title>', subtitled)).toBe(
      'Plumbing tips to save money: 11 ways',
    );
  });

  it('never takes an <h1> that names the site: its og:site_name, or the title part it is', () => {
    const site = '<meta property="og:site_name" content="Silicon Notes">';
    expect(titleOf(`<title>Open flow for logic</title>${site}`, '<h1>Silicon Notes</h1>')).toBe('Open flow for logic');
    expect(titleOf('<title>Defining traits - The Widget Book</title>', '<h1>The Widget Book</h1>')).toBe(
      'Defining traits',
    );
    expect(
      titleOf(
        '<title>Lessons Learned: The lean startup</title><meta property="og:title" content="The lean startup">',
        '<h1>Lessons Learned</h1>',
      ),
    ).toBe('The lean startup');
  });

  it('keeps the title when a lone <h1> says something else: a slogan or a teaser', () => {
    expect(titleOf('<title>Travel insurance quotes</title>', '<h1>You deserve a calm trip</h1>')).toBe(
      'Travel insurance quotes',
    );
  });

  it('is the headline before the first separator, the <h1> repeating its subtitle or not', () => {
    const { article, text } = extractFixture(
      'article-title-subtitle.html',
      'https://deskwise.test/best-standing-desks',
    );
    expect(article.title).toBe('Best standing desks in 2025');
    expect(text).toContain('What follows — and this is where we changed our minds');
    expect(titleOf('<title>How to fix the boiler / Heating / Home Forum</title>', '<p>text</p>')).toBe(
      'How to fix the boiler',
    );
  });

  it('takes the <h1> with its subtitle when the title keeps only what comes before the colon', () => {
    const head = '<title>Graphic Design vs. Web Design | State Online</title>';
    expect(titleOf(head, '<h1>Graphic design vs. web design: Which program is right for you?</h1>')).toBe(
      'Graphic design vs. web design: Which program is right for you?',
    );
    // What follows the title's words without a colon is no subtitle: the title stays.
    expect(
      titleOf('<title>Identity Theft Protection | Shield</title>', '<h1>Identity Theft Protection Plus</h1>'),
    ).toBe('Identity Theft Protection Plus');
    expect(titleOf('<title>Cloud HR Software | Acme</title>', '<h1>Cloud HR Software that grows with you</h1>')).toBe(
      'Cloud HR Software',
    );
  });

  it('of several <h1>s, takes the one the title names, even outside the main content', () => {
    const head = '<title>A Complete Guide to Furniture Styles | Studio</title>';
    const body =
      '<header><h1>A Complete Guide to Furniture Styles</h1></header>' +
      '<main><h1>A Short Guide to Popular Furniture Styles</h1><p>text</p></main>';
    expect(titleOf(head, body)).toBe('A Complete Guide to Furniture Styles');
  });

  it('leaves out soft hyphens and direction marks the page wrote into its headline', () => {
    expect(
      titleOf('<title>Home Repair Assistance Program</title>', '<h1>Home Repair Assis\u00adtance Program</h1>'),
    ).toBe('Home Repair Assistance Program');
    expect(titleOf('<title>\u202aAda Lovelace\u202c - Scholar Profiles</title>', '<p>text</p>')).toBe(
      'Ada Lovelace - Scholar Profiles',
    );
  });

  it('takes the og:title over several <h1>s that it names none of', () => {
    const head = '<title>x</title><meta property="og:title" content="Seven secrets of hotels">';
    expect(titleOf(head, '<h1>The seven secrets of hotels</h1><h1>Read more</h1>')).toBe('Seven secrets of hotels');
  });

  it('takes the <h1> that ends "Site | Headline", which names the page and not the site', () => {
    const title = 'Tastebud | Seven catering trends for 2024';
    const head = `<title>${title}</title><meta property="og:title" content="${title}"><meta property="og:site_name" content="Tastebud">`;
    // Readability takes a declared title as it is.
    expect(titleOf(head, '<main><h1>Seven catering trends for 2024</h1></main>', undefined, title)).toBe(
      'Seven catering trends for 2024',
    );
  });

  it("of several <h1>s the og:title names, takes the one written as the title writes it, the maker's name and all", () => {
    const title = 'Acme Switch – OLED Model - Acme - Official Site';
    const head = `<title>${title}</title><meta property="og:title" content="${title}">`;
    const body =
      '<main><h1>Acme Switch - OLED Model</h1><h1>Acme Switch – OLED Model</h1><h1>Three ways to play</h1></main>';
    expect(titleOf(head, body, 'https://www.acme.test/switch/oled', title)).toBe('Acme Switch – OLED Model');
  });

  it('writes a name as the title does when the <h1> only adds a trademark sign', () => {
    const head = '<title>Crusher ANC 2 | Sound Co</title>';
    expect(titleOf(head, '<main><h1>Crusher® ANC 2</h1></main>')).toBe('Crusher ANC 2');
  });

  it('leaves out what the <h1> adds after the headline: the source and count of comments, or its byline', () => {
    const head = '<title>Graduates find their degrees no longer guarantee jobs - Tech News</title>';
    expect(titleOf(head, '<h1>Graduates find their degrees no longer guarantee jobs (example.com) 87</h1>')).toBe(
      'Graduates find their degrees no longer guarantee jobs',
    );
    const byline = '<h1>Top strategies to secure a network <span>Posted on by jo</span></h1>';
    expect(titleOf('<title>Top strategies to secure a network</title>', byline)).toBe(
      'Top strategies to secure a network',
    );
    // A tail in words is the <h1>'s own: "(With Confidence!)".
    expect(
      titleOf(
        '<title>How to use gym equipment | Gym Co</title>',
        '<h1>How to use gym equipment (with confidence!)</h1>',
      ),
    ).toBe('How to use gym equipment (with confidence!)');
  });

  it("takes the main content's <h1>, however long, when the title is the site's name and a slogan that shares none of its words", () => {
    const head = '<title>Threadly - The heart of the internet</title>';
    const url = 'https://www.threadly.test/r/cooking/comments/1x2y/pan/';
    const long = `Enameled cast iron pan and metal utensils: ${'what every cook should know before buying one '.repeat(4)}`;
    expect(titleOf(head, '<main><h1>Enameled Cast Iron Pan and Metal</h1></main>', url)).toBe(
      'Enameled Cast Iron Pan and Metal',
    );
    expect(titleOf(head, `<main><h1>${long.trim()}</h1></main>`, url)).toBe(long.trim());
    // On the home page the slogan is the page's.
    expect(titleOf(head, '<main><h1>Popular posts</h1></main>', 'https://www.threadly.test/')).not.toBe(
      'Popular posts',
    );
  });

  it('takes the first <h2> of a page without <h1> when the document title names it among its parts', () => {
    const head = '<title>Boardville • View topic - 2025-26 Football Season: MLS is Back!</title>';
    const body = '<h2>2025-26 Football Season: MLS is Back!</h2><p>post</p><h2>Who is online</h2>';
    expect(titleOf(head, body, 'https://forum.boardville.test/viewtopic.php?t=4')).toBe(
      '2025-26 Football Season: MLS is Back!',
    );
  });

  it('takes the name an <h1> sets before its tagline or format, when the titles name only that', () => {
    const head = '<title>Black Edition | Meal Replacement Protein Powder | Fuelco</title>';
    expect(titleOf(head, '<h1>Black Edition<span class="tagline">Complete high-protein powder meal</span></h1>')).toBe(
      'Black Edition',
    );
    const book = '<title>Small Steps: A Way to Build Good Habits: Lee, Jo: 9780000000000: Shop.test: Books</title>';
    const body =
      '<main><h1>Follow the author</h1><h1><span>Small Steps: A Way to Build Good Habits</span> <span>Hardcover – October 16, 2018</span></h1></main>';
    expect(titleOf(book, body, 'https://shop.test/dp/1')).toBe('Small Steps: A Way to Build Good Habits');
  });

  it('takes the <h1> when the titles say nothing but the site name', () => {
    const head = '<title>| Volts Magazine</title><meta property="og:site_name" content="Volts Magazine">';
    expect(titleOf(head, '<h1>Electronic Gadgets</h1>', 'https://voltsmagazine.test/category/gadgets')).toBe(
      'Electronic Gadgets',
    );
    expect(
      titleOf('<title>AI Assistants - Smartco</title>', '<h1>Access company knowledge</h1>', 'https://smartco.test/ai'),
    ).toBe('AI Assistants');
  });

  it('gives the title of a page whose <title> starts with the site name, and the byline glued to a date and a role', () => {
    const { article } = extractFixture(
      'article-site-first-title-and-role-byline.html',
      'https://orchardledger.test/trees/winter-pruning',
    );
    expect(article.title).toBe('Winter pruning for young apple trees');
    expect(article.byline).toBe('Marta Okafor');
    expect(article.publishedTime?.slice(0, 10)).toBe('2025-12-17');
    expect(article.textContent).toContain('A young apple tree is shaped in its first four winters.');
    expect(article.textContent).not.toContain('Senior Garden Writer');
  });
});

describe('the subtitle in a title', () => {
  const url = 'https://news.test/guide';
  it('goes after the first separator when a headline of three words or more stands before it', () => {
    expect(withoutSubtitle('Cheap travel insurance - Flight and trip quotes', [], url)).toBe('Cheap travel insurance');
    expect(withoutSubtitle('Reflections on a UI pipeline - Part 1', [], url)).toBe('Reflections on a UI pipeline');
    expect(withoutSubtitle('What happened in 2024 / General Discussion', [], url)).toBe('What happened in 2024');
  });

  it('stays after a headline of two words or the site name, after a dash the sentence goes on from, and in a range', () => {
    expect(withoutSubtitle('Content Depth — Write about your topics', [], url)).toBe(
      'Content Depth — Write about your topics',
    );
    expect(withoutSubtitle('Tiny Cups - Free care and therapy', ['Tiny Cups'], url)).toBe(
      'Tiny Cups - Free care and therapy',
    );
    expect(withoutSubtitle('I tried the machine — and it may replace my gym', [], url)).toBe(
      'I tried the machine — and it may replace my gym',
    );
    expect(withoutSubtitle('Tech conferences in 2026 / 2027', [], url)).toBe('Tech conferences in 2026 / 2027');
    expect(withoutSubtitle('Rust traits: a gentle guide', [], url)).toBe('Rust traits: a gentle guide');
    expect(withoutSubtitle('HR Cloud: the people platform | Onboarding', [], url)).toBe(
      'HR Cloud: the people platform | Onboarding',
    );
  });
});

describe('the site name in a title', () => {
  it('goes at the end when og:site_name states it or the host name spells it', () => {
    expect(withoutSiteName('Office moves | Brightway Removals', [], 'https://www.brightway.test/x')).toBe(
      'Office moves',
    );
    expect(withoutSiteName('Office moves – The Movers', ['The Movers'], 'https://m.test/x')).toBe('Office moves');
    expect(withoutSiteName('Rates and fees - 2025', [], 'https://bank.test/x')).toBe('Rates and fees - 2025');
    expect(withoutSiteName('Story | Blog | Blog', ['Blog'], 'https://b.test/x')).toBe('Story');
  });

  it('goes at the start of a page but stays on the home page, whose subject it is', () => {
    expect(withoutSiteName('Todo Pro | A list for your day', [], 'https://todopro.test/features')).toBe(
      'A list for your day',
    );
    expect(withoutSiteName('Todo Pro | A list for your day', [], 'https://todopro.test/')).toBe(
      'Todo Pro | A list for your day',
    );
  });

  it('stays before a colon unless it is exactly the site name: "Brand Product: what it does" is a headline', () => {
    expect(withoutSiteName('Acme Rockets: the fastest way up', [], 'https://acme.test/blog/x')).toBe(
      'Acme Rockets: the fastest way up',
    );
    expect(withoutSiteName('Acme: the fastest way up', [], 'https://acme.test/blog/x')).toBe('the fastest way up');
  });
});

describe('heading text', () => {
  it('separates words at line breaks and blocks, and leaves out buttons, dates and the permalink mark', () => {
    const { document } = parseHTML(
      '<h1>News Product<br>Management <button>Copy</button><time>Dec 18</time><div>Course</div> ¶</h1>',
    ) as unknown as { document: Document };
    expect(headingText(document.querySelector('h1')!)).toBe('News Product Management Course');
  });
});

describe("Readability's reading of the <title>", () => {
  const none = { h1s: [], h2s: [] };
  it('drops the last part when enough remains, an en dash included, and keeps a short title whole', () => {
    expect(readabilityTitle('Lorem ipsum dolor sit amet – My website', none)).toBe('Lorem ipsum dolor sit amet');
    expect(readabilityTitle('Get your code covered | Code | Jo', none)).toBe('Get your code covered | Code');
    expect(readabilityTitle('Short one | Site', none)).toBe('Short one | Site');
  });

  it('keeps a colon title a heading repeats, else takes what follows the colon', () => {
    const title = 'This is a long title with a colon: Hello there';
    expect(readabilityTitle(title, { h1s: [title], h2s: [] })).toBe(title);
    expect(readabilityTitle('Site name: the story of the day in town', none)).toBe('the story of the day in town');
  });

  it("takes a JSON-LD article's name, unless only its headline resembles the document's title", () => {
    expect(jsonLdTitle('Name of it', 'The headline here', 'The headline here')).toBe('The headline here');
    expect(jsonLdTitle('Name of it', 'The headline here', 'Something else')).toBe('Name of it');
    expect(jsonLdTitle(null, 'The headline here', '')).toBe('The headline here');
  });
});
