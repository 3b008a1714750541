import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { removeArticleFurniture } from '../../../electron/core/capture/article-furniture';
import { findChapterContents } from '../../../electron/core/capture/chapter-contents';
import { removeDocumentationFurniture } from '../../../electron/core/capture/documentation-furniture';
import { isCallToAction, isFurniturePhrase } from '../../../electron/core/capture/boilerplate';
import {
  isPostFurniture,
  isPostFurnitureText,
  isScoreVariant,
  removePostFurniture,
} from '../../../electron/core/capture/post-furniture';
import { removeOverlays, stripClutter } from '../../../electron/core/capture/strip-clutter';
import { isBoardNotice, isBotPost, isMachineSummary, linesOf } from '../../../electron/core/capture/thread-asides';
import { isQuote } from '../../../electron/core/capture/quoted-posts';
import { bodyOf, expectInOrder, extractFixture, readFixture } from './extraction-fixtures';
import { extractArticle } from '../../../electron/core/capture/extract-article';

const extract = extractFixture;

describe('forum threads', () => {
  it('writes a poster name once when the card writes it twice (for wide and narrow screens), on each post', () => {
    const { text } = extract('forum-twin-names.html', 'https://fishkeepers.test/viewtopic.php?t=88');
    expectInOrder(text, ['reefkeeper', 'May 3, 2024', 'I keep a quarantine tank', 'gouramigirl', 'Four weeks']);
    expectInOrder(text, ['reefkeeper', 'May 4, 2024', 'Good point about feeding'], text.indexOf('Four weeks'));
    expect(text.split('reefkeeper').length - 1).toBe(2);
    expect(text.split('gouramigirl').length - 1).toBe(1);
  });

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
    expect(body.querySelector('pre code')?.textContent).toContain('segment 3: 150 C/h');
    // The reply's quote copies the post above it: its attribution stays, the copy does not.
    expect(body.querySelector('blockquote')?.textContent).toBe('slipcaster said:');
    expect(text.split('simply old?').length).toBe(2);
    // Each post's statistics, buttons and the board's "Code: Select all" and "Click to expand..." go.
    for (const furniture of [
      'Posts:',
      'Joined:',
      'Reaction score',
      'Moderator',
      'Regular',
      'Quote\n',
      'Report to moderator',
      'Select all',
      'Click to expand',
    ])
      expect(text).not.toContain(furniture);
    expect(text).not.toContain('Username');
    expect(text).not.toContain('Page created in');
  });

  it("keeps comments that the board wraps in forms to edit them, beside its side column, each with its poster's name", () => {
    const { article, text, body } = extract(
      'forum-comment-forms.html',
      'https://allotment.test/g/gardening/comments/k2x/cold_frame_winter_lettuce/',
    );
    expect(article.extraction).toBe('region');
    // The short opening question stays above its long answers.
    expect(text).toContain('Would a cold frame keep lettuce going through January');
    expect(text).toContain('loamwise');
    for (const answer of [
      'buys you roughly one climate zone',
      "lamb's lettuce and winter purslane",
      'a warm, damp hotel for them',
      'minimum and maximum thermometer',
      'think about water as much as warmth',
      'pin it down properly',
    ])
      expect(text).toContain(answer);
    // Each poster's name stays, though its link also opens a menu.
    for (const author of ['brassicabed', 'mulchmonger', 'frostpocket', 'seedtrayjo']) expect(text).toContain(author);
    expect(body.querySelectorAll('p').length).toBeGreaterThanOrEqual(10);
    // The side column (search help, posting rules), the search and reply forms and the buttons go.
    for (const furniture of [
      'search parameters',
      'Posting rules',
      'Be kind to beginners',
      'a community for',
      'Log in to comment',
      'Seed swap season',
      'permalink',
    ])
      expect(text).not.toContain(furniture);
  });

  it('reads a thread that marks its posts as DiscussionForumPosting as a thread, though its og:type says article', () => {
    const { article, text, body } = extract(
      'forum-declared-article.html',
      'https://tinkerers.test/topic/5120/release-notes-version-6',
    );
    expect(article.extraction).toBe('region');
    expect(text).toContain('Version 6 of the board software is out today');
    expect(text).toContain('Translations have moved to a new home');
    for (const reply of ['conversion finished in twenty minutes', 'ninety thousand topics', 'first point release'])
      expect(text).toContain(reply);
    for (const author of ['maintainer', 'gearhead', 'solderblob']) expect(text).toContain(author);
    // The post's own list of links, under its paragraph, is the post's; the site's menus are not.
    expect([...body.querySelectorAll('li')].map((li) => li.textContent?.trim())).toEqual([
      'Pictures in quotes are shown as thumbnails',
      'Topic titles can be edited for an hour after posting',
      'Keyboard shortcuts work in the search box',
    ]);
    for (const furniture of ['Recent', 'Categories', 'Privacy']) expect(text).not.toContain(furniture);
  });

  it('reads a post whose replies are scored comment articles as a thread, and the same page without scores as a story', () => {
    const url = 'https://tidepool.test/post/88120';
    const { article, text } = extract('forum-scored-comment-articles.html', url);
    expect(article.extraction).toBe('region');
    expectInOrder(text, [
      'Here is our regular update',
      'thank you to everyone who tested',
      'saltmarsh',
      'Refusing remote votes is exactly what our small instance needed',
      'harbourmaster',
      'let us know how the setting behaves',
      'kelpforest',
      'How far away is the next point release',
      'driftwood',
      'The stretched thumbnails were driving me mad',
      // The same poster, score and time ago as an earlier reply's header: a second post, not a copy of the first header.
      'kelpforest',
      'looked like a funhouse mirror',
    ]);
    for (const furniture of ['2 years ago', 'Log in', 'About Tidepool', 'Donate'])
      expect(text).not.toContain(furniture);
    // A blog writes its comments as <article class="comment-…"> too, with no score: the story stands alone.
    const blog = extractArticle(
      readFixture('forum-scored-comment-articles.html').replace(/ aria-label="\d+ Upvotes"/g, ''),
      url,
    );
    expect(blog.textContent).toContain('Here is our regular update');
    expect(blog.textContent).not.toContain('Refusing remote votes');
  });

  it('keeps the replies under a long opening post: one long post is not the thread', () => {
    const { text } = extract('forum-long-opening-post.html', 'https://hearth.test/t/two-winters-wood-heat/3120');
    expect(text).toContain('how many cubic metres do you burn');
    expect(text).toContain('Lined our north wall with wood fibre boards');
    expect(text).toContain('A second grille at the far end of the landing');
    for (const author of ['stonecroft', 'hearthkeeper', 'ashsplitter', 'oldbeams']) expect(text).toContain(author);
  });

  it('reads a discussion whose posts are all marked up as comments as a thread, without copied quotes', () => {
    const { article, text, body } = extract(
      'forum-comments-only.html',
      'https://hearth.test/s/k2x9/splitting_green_oak',
    );
    expect(article.extraction).toBe('region');
    for (const author of ['quarrystone', 'fellbeck', 'tarnwood', 'ringporous']) expect(text).toContain(author);
    expect(text).toContain('rounds kept twisting halfway through');
    expect(text).toContain('Knotty crotch pieces are not worth the effort');
    expect(text).toContain('stand the round on a chopping block');
    expect(text).toContain('keen one sticks fast in oak');
    // The reply's quote of the post above it keeps its attribution, not a second copy of the post.
    expect(body.querySelector('blockquote')?.textContent).toBe('fellbeck wrote:');
    expect(text.split('Twisting rounds are nearly always interlocked grain').length).toBe(2);
    // A relative date, the edit note, the "Top" links and the popover prompt go.
    for (const furniture of ['years ago', 'months ago', 'Last edited by', 'Top\n', 'Install this app'])
      expect(text).not.toContain(furniture);
  });

  it("keeps a board's posts written as quotes: a first post repeating the title, a reply's own words beside its quote, each date once", () => {
    const { text, body } = extract('forum-quotes-in-post-blocks.html', 'https://potters.test/showthread.php?t=4410');
    // The first post repeats the thread's title: it is no quote of the heading, and stays whole.
    expectInOrder(text, ['kilnqueen', 'Hello all,', 'Which glaze would you trust', 'Thanks.', 'slipcaster']);
    // The reply's quote (a block named bbcode_quote inside the post's own <blockquote>) keeps its attribution; the reply's words stay.
    expectInOrder(text, ['slipcaster', 'Originally Posted by kilnqueen', 'Buy the commercial liner.', 'wedgeworks']);
    // Once in the heading, once in the first post: not again in the reply's quote.
    expect(text.split('Which glaze would you trust').length - 1).toBe(2);
    expect([...body.querySelectorAll('blockquote')].map((quote) => quote.textContent?.trim())).toContain(
      'Originally Posted by kilnqueen',
    );
    // The date written again beside a share button shows once.
    expect(text.split('03-03-2025, 08:15 AM').length - 1).toBe(1);
    expect(text).not.toContain('Share #3');
    expect(text).toContain('a lemon wedge left on the glaze overnight');
    expect(text).not.toContain('board.errors');
    expect(body.querySelector('code')?.textContent).toBe('{{ cone }}');
    // The board's call to guests to register, in a block named as a call to action, goes.
    expect(text).not.toContain("don't have an account yet");
    expect(text).not.toContain('save bookmarks');
    expect(body.querySelectorAll('hr').length).toBe(3);
  });

  it("keeps a poster's name from a profile card written as a definition list, not the board's list of other questions", () => {
    const { text, body } = extract(
      'forum-profile-cards-and-question-lists.html',
      'https://kilnbuilders.test/viewtopic.php?t=9001',
    );
    expectInOrder(text, ['ovenbird', 'I hear the relay click', 'coilwinder', 'Measure the resistance', 'ovenbird']);
    expectInOrder(text, ["The relay's points were black"], text.indexOf('coilwinder'));
    // The card's rank, counts and profile fields go; its name stays.
    for (const furniture of [
      'Apprentice',
      'Volunteer',
      'Kiln model',
      'Front loader',
      'Controller:',
      'Posts:',
      'Joined:',
    ])
      expect(text).not.toContain(furniture);
    // The card the board drew for a pasted link keeps the linked title, not the page's description or its site.
    expect(body.querySelector('a[href="https://relays.test/burnt-contacts"]')?.textContent?.trim()).toBe(
      'Why a clicking relay can still leave a heater cold',
    );
    expect(text).not.toContain('Contact pitting explained');
    expect(text).not.toContain('relays.test');
    // A reply's subject line ("Re: <title>") goes; the thread's title stays once.
    expect(text).not.toContain('Re: Element relay');
    expect(text.split('Element relay clicks but the kiln stays cold').length - 1).toBe(1);
    // A post's own list of links under its paragraph stays; the board's list of other questions, long titles each, goes.
    expect(body.querySelectorAll('li').length).toBe(3);
    expect(text).toContain('When the thermocouple, not the relay, is the fault');
    for (const other of ['glaze crawl on the rim', 'wooden floor', 'elements last', 'red earthenware'])
      expect(text).not.toContain(other);
  });

  it('knows a quote by its <blockquote> or a class name ending in a quote word, not by a part of one or a script hook', () => {
    const quote = (html: string) => isQuote(bodyOf(html).firstElementChild as Element);
    expect(quote('<blockquote>x</blockquote>')).toBe(true);
    expect(quote('<div class="bbcode_quote">x</div>')).toBe(true);
    expect(quote('<div class="ipsQuote">x</div>')).toBe(true);
    expect(quote('<div class="bbCodeBlock bbCodeBlock--quote">x</div>')).toBe(true);
    expect(quote('<div class="quote_container">x</div>')).toBe(false);
    expect(quote('<div class="ipsQuote_contents">x</div>')).toBe(false);
    expect(quote('<i class="fa-solid fa-quote-left"></i>')).toBe(false);
    expect(quote('<article class="message-body js-selectToQuote">x</article>')).toBe(false);
  });

  it('keeps every post of a thread when one post is mostly a pasted log', () => {
    const { text, body } = extract(
      'forum-pasted-log.html',
      'https://kilntalk.test/forum/kilns/overshoot-last-segment.4411/',
    );
    expect(text).toContain('overshoots the last segment by about ten degrees');
    expect(body.querySelector('pre')?.textContent).toContain('segment 39 overshoot');
    expect(text).toContain('A relay that sticks closed will do exactly that');
    expect(text).toContain('it was the relay all along');
    expect(text).toContain('conesix');
  });

  it('knows edit notes, relative dates, post numbers and written-out timestamps, not a post that starts like one', () => {
    for (const line of [
      'Last edited by Minoa on Wed Aug 28, 2019 11:24 am, edited 1 time in total.',
      'Edited February 27 by Tivimadaim',
      '(see edit history)',
      '13 years, 8 months ago',
      '1 yr1 yr',
      '2y',
      '5d',
      '14h',
      'Post #1 of 7',
      '2019-01-21T21:40:59.62Z+00:00',
      'Find the answer to your question by asking.',
      'Top',
    ])
      expect(isPostFurnitureText(line), line).toBe(true);
    // A <time> is kept for its date, unless its text is the machine value (hidden for programs).
    const times = bodyOf('<time>2021-04-08T04:06:17.467Z+00:00</time><time>Apr 8, 2021</time>').children;
    expect(isPostFurniture(times[0])).toBe(true);
    expect(isPostFurniture(times[1])).toBe(false);
    for (const line of [
      'Edited the video myself and it looked great',
      '3 years ago I bought a kiln',
      '2d6',
      'Top tips for beginners',
    ])
      expect(isPostFurnitureText(line), line).toBe(false);
  });

  it("knows a board's word to guests and its closing notices, not a post that mentions signing in", () => {
    for (const line of [
      'Create an account or sign in to comment',
      "You're browsing the Kiln Talk boards as a guest. Sign up to post.",
      'This topic was automatically closed after 30 days. New replies are no longer allowed.',
      'Sent from my phone using the board app',
      'Start asking to get answers',
    ])
      expect(isFurniturePhrase(line), line).toBe(true);
    expect(isFurniturePhrase('I could not sign in to the kiln controller after the update.')).toBe(false);
    expect(isCallToAction('Expand description')).toBe(true);
  });

  it('keeps each post with its author and date when the author sits in a cell beside the post', () => {
    const { text } = extract(
      'forum-authors-beside-posts.html',
      'https://growers.test/threads/raised-beds-flooding.812/',
    );
    const order = [
      'tidewatcher',
      'Our allotment floods',
      'claybreaker',
      'Thirty centimetres',
      'furrowfox',
      'Dig a shallow trench',
      'tidewatcher',
      'Built two beds',
    ];
    expectInOrder(text, order);
    // Two posts of the same day keep their date each.
    expect(text.split('Mar 2, 2025').length - 1).toBe(2);
    for (const furniture of ['New member', 'Joined', 'Messages', 'Report', 'Similar threads', 'Wood chip paths'])
      expect(text).not.toContain(furniture);
  });

  it("keeps each poster's name from their card, their side column or a header of links, not the rest of the card", () => {
    const { article, text, body } = extract('forum-poster-cards.html', 'https://growers.test/threads/cold-frame.4410/');
    expect(article.extraction).toBe('region');
    // "Discussion in 'Greenhouses' started by marrowfat": the thread's starter is its byline.
    expect(article.byline).toBe('marrowfat');
    const order = [
      'marrowfat',
      'May 2, 2024',
      'My cold frame sits against a south wall',
      'leafmould',
      'May 2, 2024',
      'A hotbed works well',
      'marrowfat',
      'I can get manure from the stables',
      'marrowfat',
      'the hotbed held the frame',
    ];
    expectInOrder(text, order, text.indexOf('My cold frame') - 40);
    // The side column keeps the name alone; the header of links its name and its date.
    expect(body.querySelector('aside')?.textContent?.trim()).toBe('marrowfat');
    // The same poster's card on two posts is no repeat.
    expect(text.split('marrowfat').length - 1).toBeGreaterThanOrEqual(4);
    // A score written three times over keeps the one shown; the count of replies under it goes.
    expect(text).toContain('42 points');
    for (const furniture of [
      '41 points',
      '43 points',
      '(2 children)',
      'Gardener',
      'View threads',
      'Members',
      '412 posts',
      'Joined',
      'Lives in the Fens',
      'Three allotments',
      'Who is online',
      'Users browsing',
      'Posting Rules',
      'may not',
      'BB code',
      'HTML code',
      'The time now is',
    ])
      expect(text, furniture).not.toContain(furniture);
  });

  it("knows a board's lines under a thread and a score's hidden variants, not a post that says as much", () => {
    for (const line of [
      'You may not post attachments',
      'Smilies are On',
      'All times are GMT -5. The time now is 09:12 PM.',
      'Powered by vBulletin® Version 3.8.11',
      '2 weeks later...',
      '(Score:4, Insightful)',
      '(11 children)',
      '$\\begingroup$',
      'Registered User',
      'Attachments',
      '(95.79 KiB) Downloaded 478 times',
      'Advertisement (gone after registration)',
      '{{ board.errors[11793116].message }}',
      'Did this help? Please give feedback by clicking an icon below',
      '1 person likes this.',
      'Logged',
      'Created',
      'last post by nwberm Jun 5, 2024',
      'wrote on',
    ])
      expect(isPostFurnitureText(line), line).toBe(true);
    for (const line of [
      'You may not like this, but the kiln needs venting.',
      'Two weeks later the glaze cracked.',
      'Created a new glaze from the attachments you sent.',
      'Did this help the crawling? It did for me.',
      'The last post by Ann settled it: cone 6 it is.',
      'Ann wrote on the kiln lid in chalk.',
    ])
      expect(isPostFurnitureText(line), line).toBe(false);
    const scores = bodyOf(
      '<p><span>7 points</span><span>8 points</span><span>9 points</span></p><p><span>8 points</span></p>',
    );
    const [low, shown, high] = scores.querySelectorAll('p')[0].children;
    expect([isScoreVariant(low), isScoreVariant(shown), isScoreVariant(high)]).toEqual([true, false, true]);
    expect(isScoreVariant(scores.querySelectorAll('p')[1].children[0])).toBe(false);
    // A poster's statistics under icons whose labels were drawn in them (an SVG's title, gone with it).
    const lists = bodyOf(
      '<dl><dt><i class="icon-calendar"></i></dt><dd>Feb 8, 2017</dd><dt><i></i></dt><dd>1,204</dd></dl>' +
        '<dl><dt><i></i></dt><dd>Glaze: a thin coat of clear over the slip, fired to cone six in an electric kiln</dd></dl>',
    ).querySelectorAll('dl');
    expect(isPostFurniture(lists[0])).toBe(true);
    expect(isPostFurniture(lists[1])).toBe(false);
  });

  it("keeps a short question above its answers, and leaves out what the board adds: a generated summary, a bot's post, its notices", () => {
    const { article, text } = extract('forum-board-additions.html', 'https://bakers.test/questions/5521/starter-smell');
    expect(article.extraction).toBe('region');
    // The question is short beside its answers: the region does not narrow down to the answers.
    const order = [
      'smells sharply of nail varnish',
      'crumb',
      'Posted March 1, 2025',
      'That smell is acetone',
      'levain',
      'Posted March 1, 2025',
      'Mine did the same',
      'proofer',
    ];
    expectInOrder(text, order);
    // Each post's date, written twice in a row for two screen sizes, shows once.
    expect(text.split('Posted March 1, 2025').length - 1).toBe(3);
    for (const furniture of [
      'Click for summary',
      'Discussion overview',
      'Participants discuss',
      'I am a bot',
      'BakeBot',
      'Welcome to',
      'Before you start posting',
      'Create an account',
      'Already have an account',
      'Return to',
      'Recently Browsing',
      'No registered users',
      'Powered by',
      'Copyright',
    ])
      expect(text, furniture).not.toContain(furniture);
  });

  it("knows a generated summary, a bot's signature and a board's notices, not a post that mentions them", () => {
    const html = (markup: string) => bodyOf(markup).firstElementChild as Element;
    expect(isMachineSummary(html('<div id="ai-summary-block"><p>Overview</p></div>'))).toBe(true);
    expect(isMachineSummary(html('<details><summary>AI summary</summary><p>Overview</p></details>'))).toBe(true);
    // A spoiler a poster folded away, or an open summary, is the post's.
    expect(isMachineSummary(html('<details><summary>Spoiler</summary><p>He lives.</p></details>'))).toBe(false);
    expect(isMachineSummary(html('<div class="post-summary"><p>My summary</p></div>'))).toBe(false);
    expect(isBotPost("I'm a bot, and this comment was posted automatically.")).toBe(true);
    expect(isBotPost('I am not a robot, but I do reply to everyone automatically.')).toBe(false);
    expect(isBoardNotice("You're currently browsing the Potters' Board as a guest. Register to post.")).toBe(true);
    expect(isBoardNotice('This forum post is now archived. Commenting has been disabled.')).toBe(true);
    expect(isBoardNotice('I signed up last week and the glaze recipe worked first time.')).toBe(false);
    expect(isBoardNotice('Log in to add kilns to your lists')).toBe(true);
    expect(isBoardNotice('\n  Sign in to follow this thread')).toBe(true);
    expect(isBoardNotice('I had to log in to the controller to add a segment.')).toBe(false);
    expect(linesOf(html('<div>Powered by X<br>Copyright © 2026 X</div>'))).toEqual([
      'Powered by X',
      'Copyright © 2026 X',
    ]);
    expect(linesOf(html('<div>One line</div>'))).toBeNull();
    // A rank the board gives a poster, named after their standing; not a name that links to a profile.
    for (const rank of ['Ultra Member', 'Big Board Owner', 'Editorial Contributor', 'Former Staff', 'Greenhorn'])
      expect(isPostFurnitureText(rank), rank).toBe(true);
    expect(isPostFurnitureText('Ultra Member', true)).toBe(false);
    expect(isPostFurnitureText('Thanks, that fixed it')).toBe(false);
    expect(isPostFurnitureText('Ask the moderator')).toBe(false);
    expect(isPostFurnitureText("Advertisement - Members don't see this ad")).toBe(true);
    expect(isPostFurnitureText('Start a new thread')).toBe(true);
    expect(isPostFurnitureText('Advertisements on the radio were worse back then')).toBe(false);
  });

  it("takes a post's statistics and buttons out of Readability's thread, in several languages, not the poster's name", () => {
    const { document } = parseHTML(`<html><body><div id="thread">
      <div class="post"><a href="/u/1">admin</a><span>Moderator</span><dl><dt>Beiträge:</dt><dd>812</dd><dt>Registriert:</dt><dd>12.03.2019</dd></dl>
        <p>Der Kanal muss vor dem Brennen ganz trocken sein, sonst reißt die Platte.</p><span>Zitieren</span></div>
      <div class="post"><a href="/u/2">tessera</a><div>Messages : 1 077</div><div>Inscrit le : 4 mai 2020</div><div>Sujets: 12<br>Réputation: 7<br>Posts: 116</div>
        <p>Merci, je laisserai sécher deux jours de plus.</p><a href="/r/2">Répondre</a> <span>3 likes</span></div>
    </div></body></html>`) as unknown as { document: Document };
    const thread = document.getElementById('thread')!;
    removePostFurniture(thread);
    const text = (thread.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('admin');
    expect(text).toContain('tessera');
    expect(text).toContain('ganz trocken');
    expect(text).toContain('deux jours de plus');
    for (const furniture of [
      'Moderator',
      'Beiträge',
      '812',
      'Registriert',
      'Zitieren',
      'Messages',
      'Inscrit',
      'Répondre',
      '3 likes',
    ])
      expect(text).not.toContain(furniture);
  });
});

