/**
 * Single-page apps that build their article from JSON by script: what a plain fetch sees is
 * an empty shell, a <noscript> plea, or a "Loading…" body.
 */
import { makePng } from './images';
import { startFixtureServer, type FixtureServer } from './fixture-server';

export const SPA_TITLE = 'How the Tide Tables Are Made';
export const SPA_PARAGRAPHS = [
  'Tide tables begin with years of readings from a gauge bolted to a harbour wall, taken every six minutes.',
  'The readings are split into dozens of regular rhythms, each tied to the pull of the moon or the sun.',
  'Once the rhythms are known they can be run forward, and the sum of them predicts the water for any day.',
  'Weather still has the last word: a strong onshore wind can raise the sea well above the printed height.',
  'That is why harbour masters read the tables and then look out of the window before a big ship comes in.',
];
export const SPA_IMAGE = makePng(90, 60, [120, 40, 160]);

const buildArticle = (delayMs: number, source = '/api/story.json') => `
  setTimeout(async () => {
    const story = await (await fetch('${source}')).json();
    const article = document.createElement('article');
    const h1 = document.createElement('h1');
    h1.textContent = story.title;
    article.append(h1);
    const figure = document.createElement('img');
    figure.src = story.image;
    figure.alt = 'A tide gauge';
    figure.width = 90;
    figure.height = 60;
    article.append(figure);
    for (const text of story.paragraphs) {
      const p = document.createElement('p');
      p.textContent = text;
      article.append(p);
    }
    document.getElementById('root').replaceChildren(article);
    document.title = story.title;
  }, ${delayMs});`;

const html = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tides</title></head><body>${body}</body></html>`;

export async function startScriptBuiltSite(): Promise<FixtureServer> {
  return startFixtureServer({
    '/api/story.json': (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ title: SPA_TITLE, image: '/img/gauge.png', paragraphs: SPA_PARAGRAPHS })),
    // The same story, slow to come: the page must be read only once it has arrived.
    '/api/slow-story.json': (_req, res) =>
      void setTimeout(
        () =>
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ title: SPA_TITLE, image: '/img/gauge.png', paragraphs: SPA_PARAGRAPHS })),
        1_200,
      ),
    '/img/gauge.png': (_req, res) => void res.writeHead(200, { 'content-type': 'image/png' }).end(SPA_IMAGE),
    '/app.js': (_req, res) => void res.writeHead(200, { 'content-type': 'text/javascript' }).end(buildArticle(0)),
    '/shell': (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(html('<div id="root"></div><script src="/app.js"></script>')),
    '/noscript': (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          html(
            `<noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div><script>${buildArticle(0)}</script>`,
          ),
        ),
    '/loading': (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(html(`<div id="root"><p>Loading…</p></div><script>${buildArticle(0, '/api/slow-story.json')}</script>`)),
    '/restless': (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          html(
            `<div id="root"></div><script>${buildArticle(0)}; setInterval(() => fetch('/api/story.json?poll=' + Date.now()), 100);</script>`,
          ),
        ),
    '/static': (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          html(
            `<article><h1>${SPA_TITLE}</h1>${[...SPA_PARAGRAPHS, ...SPA_PARAGRAPHS, ...SPA_PARAGRAPHS]
              .map((p) => `<p>${p}</p>`)
              .join('')}</article><script>console.log('analytics')</script>`,
          ),
        ),
  });
}
