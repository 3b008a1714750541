/**
 * React's streaming server rendering sends a page's slower parts last: each arrives at the end of
 * <body> in a hidden `<div id="S:n">`, and a one-line script (`$RC("B:n","S:n")`, `$RS("S:n","P:n")`)
 * moves it into its place, where a `<template id="B:n">` marks it and a loading placeholder stands
 * until then. Without scripts, the reader would get the placeholders and lose the content: the
 * moves are made here, on the HTML, before anything else reads the page.
 */
const CALL = /\$R([CS])\("([^"\\]{1,40})","([^"\\]{1,40})"\)/g;
const DIV_TAG = /<(\/?)div\b[^>]*>/gi;
/** React's markers around a boundary's content: `<!--$-->`, `<!--$?-->`, `<!--$!-->` open it, `<!--/$-->` closes it. */
const BOUNDARY_MARK = /<!--(\/?)\$[?!]?-->/g;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Cuts out the hidden `<div id="…">` and returns the page without it and what it held. */
function takeSegment(html: string, id: string): [string, string] | null {
  const open = new RegExp(`<div\\b(?=[^>]*\\shidden\\b)[^>]*\\sid="${escapeRegExp(id)}"[^>]*>`, 'i').exec(html);
  if (!open) return null;
  DIV_TAG.lastIndex = open.index + open[0].length;
  let depth = 1;
  for (let m = DIV_TAG.exec(html); m; m = DIV_TAG.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const inner = html.slice(open.index + open[0].length, m.index);
      return [html.slice(0, open.index) + html.slice(DIV_TAG.lastIndex), inner];
    }
  }
  return null;
}

/** Where a boundary's placeholder ends: its closing marker, counting the boundaries nested in it. */
function boundaryEnd(html: string, from: number): number {
  BOUNDARY_MARK.lastIndex = from;
  let depth = 1;
  for (let m = BOUNDARY_MARK.exec(html); m; m = BOUNDARY_MARK.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index;
  }
  return from;
}

export function inlineStreamedSegments(html: string): string {
  if (!html.includes('$R')) return html;
  const calls = [...html.matchAll(CALL)];
  for (const [, kind, first, second] of calls) {
    const [segmentId, markerId] = kind === 'C' ? [second, first] : [first, second];
    const marker = new RegExp(`<template\\b[^>]*\\sid="${escapeRegExp(markerId)}"[^>]*>\\s*</template>`, 'i');
    if (!marker.test(html)) continue;
    const taken = takeSegment(html, segmentId);
    if (!taken) continue;
    const [rest, inner] = taken;
    const at = marker.exec(rest);
    if (!at) continue;
    const after = at.index + at[0].length;
    // A completed boundary's loading placeholder goes; a segment takes only its marker's place.
    const end = kind === 'C' ? boundaryEnd(rest, after) : after;
    html = rest.slice(0, at.index) + inner + rest.slice(end);
  }
  return html;
}
