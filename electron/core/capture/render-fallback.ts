/**
 * When the page as fetched holds no article — an app shell, a <noscript> "enable JavaScript"
 * page, a tiny body built later by script — it is rendered with its scripts and read from the
 * rendered DOM instead. The fetched page stays the answer when rendering fails or adds nothing.
 */
import { RENDER_BUDGET_MS, type PageRenderer } from './page-renderer';

/** A page as text (capture-url's PageText, written out here so the two modules do not import each other). */
interface PageText {
  url: string;
  kind: 'html' | 'text';
  text: string;
}

/** Fewer visible words than this, and the page cannot hold an article by itself. */
const TOO_FEW_WORDS = 120;
/** A page that asks for JavaScript is rendered unless it already shows this much. */
const ASKS_FOR_SCRIPT_WORDS = 300;
const ASKS_FOR_SCRIPT =
  /enable javascript|javascript (is )?(required|disabled|needed)|turn on javascript|requires javascript/i;

/** The words a reader would see without scripts: no script, style, template, noscript or head. */
export function visibleWords(html: string): number {
  const text = html
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#\w]+;/g, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whether the page as fetched needs its scripts run before it can be read. */
export function needsRendering(html: string): boolean {
  if (!/<script\b/i.test(html)) return false;
  const words = visibleWords(html);
  if (words < TOO_FEW_WORDS) return true;
  const noscript = [...html.matchAll(/<noscript\b[^>]*>([\s\S]*?)<\/noscript\s*>/gi)].map((m) => m[1]).join(' ');
  return ASKS_FOR_SCRIPT.test(noscript) && words < ASKS_FOR_SCRIPT_WORDS;
}

export async function withRenderedFallback(page: PageText, renderer: PageRenderer | undefined): Promise<PageText> {
  if (!renderer || page.kind !== 'html' || !needsRendering(page.text)) return page;
  try {
    const rendered = await renderer.render(page.url, { budgetMs: RENDER_BUDGET_MS });
    const url = /^https?:\/\//i.test(rendered.url) ? rendered.url : page.url;
    if (visibleWords(rendered.html) <= visibleWords(page.text)) return page;
    return { url, kind: 'html', text: rendered.html };
  } catch {
    // Rendering is a second chance, never a new way to fail: the page as fetched is read as before.
    return page;
  }
}
