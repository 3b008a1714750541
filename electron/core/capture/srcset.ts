/** srcset parsing per the HTML spec: URLs may themselves contain commas (e.g. "w_300,h_200"). */

export interface SrcsetCandidate {
  url: string;
  /** The raw descriptor, e.g. "640w", "2x", or '' for none. */
  descriptor: string;
}

export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  const n = srcset.length;
  while (i < n) {
    while (i < n && /[\s,]/.test(srcset[i])) i++;
    if (i >= n) break;
    let start = i;
    while (i < n && !/\s/.test(srcset[i])) i++;
    let url = srcset.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      start = i;
      let depth = 0;
      while (i < n && (depth > 0 || srcset[i] !== ',')) {
        if (srcset[i] === '(') depth++;
        else if (srcset[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptor = srcset.slice(start, i).trim();
    }
    if (url) candidates.push({ url, descriptor });
  }
  return candidates;
}

export function serializeSrcset(candidates: SrcsetCandidate[]): string {
  return candidates.map((c) => (c.descriptor ? `${c.url} ${c.descriptor}` : c.url)).join(', ');
}

/** Widths as 'w', densities as 'x' (1x assumed); densities scale an assumed 1000px-wide layout. */
function weight(descriptor: string): number {
  const w = /(\d+(?:\.\d+)?)w\b/.exec(descriptor);
  if (w) return Number(w[1]);
  const x = /(\d+(?:\.\d+)?)x\b/.exec(descriptor);
  return (x ? Number(x[1]) : 1) * 1000;
}

/** The candidate a reader wants stored: the largest one, within a sensible bound for offline storage. */
export function pickSrcsetCandidate(srcset: string, maxWidth = 2400): string | null {
  const candidates = parseSrcset(srcset);
  if (candidates.length === 0) return null;
  const ranked = candidates.map((c) => ({ url: c.url, w: weight(c.descriptor) })).sort((a, b) => a.w - b.w);
  const within = ranked.filter((c) => c.w <= maxWidth);
  return (within.length ? within[within.length - 1] : ranked[0]).url;
}
