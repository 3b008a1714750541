/**
 * Documentation sites show a terminal session as a code block of HTML that a script animates:
 * the colours of the terminal's output written as escaped markup (`<font color="#4E9A06">`,
 * `<span style="background-color:#007166">`, `<u>`, `<b>`), the way terminal-to-HTML converters
 * write it. Without the script the reader would see the tags themselves around every word. In such
 * a block the colour markup is taken out, and the terminal's text stays.
 */

/**
 * The converters' mark: a colour given as a font's, as HTML 3 did (a `<span style>` alone may be an
 * HTML lesson's own example).
 */
const TERMINAL_COLOUR = /<font\s+color\s*=\s*["']?#?[0-9a-z]+/gi;
/** This many coloured runs: one or two may be an old page's example. */
const MIN_COLOURED_RUNS = 3;
const COLOUR_TAG = /<\/?(font|span|u|b|i|strong|em)(\s[^<>]*)?>/gi;
const ENTITIES: Record<string, string> = { '&apos;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&' };
const ENTITY = /&(apos|quot|lt|gt|amp);/g;

function isTerminalOutput(text: string): boolean {
  if (!text.includes('<')) return false;
  let runs = 0;
  for (const _ of text.matchAll(TERMINAL_COLOUR)) if (++runs >= MIN_COLOURED_RUNS) return true;
  return false;
}

/** Rewrites, in place, each code block under root that holds a terminal's colours as escaped markup. */
export function plainTerminalOutput(root: Element): void {
  for (const pre of [...root.getElementsByTagName('pre')]) {
    const text = pre.textContent ?? '';
    if (!isTerminalOutput(text)) continue;
    const plain = text.replace(COLOUR_TAG, '').replace(ENTITY, (entity) => ENTITIES[entity] ?? entity);
    const code = pre.getElementsByTagName('code')[0];
    (code && code.textContent === text ? code : pre).textContent = plain;
  }
}
