/**
 * An article body as XHTML that an EPUB validator accepts. The stored HTML is what a browser
 * tolerates, not what XHTML allows: blocks inside paragraphs, stray list items and table cells,
 * links to missing anchors, ids that are not XML names. The tree is rebuilt to a simple content
 * model (flow and phrasing), keeping every piece of text, then serialized as XML.
 */

interface XText {
  text: string;
}
interface XElement {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}
type XNode = XText | XElement;

const isText = (node: XNode): node is XText => 'text' in node;
const isBlank = (node: XNode) => isText(node) && !node.text.trim();

const PHRASING = new Set(
  'a abbr b bdi bdo br cite code del dfn em i img ins kbd mark q s samp small span strong sub sup u var wbr'.split(' '),
);
const VOID = new Set(['br', 'hr', 'img', 'wbr', 'col']);
const FLOW_CONTAINERS = new Set(['div', 'blockquote', 'section', 'article', 'aside']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that belong inside a particular parent; met anywhere else they become a div. */
const CONTEXTUAL = new Set('li dt dd figcaption summary caption thead tbody tfoot tr td th'.split(' '));
const KNOWN = new Set([
  ...PHRASING,
  ...FLOW_CONTAINERS,
  ...HEADINGS,
  ...CONTEXTUAL,
  ...'p pre hr ul ol dl table colgroup col figure details header footer address time ruby rt rp'.split(' '),
]);
/** Never content: dropped with everything inside. */
const DROPPED = new Set(
  'script style noscript template head title svg math iframe object embed canvas video audio select textarea button form'.split(
    ' ',
  ),
);
const RENAMED: Record<string, string> = { header: 'div', footer: 'div', address: 'div', time: 'span' };

/** Characters XML 1.0 cannot hold at all. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
export const xmlText = (value: string): string =>
  value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const xmlAttr = (value: string): string => xmlText(value).replace(/"/g, '&quot;');

/** An id as an XML name (what EPUB's XHTML needs): letters, digits, . - _, starting with a letter. */
export function xmlId(value: string): string {
  const cleaned = value.trim().replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `op-${cleaned}`;
}

export const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

interface DomLike {
  nodeType: number;
  nodeName: string;
  data?: string;
  childNodes: ArrayLike<DomLike>;
  getAttribute?(name: string): string | null;
}

function globalAttrs(node: DomLike): Record<string, string> {
  const attrs: Record<string, string> = {};
  const get = (name: string) => node.getAttribute?.(name) ?? null;
  const id = get('id') ?? (node.nodeName.toLowerCase() === 'a' ? get('name') : null);
  if (id?.trim()) attrs.id = xmlId(id);
  const lang = get('lang')?.trim();
  if (lang && LANGUAGE_TAG.test(lang)) attrs.lang = lang;
  const dir = get('dir')?.trim().toLowerCase();
  if (dir === 'ltr' || dir === 'rtl' || dir === 'auto') attrs.dir = dir;
  const title = get('title');
  if (title) attrs.title = title;
  return attrs;
}

function specificAttrs(name: string, node: DomLike): Record<string, string> {
  const get = (attr: string) => node.getAttribute?.(attr)?.trim() ?? null;
  const attrs: Record<string, string> = {};
  const keep = (attr: string, pattern: RegExp) => {
    const value = get(attr);
    if (value !== null && pattern.test(value)) attrs[attr] = value;
  };
  if (name === 'a' && get('href')) attrs.href = get('href')!;
  if (name === 'img') {
    attrs.src = get('src') ?? '';
    attrs.alt = node.getAttribute?.('alt') ?? '';
    keep('width', /^\d{1,5}$/);
    keep('height', /^\d{1,5}$/);
  }
  if (name === 'ol') {
    keep('start', /^-?\d{1,9}$/);
    keep('type', /^[1aAiI]$/);
    if (get('reversed') !== null) attrs.reversed = 'reversed';
  }
  if (name === 'li') keep('value', /^-?\d{1,9}$/);
  if (name === 'td' || name === 'th') {
    keep('colspan', /^[1-9]\d{0,2}$/);
    keep('rowspan', /^[1-9]\d{0,3}$/);
  }
  if (name === 'th') keep('scope', /^(row|col|rowgroup|colgroup)$/);
  if (name === 'col' || name === 'colgroup') keep('span', /^[1-9]\d{0,2}$/);
  return attrs;
}

/** Ruby becomes its base text with the reading in parentheses: its content model is too strict to trust. */
function rubyText(node: DomLike): XNode[] {
  const out: XNode[] = [];
  for (const child of Array.from(node.childNodes)) {
    const name = child.nodeName.toLowerCase();
    if (name === 'rp') continue;
    if (name === 'rt') out.push({ text: '(' }, ...fromDom(child), { text: ')' });
    else out.push(...fromDom(child));
  }
  return out;
}

function fromDom(node: DomLike): XNode[] {
  if (node.nodeType === 3) return [{ text: node.data ?? '' }];
  if (node.nodeType !== 1) return [];
  let name = node.nodeName.toLowerCase();
  if (DROPPED.has(name)) return [];
  if (name === 'ruby') return [{ name: 'span', attrs: globalAttrs(node), children: rubyText(node) }];
  const children = Array.from(node.childNodes).flatMap(fromDom);
  if (!KNOWN.has(name) || name === 'rt' || name === 'rp') return children;
  name = RENAMED[name] ?? name;
  const attrs = { ...globalAttrs(node), ...specificAttrs(name, node) };
  if (name === 'bdo' && !attrs.dir) name = 'span';
  if (name === 'img' && !attrs.src) return attrs.alt ? [{ text: attrs.alt }] : [];
  return [{ name, attrs, children }];
}

interface Context {
  inLink: boolean;
  /** Inside th and dt: no headings or sectioning elements allowed. */
  noHeading: boolean;
}

const el = (name: string, children: XNode[], attrs: Record<string, string> = {}): XElement => ({
  name,
  attrs,
  children,
});

function hasBlock(node: XElement): boolean {
  return node.children.some((c) => !isText(c) && (!PHRASING.has(c.name) || hasBlock(c)));
}

function phrasing(nodes: readonly XNode[], ctx: Context): XNode[] {
  const out: XNode[] = [];
  for (const node of nodes) {
    if (isText(node)) out.push(node);
    else if (node.name === 'a' && ctx.inLink) out.push(...phrasing(node.children, ctx));
    else if (PHRASING.has(node.name)) {
      out.push({ ...node, children: phrasing(node.children, { ...ctx, inLink: ctx.inLink || node.name === 'a' }) });
    } else if (node.name !== 'hr' && node.name !== 'col' && node.name !== 'colgroup') {
      // A block inside running text: its text stays, set off by spaces.
      out.push({ text: ' ' }, ...phrasing(node.children, ctx), { text: ' ' });
    }
  }
  return out;
}

function flow(nodes: readonly XNode[], ctx: Context): XNode[] {
  const out: XNode[] = [];
  for (const node of nodes) {
    if (isText(node)) {
      out.push(node);
      continue;
    }
    const name = node.name;
    if (PHRASING.has(name)) {
      if (name === 'a' && ctx.inLink) out.push(...flow(node.children, ctx));
      else if (!hasBlock(node)) out.push(...phrasing([node], ctx));
      else if (name === 'a' || name === 'del' || name === 'ins') {
        // Transparent elements may hold blocks where their parent may.
        out.push({ ...node, children: flow(node.children, { ...ctx, inLink: ctx.inLink || name === 'a' }) });
      } else out.push(...flow(node.children, ctx));
    } else if (name === 'p' || HEADINGS.has(name) || name === 'pre') {
      const renamed = HEADINGS.has(name) && ctx.noHeading ? 'p' : name;
      if (name !== 'pre' && hasBlock(node)) out.push(el('div', flow(node.children, ctx), node.attrs));
      else out.push({ ...node, name: renamed, children: phrasing(node.children, ctx) });
    } else if (name === 'ul' || name === 'ol') out.push(list(node, ctx));
    else if (name === 'dl') out.push(definitionList(node, ctx));
    else if (name === 'table') out.push(table(node, ctx));
    else if (name === 'figure') out.push(figure(node, ctx));
    else if (name === 'details') out.push(details(node, ctx));
    else if (name === 'hr') out.push(el('hr', [], node.attrs));
    else if (FLOW_CONTAINERS.has(name)) {
      const renamed = ctx.noHeading && name !== 'div' && name !== 'blockquote' ? 'div' : name;
      out.push({ ...node, name: renamed, children: flow(node.children, ctx) });
    } else if (CONTEXTUAL.has(name)) {
      out.push(el('div', flow(node.children, ctx), node.attrs));
    }
    // col and colgroup outside a table carry nothing to read.
  }
  return out;
}

function list(node: XElement, ctx: Context): XElement {
  const items: XNode[] = [];
  for (const child of node.children) {
    if (isBlank(child)) continue;
    if (!isText(child) && child.name === 'li') {
      const { value, ...attrs } = child.attrs;
      items.push(el('li', flow(child.children, ctx), node.name === 'ol' && value ? { ...attrs, value } : attrs));
    } else items.push(el('li', flow([child], ctx)));
  }
  return { ...node, children: items };
}

function definitionList(node: XElement, ctx: Context): XElement {
  const out: XNode[] = [];
  let last: 'dt' | 'dd' | null = null;
  for (const child of node.children) {
    if (isBlank(child)) continue;
    if (!isText(child) && child.name === 'dt') {
      out.push(el('dt', flow(child.children, { ...ctx, noHeading: true }), child.attrs));
      last = 'dt';
      continue;
    }
    // Every dd follows a dt: a group without a term gets an empty one.
    if (last === null) out.push(el('dt', []));
    const isDd = !isText(child) && child.name === 'dd';
    out.push(el('dd', flow(isDd ? child.children : [child], ctx), isDd ? child.attrs : {}));
    last = 'dd';
  }
  if (last === 'dt') out.push(el('dd', []));
  return { ...node, children: out };
}

function cell(node: XElement, ctx: Context): XElement {
  return { ...node, children: flow(node.children, node.name === 'th' ? { ...ctx, noHeading: true } : ctx) };
}

function row(node: XElement, ctx: Context): XElement {
  const cells: XNode[] = [];
  for (const child of node.children) {
    if (isBlank(child)) continue;
    if (!isText(child) && (child.name === 'td' || child.name === 'th')) cells.push(cell(child, ctx));
    else cells.push(el('td', flow([child], ctx)));
  }
  return { ...node, children: cells };
}

const looseRow = (nodes: XNode[], ctx: Context): XElement => el('tr', [el('td', flow(nodes, ctx))]);

function rowGroup(node: XElement, name: string, ctx: Context): XElement {
  const rows = node.children
    .filter((c) => !isBlank(c))
    .map((c) => (!isText(c) && c.name === 'tr' ? row(c, ctx) : looseRow([c], ctx)));
  return el(name, rows, node.attrs);
}

/** caption?, colgroup*, thead?, tbody+, tfoot?: rows outside a row group are gathered into a tbody. */
function table(node: XElement, ctx: Context): XElement {
  let caption: XElement | null = null;
  let head: XElement | null = null;
  let foot: XElement | null = null;
  const columns: XElement[] = [];
  const bodies: XElement[] = [];
  let loose: XElement[] = [];
  const flush = () => {
    if (loose.length) bodies.push(el('tbody', loose));
    loose = [];
  };
  for (const child of node.children) {
    if (isBlank(child)) continue;
    if (isText(child)) {
      loose.push(looseRow([child], ctx));
      continue;
    }
    switch (child.name) {
      case 'caption':
        if (caption) loose.push(looseRow(child.children, ctx));
        else caption = el('caption', flow(child.children, ctx), child.attrs);
        break;
      case 'colgroup': {
        const cols = child.children.filter((c): c is XElement => !isText(c) && c.name === 'col');
        const { span, ...attrs } = child.attrs;
        columns.push(
          el(
            'colgroup',
            cols.map((c) => el('col', [], c.attrs)),
            cols.length || !span ? attrs : { ...attrs, span },
          ),
        );
        break;
      }
      case 'col':
        break;
      case 'thead':
      case 'tfoot': {
        const group = rowGroup(child, child.name, ctx);
        if (child.name === 'thead' && !head) head = group;
        else if (child.name === 'tfoot' && !foot) foot = group;
        else {
          flush();
          bodies.push({ ...group, name: 'tbody' });
        }
        break;
      }
      case 'tbody':
        flush();
        bodies.push(rowGroup(child, 'tbody', ctx));
        break;
      case 'tr':
        loose.push(row(child, ctx));
        break;
      default:
        loose.push(looseRow([child], ctx));
    }
  }
  flush();
  const parts = [caption, ...columns, head, ...bodies, foot].filter((p): p is XElement => p !== null);
  return { ...node, children: parts };
}

/** A figure has at most one figcaption, and only as its first or last child; any other becomes a div. */
function figure(node: XElement, ctx: Context): XElement {
  const children = node.children.filter((c) => !isBlank(c));
  let captioned = false;
  const out = children.map((child, i): XNode[] => {
    if (isText(child) || child.name !== 'figcaption') return flow([child], ctx);
    const keep = !captioned && (i === 0 || i === children.length - 1);
    captioned ||= keep;
    return [el(keep ? 'figcaption' : 'div', flow(child.children, ctx), child.attrs)];
  });
  return { ...node, children: out.flat() };
}

/** details needs a summary first; and as interactive content it may not sit inside a link. */
function details(node: XElement, ctx: Context): XElement {
  const children = node.children.filter((c) => !isBlank(c));
  const [first, ...rest] = children;
  if (ctx.inLink || !first || isText(first) || first.name !== 'summary')
    return el('div', flow(node.children, ctx), node.attrs);
  return { ...node, children: [el('summary', phrasing(first.children, ctx), first.attrs), ...flow(rest, ctx)] };
}

/** Drops repeated ids (the first keeps it) and collects the ids that remain. */
function uniqueIds(nodes: readonly XNode[], seen: Set<string>): void {
  for (const node of nodes) {
    if (isText(node)) continue;
    if (node.attrs.id) {
      if (seen.has(node.attrs.id)) delete node.attrs.id;
      else seen.add(node.attrs.id);
    }
    uniqueIds(node.children, seen);
  }
}

/** A link kept only when it goes somewhere a reader can follow: a web page, mail, or an anchor in this document. */
function safeHref(href: string, ids: ReadonlySet<string>): string | null {
  if (href.startsWith('#')) {
    let target: string;
    try {
      target = xmlId(decodeURIComponent(href.slice(1)));
    } catch {
      return null;
    }
    return ids.has(target) ? `#${target}` : null;
  }
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function serialize(nodes: readonly XNode[], ids: ReadonlySet<string>): string {
  let out = '';
  for (const node of nodes) {
    if (isText(node)) {
      out += xmlText(node.text);
      continue;
    }
    const attrs = { ...node.attrs };
    if (node.name === 'a' && attrs.href !== undefined) {
      const href = safeHref(attrs.href, ids);
      if (href === null) delete attrs.href;
      else attrs.href = href;
    }
    const attrText = Object.entries(attrs)
      .map(([key, value]) => ` ${key}="${xmlAttr(value)}"${key === 'lang' ? ` xml:lang="${xmlAttr(value)}"` : ''}`)
      .join('');
    out += VOID.has(node.name)
      ? `<${node.name}${attrText}/>`
      : `<${node.name}${attrText}>${serialize(node.children, ids)}</${node.name}>`;
  }
  return out;
}

/**
 * The children of `body` (a parsed article body) as XHTML flow content. `reservedIds` are ids the
 * page around it uses; the body may not take them.
 */
export function bodyToXhtml(body: DomLike, reservedIds: readonly string[] = []): string {
  const tree = flow(Array.from(body.childNodes).flatMap(fromDom), { inLink: false, noHeading: false });
  const ids = new Set(reservedIds);
  uniqueIds(tree, ids);
  return serialize(tree, ids);
}