describe('documentation', () => {
  it('keeps code blocks and headings, not hidden help dialogs, the chapter list or the on-page contents', () => {
    const { text, body } = extract('documentation-overlays.html', 'https://parcelgate.test/handbook/retry');
    expect([...body.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Exponential backoff', 'Dead letters']);
    expect(body.querySelector('pre code')?.textContent).toContain('backoff   = "exponential"');
    expect(text).toContain('parcelgate dead-letter replay');
    expect(text).toContain('delivered twice or never');
    for (const furniture of [
      'Keyboard shortcuts',
      'Shortcut sheet',
      'Press G then H',
      'two-minute tour',
      'what you were looking for',
      'On this page',
      'Webhooks',
      'Learn how to contribute',
      'last modified',
      'Previous',
    ])
      expect(text).not.toContain(furniture);
  });

  it('keeps the introduction that sits with the headline in a block named like a site header', () => {
    const { article, text, body } = extract(
      'documentation-intro-in-header-block.html',
      'https://quarry.test/docs/streaming-uploads',
    );
    expect(article.extraction).toBe('readability');
    expect(text).toContain('sends an object to a bucket in parts');
    expect(text).toContain('Quarry stitches the parts together');
    // The introduction comes first, before the first section.
    expect(text.indexOf('Quarry stitches')).toBeLessThan(text.indexOf('Opening an upload'));
    expect([...body.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Opening an upload',
      'Closing an upload',
      'Limits',
    ]);
    expect(body.querySelectorAll('pre code').length).toBe(2);
    // A field's name and its type, laid out side by side in one heading, stay two words.
    expect(body.querySelector('h4')?.textContent).toBe('part_size integer');
    // The headline is the title, not a line of the content; the previous/next bar and the contents box go.
    expect(body.querySelector('h1')).toBeNull();
    for (const furniture of ['Previous', 'Next', 'In this article', 'Buckets', 'Lifecycle rules', 'contribute'])
      expect(text).not.toContain(furniture);
  });

  it("keeps a tutorial's lists of chapters under its headings, not the site's columns of links", () => {
    const { text, body } = extract('documentation-tutorial-index.html', 'https://kilnwise.test/tutorials/glazing/');
    for (const chapter of ['Frits and fluxes', 'Brushing three coats', 'Reading pyrometric cones', 'Slow cooling'])
      expect(text).toContain(chapter);
    // A list under the one short paragraph that opens its section is the section's chapters too.
    expect(text).toContain('Crazing and shivering');
    expect(body.querySelectorAll('ul').length).toBe(4);
    expect([...body.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      '1. Materials',
      '2. Application',
      '3. Schedules',
      '4. Faults',
    ]);
    // The list of links to the page's own sections is its table of contents.
    expect(body.querySelector('a[href^="#"]')).toBeNull();
    for (const furniture of ['Courses', 'Throwing', 'Trimming', 'Trending now', 'Wood kilns', 'Clay prices'])
      expect(text).not.toContain(furniture);
  });

  it('sets help popups and modals aside for Readability, not a link that opens a window', () => {
    const body = bodyOf(`<div id="book-help-popup"><h2>Keyboard shortcuts</h2><p>Press ? to show this help</p></div>
      <div class="modal fade"><p>Sign up for our updates</p></div>
      <main><p>The guide itself, with a <a class="external-popup" href="https://example.test/">reference</a> in it.</p></main>`);
    const overlays = stripClutter(body);
    expect(overlays.map((o) => o.tagName)).toEqual(['DIV', 'DIV']);
    expect(body.textContent).toContain('Keyboard shortcuts');
    removeOverlays(overlays);
    expect(body.textContent).not.toContain('Keyboard shortcuts');
    expect(body.textContent).not.toContain('Sign up');
    expect(body.textContent).toContain('with a reference in it');
  });

  it("takes a documentation page's footer lines and its previous/next links out of Readability's article", () => {
    const article = bodyOf(`<div><h1>Retry policies</h1>
      <p>When a delivery fails, Parcelgate tries again on a schedule that you choose per queue, up to eight times.</p>
      <p>Read the <a href="/limits">limits</a> before you raise it.</p>
      <a href="/contribute">Learn how to contribute</a>
      <p>This page was last modified on Mar 3, 2025 by handbook contributors.</p>
      <div><a href="/queues">« Previous</a></div><div><a href="/webhooks">Next chapter »</a></div></div>`);
    removeArticleFurniture(article);
    const text = article.textContent ?? '';
    expect(text).toContain('up to eight times');
    expect(text).toContain('Read the limits before you raise it.');
    for (const furniture of ['Learn how to contribute', 'last modified', 'Previous', 'Next chapter'])
      expect(text).not.toContain(furniture);
  });

  const CHAPTER_URL = 'https://kilnbook.test/manual/current/glazes.html';
  const CHAPTERS = ['7.1. Mixing a Glaze', '7.2.2. Pouring', '7.4. Keeping a Recipe Book'];
  const MANUAL_FURNITURE = [
    '8. Kilns',
    '9. Firing',
    'Prev',
    'Part II. Making Pots',
    '6.4. Drying Clay',
    'Copyright',
    'Last updated',
  ];

  it("keeps a manual chapter's contents, links to its sections' pages, before its introduction", () => {
    const { article, text, body } = extract('documentation-chapter-contents.html', CHAPTER_URL);
    expect(article.extraction).toBe('readability');
    for (const chapter of CHAPTERS) expect(text).toContain(chapter);
    expect(text.indexOf('7.4. Keeping a Recipe Book')).toBeLessThan(text.indexOf('A glaze is a thin coat'));
    expect(body.querySelector('dl dd dl dt a')?.getAttribute('href')).toBe(
      'https://kilnbook.test/manual/current/glazes-application.html#DIPPING',
    );
    expect(text.split('7.1. Mixing a Glaze').length).toBe(2);
    for (const furniture of MANUAL_FURNITURE) expect(text).not.toContain(furniture);
  });

  it("keeps the chapter's contents and drops the page bars and small print when the region is the article", () => {
    const html = readFixture('documentation-chapter-contents.html').replace(/<p>\s*Every recipe[\s\S]*?<\/p>/, '');
    const article = extractArticle(html, CHAPTER_URL);
    expect(article.extraction).toBe('region');
    for (const chapter of CHAPTERS) expect(article.textContent).toContain(chapter);
    expect(article.textContent).toContain('read the first one before you mix anything');
    for (const furniture of MANUAL_FURNITURE) expect(article.textContent).not.toContain(furniture);
  });

  it('finds no chapter contents in an on-page table of contents or in links after the prose', () => {
    const page = (links: string, after = false) =>
      bodyOf(`<main><div><h1>Glazes</h1></div>${after ? '' : links}
        <p>A glaze is a thin coat of glass fused to the surface of a pot, and it behaves differently on every clay body.</p>
        ${after ? links : ''}</main>`);
    const list = (hrefs: string[]) =>
      `<ul>${hrefs.map((h, i) => `<li><a href="${h}">Part ${i}</a></li>`).join('')}</ul>`;
    const siblings = ['/manual/mixing.html', '/manual/dipping.html', '/manual/faults.html'];
    expect(findChapterContents(page(list(siblings)), 'https://kilnbook.test/manual/glazes.html')).not.toBeNull();
    expect(
      findChapterContents(page(list(['#mixing', '#dipping', '#faults'])), 'https://kilnbook.test/manual/glazes.html'),
    ).toBeNull();
    expect(findChapterContents(page(list(siblings), true), 'https://kilnbook.test/manual/glazes.html')).toBeNull();
    // Links to another part of the site are its navigation, not this chapter's pages.
    expect(
      findChapterContents(page(list(['/blog/a', '/blog/b', '/shop/'])), 'https://kilnbook.test/manual/glazes.html'),
    ).toBeNull();
  });

  it("takes a manual's page bars, its on-page table of contents and its small print out, not its tables, its links to other pages or its sentences about licences and updates", () => {
    const article = bodyOf(`<div>
      <table><tr><td><a href="a.html">Prev</a></td><th>6.4. Drying Clay</th><td><a href="c.html">Next »</a></td></tr></table>
      <p>Updated kilns fire faster; the schedule below was last checked on a gas kiln.</p>
      <p>Copyright law does not cover a glaze recipe, but it covers the way a book writes it down and lays it out.</p>
      <p>The photographs are licensed under the Creative Commons Attribution licence, as their captions say.</p>
      <table><tr><th>Cone</th><th>Page</th></tr><tr><td>6</td><td><a href="firing.html">Firing</a></td></tr></table>
      <table><tr><th>Table of Contents</th></tr><tr><td><dl><dt><a href="#mixing">Mixing</a></dt>
        <dt><a href="#dipping">Dipping</a></dt><dt><a href="#faults">Faults</a></dt></dl></td></tr></table>
      <ul><li><a href="mixing.html">Mixing a glaze</a></li><li><a href="dipping.html">Dipping a pot</a></li>
        <li><a href="faults.html">Reading faults</a></li></ul>
      <p>Stir it for <a href="#mixing">two minutes</a>, then dip the pot for three seconds; see <a href="#faults">faults</a> and <a href="#dipping">dipping</a>.</p>
      <footer><p>© 2026 Kilnbook contributors. CC-BY / MIT</p></footer>
      <p>Except as otherwise noted, the content of this page is licensed under the Creative Commons Attribution 4.0 License.</p>
      <dl><dt>glaze.mix(parts)<a href="_modules/glaze.html"><span>[source]</span></a></dt><dd>Mixes the parts by weight.</dd></dl>
      <h4>pub fn fire(cone: u8)<span><span>1.2.0</span> · <a href="src/kiln.rs.html">Source</a></span></h4>
      <p>The whole <a href="https://code.test/kilnbook">source</a> of the manual is public.</p>
      <p>Last updated 2026-03-05 UTC.</p>
      <div><p>This document describes the current stable version of Kilnbook (5.6). For development docs, <a href="/dev/">go here</a>.</p></div>
      <p>Supported Versions: <a href="/18/glazes.html">Current</a> / <a href="/17/glazes.html">17</a></p>
      <p>Retrieved from "https://kilnbook.test/index.php?title=Glazes&amp;oldid=812"</p></div>`);
    removeDocumentationFurniture(article);
    const text = article.textContent ?? '';
    for (const kept of [
      'Updated kilns fire faster',
      'Copyright law does not cover',
      'The photographs are licensed',
      'Cone',
      // Links to the manual's other pages, and a sentence with links to places on the page, are no table of contents.
      'Reading faults',
      'then dip the pot for three seconds',
      'glaze.mix(parts)',
      'pub fn fire(cone: u8)',
      // A link to the code in a sentence is the sentence's word.
      'The whole source of the manual is public.',
    ])
      expect(text).toContain(kept);
    expect(article.querySelectorAll('table').length).toBe(1);
    for (const furniture of [
      'Prev',
      'Drying Clay',
      'Table of Contents',
      'Mixing\n',
      '© 2026',
      'Except as otherwise noted',
      'Last updated',
      'Supported Versions',
      'current stable version',
      '[source]',
      '1.2.0',
      'Source',
      'Retrieved from',
    ])
      expect(text).not.toContain(furniture);
  });

  it("shows a terminal session's text without the escaped colour markup a script would have drawn, and an HTML lesson's tags as written", () => {
    const { text, body } = extract('documentation-terminal-session.html', 'https://tidepool.test/docs/tutorial/run/');
    const [session, lesson] = [...body.querySelectorAll('pre')].map((pre) => pre.textContent ?? '');
    expect(session).toContain('$ tidepool dev main.py');
    expect(session).toContain("INFO  Watching ['/home/user/app']");
    expect(session).toContain('Application startup complete.');
    for (const markup of ['<font', '</font>', '<u ', '<span', '<b>', '&apos;']) expect(session).not.toContain(markup);
    expect(lesson).toBe('<p><font color="red">Closed on Sundays</font></p>');
    // The label of the toggle shown open is the toggle's, the description under it stays.
    expect(text).not.toContain('Expand description');
    expect(text).toContain('reloads it whenever a file changes');
  });
});
