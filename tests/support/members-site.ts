/**
 * A site with a login on 127.0.0.1: its article shows a teaser to strangers and the whole text
 * to members, and one of its pictures is served to members only (401 without the session).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makePng } from './images';

export const MEMBERS_TITLE = 'The Lighthouse Keepers of Skerry Point';
export const TEASER_SENTENCE = 'Subscribe to read the rest of this story.';
/** A sentence that only members see, and the passage the tests select and highlight in it. */
export const MEMBERS_SENTENCE =
  'Every keeper wrote the weather into the logbook at dawn, and the oldest entries still smell of paraffin.';
export const SELECTED_PASSAGE = 'the oldest entries still smell of paraffin';

const PARAGRAPHS = [
  MEMBERS_SENTENCE,
  'The lamp was lit by hand for ninety years before the first electric lens arrived on a supply boat in the spring.',
  'Families lived in the cottages below the tower, and the children rowed across the sound to school when the sea allowed it.',
  'Storms sometimes cut the point off for weeks, so the store room held flour, tinned fish and enough lamp oil for a winter.',
  'When the light was automated the last keeper stayed on as a caretaker, counting ships from the gallery out of habit.',
  'Today the logbooks sit in the county archive, where visitors can read them by appointment on weekday afternoons.',
];

/** A free article, open to everyone. */
export const NOTES_TITLE = 'Notes from the Harbour Master';
export const NOTES_SENTENCE = 'The harbour master counts forty moorings, and in August every one of them is taken.';

export const PUBLIC_IMAGE = makePng(64, 48, [30, 90, 160]);
export const MEMBERS_IMAGE = makePng(80, 60, [200, 120, 40]);
export const LAZY_IMAGE = makePng(72, 40, [40, 160, 90]);

export interface MembersSite {
  origin: string;
  articleUrl: string;
  /** The free article. */
  notesUrl: string;
  loginUrl: string;
  /** Paths requested, with whether the request carried the member's session. */
  requests: { path: string; member: boolean }[];
  close(): Promise<void>;
}

const SESSION_COOKIE = 'offprint_fixture_session=member';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

export async function startMembersSite(): Promise<MembersSite> {
  const requests: MembersSite['requests'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const member = (req.headers.cookie ?? '').includes(SESSION_COOKIE);
    requests.push({ path, member });
    const html = (status: number, body: string) =>
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    const png = (bytes: Buffer) => res.writeHead(200, { 'content-type': 'image/png' }).end(bytes);
    switch (path) {
      case '/login':
        if (req.method === 'POST') {
          res.writeHead(303, { 'set-cookie': `${SESSION_COOKIE}; Path=/; HttpOnly`, location: '/' }).end();
          return;
        }
        return html(200, page('Log in', '<form method="post" action="/login"><button>Log in</button></form>'));
      case '/':
        return html(200, page('Skerry Gazette', `<p>${member ? 'Welcome back, member.' : 'Please log in.'}</p>`));
      case '/stories/skerry-point':
        return html(200, page(MEMBERS_TITLE, member ? memberArticle() : teaser()));
      case '/stories/harbour-notes':
        return html(200, page(NOTES_TITLE, notesArticle()));
      case '/img/harbour.png':
        return png(PUBLIC_IMAGE);
      case '/img/electric-lens.png':
        return png(LAZY_IMAGE);
      case '/members/img/logbook.png':
        if (!member) return void res.writeHead(401, { 'content-type': 'text/plain' }).end('members only');
        return png(MEMBERS_IMAGE);
      default:
        return html(404, page('Not found', '<p>Not found</p>'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    articleUrl: `${origin}/stories/skerry-point`,
    notesUrl: `${origin}/stories/harbour-notes`,
    loginUrl: `${origin}/login`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(): string {
  return `<header><nav><a href="/">Skerry Gazette</a> · <a href="/login">Log in</a></nav></header>`;
}

function teaser(): string {
  return `${header()}<main><article><h1>${MEMBERS_TITLE}</h1>
    <p>For almost a century a handful of families kept the light burning at Skerry Point.</p>
    <p class="paywall">${TEASER_SENTENCE}</p></article></main>`;
}

function memberArticle(): string {
  const [first, ...rest] = PARAGRAPHS;
  return `${header()}<main><article><h1>${MEMBERS_TITLE}</h1>
    <p class="byline">By Morag Finlay</p>
    <p>For almost a century a handful of families kept the light burning at Skerry Point.</p>
    <figure><img src="/img/harbour.png" alt="The harbour below the tower" width="64" height="48"></figure>
    <p>${first}</p>
    <figure><img src="/members/img/logbook.png" alt="A page of the logbook" width="80" height="60"></figure>
    ${rest
      .slice(0, 2)
      .map((p) => `<p>${p}</p>`)
      .join('\n')}
    <figure><img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/electric-lens.png" alt="The electric lens" width="72" height="40"></figure>
    ${rest
      .slice(2)
      .map((p) => `<p>${p}</p>`)
      .join('\n')}
  </article></main><footer><p>© Skerry Gazette</p></footer>`;
}

function notesArticle(): string {
  return `${header()}<main><article><h1>${NOTES_TITLE}</h1>
    <p>${NOTES_SENTENCE}</p>
    ${PARAGRAPHS.slice(1)
      .map((p) => `<p>${p.replace('keeper', 'boatman')}</p>`)
      .join('\n')}
  </article></main>`;
}
