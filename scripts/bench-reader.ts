/**
 * Reader benchmark, in real Chromium: a generated 20,000-word article with 300 highlights.
 * Prints one JSON object: firstPaintMs (body HTML in to the text painted), applyHighlightsMs
 * (re-anchoring and painting all 300), createHighlightMs (selection to painted highlight),
 * layoutShift (px any block moved when highlights were applied; must be 0).
 * Uses the renderer's own sanitize, offsets, anchoring and painting code.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, type Rolldown } from 'vite';

const repo = resolve(import.meta.dirname, '..');
const WORDS = 20_000;
const HIGHLIGHTS = 300;
const RUNS = 5;

const VOCAB =
  'the reader keeps a quiet library of saved pages and returns to passages that matter while margins hold notes about time attention and craft'.split(
    ' ',
  );

function articleHtml(): string {
  const paragraphs: string[] = [];
  let words = 0;
  for (let p = 0; words < WORDS; p += 1) {
    const length = 60 + (p % 7) * 10;
    const text = Array.from({ length }, (_, i) => VOCAB[(p * 31 + i * 7) % VOCAB.length]).join(' ');
    words += length;
    if (p % 12 === 0) paragraphs.push(`<h2>Section ${p / 12 + 1}</h2>`);
    paragraphs.push(`<p>Paragraph ${p + 1}: ${text.replace(/ (quiet|margins) /g, ' <em>$1</em> ')}.</p>`);
  }
  return paragraphs.join('\n');
}

const ENTRY = `
import { sanitizeArticle } from '${repo}/renderer/src/reader/sanitize-article';
import { forgetHighlights, paintHighlights } from '${repo}/renderer/src/reader/paint-highlights';
import { rangeToSpan } from '${repo}/renderer/src/reader/text-offsets';
import { anchorTextQuote, describeTextRange } from '${repo}/shared/anchoring/text-quote';

const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
const rects = (root) => [...root.children].map((el) => { const r = el.getBoundingClientRect(); return [r.top, r.height, r.width]; });

window.runBench = async (html, count) => {
  const root = document.getElementById('body');
  root.replaceChildren();
  await frame();
  const t0 = performance.now();
  root.replaceChildren(sanitizeArticle(html));
  forgetHighlights(root);
  void root.offsetHeight;
  await new Promise((done) => requestAnimationFrame(done));
  const firstPaintMs = performance.now() - t0;
  await frame();

  const text = root.textContent;
  const stored = [];
  const step = Math.floor(text.length / count);
  for (let i = 0; i < count; i += 1) {
    const start = i * step + 5;
    stored.push({ id: 'h' + i, color: 'yellow', ...describeTextRange(text, { start, end: start + 40 + (i % 5) * 30 }) });
  }
  const before = rects(root);
  const t1 = performance.now();
  const paintable = stored.map((h) => ({ id: h.id, color: h.color, span: anchorTextQuote(text, h.quote, h.position) }));
  paintHighlights(root, paintable);
  void root.offsetHeight;
  const applyHighlightsMs = performance.now() - t1;
  const after = rects(root);
  let layoutShift = 0;
  before.forEach((r, i) => { layoutShift += Math.abs(r[0] - after[i][0]) + Math.abs(r[1] - after[i][1]) + Math.abs(r[2] - after[i][2]); });

  // One new highlight from a selection in the middle of the article.
  const target = root.children[Math.floor(root.children.length / 2)];
  const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && node.length < 45) node = walker.nextNode();
  const range = document.createRange();
  range.setStart(node, 2);
  range.setEnd(node, Math.min(node.length, 42));
  await frame();
  const t2 = performance.now();
  const span = rangeToSpan(root, range);
  const created = describeTextRange(text, span);
  paintable.push({ id: 'new', color: 'green', span: { start: created.position.start, end: created.position.end } });
  paintHighlights(root, paintable);
  void root.offsetHeight;
  const createHighlightMs = performance.now() - t2;
  return { firstPaintMs, applyHighlightsMs, createHighlightMs, layoutShift };
};
`;

async function bundle(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'offprint-bench-'));
  const entry = join(dir, 'entry.ts');
  await writeFile(entry, ENTRY);
  try {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: { '@shared': join(repo, 'shared') } },
      build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'bench' } },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('The bench bundle is empty');
    return chunk.code;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const [script, browser] = await Promise.all([
    bundle(),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }),
  ]);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const css = `body{margin:0}#body{max-width:32em;margin:0 auto;font:20px/1.65 Georgia,serif}mark.hl{color:inherit;border-radius:2px;background:#f9e7a1}`;
    await page.setContent(
      `<!doctype html><html><head><style>${css}</style></head><body><div id="body"></div></body></html>`,
    );
    await page.addScriptTag({ content: script });
    const html = articleHtml();
    const runs: { firstPaintMs: number; applyHighlightsMs: number; createHighlightMs: number; layoutShift: number }[] =
      [];
    for (let i = 0; i < RUNS; i += 1) {
      runs.push(
        await page.evaluate(
          ([h, n]) => (window as unknown as { runBench: (h: string, n: number) => Promise<never> }).runBench(h, n),
          [html, HIGHLIGHTS] as const,
        ),
      );
    }
    const round = (n: number) => Math.round(n * 10) / 10;
    const result = {
      words: WORDS,
      highlights: HIGHLIGHTS,
      runs: RUNS,
      firstPaintMs: round(median(runs.map((r) => r.firstPaintMs))),
      applyHighlightsMs: round(median(runs.map((r) => r.applyHighlightsMs))),
      createHighlightMs: round(median(runs.map((r) => r.createHighlightMs))),
      layoutShift: Math.max(...runs.map((r) => r.layoutShift)),
      targets: { firstPaintMs: 150, applyHighlightsMs: 100, createHighlightMs: 16, layoutShift: 0 },
    };
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
  }
}

await main();
