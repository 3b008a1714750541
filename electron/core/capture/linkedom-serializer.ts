/**
 * linkedom's HTML serializer (an element's toString, outerHTML and innerHTML), written out to give
 * the same string with less work: Readability writes the whole page out before it looks for the
 * article (its copy to start again from), and each article is written out again as it is read.
 * linkedom gathers every piece in an array, asks each attribute and text node for its own
 * toString, escapes every text through a replace with a callback and tests each empty element's
 * name with a regular expression; here one string grows, and texts and values with nothing to
 * escape are taken as they are.
 *
 * The walk is linkedom's element.js toString, step for step: attributes written after the name
 * (an empty id, class or style left out), an element with a toString of its own (script, style,
 * textarea, title) written by it, an empty element closed as linkedom closes it (SVG `/>`, a void
 * element `>` in HTML). Installed only for HTML documents' elements; any other is linkedom's.
 */

interface Symbols {
  next: symbol;
  end: symbol;
  start: symbol;
  value: symbol;
  mime: symbol;
}

interface LinkedNode {
  nodeType: number;
  localName: string;
  name: string;
  ownerDocument: Record<symbol, { ignoreCase: boolean; voidElements: { test(name: string): boolean } }>;
  toString(): string;
  [internal: symbol]: LinkedNode;
}

const ELEMENT_NODE = 1;
const ATTRIBUTE_NODE = 2;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const COMMENT_NODE = 8;
const NODE_END = -1;

const NEEDS_ESCAPE = /[<>&\xA0]/;
const QUOTE = /"/g;

/** linkedom's text-escaper: `&`, `<`, `>` and the no-break space. */
function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let entity: string;
    if (code === 0x26) entity = '&amp;';
    else if (code === 0x3c) entity = '&lt;';
    else if (code === 0x3e) entity = '&gt;';
    else if (code === 0xa0) entity = '&#160;';
    else continue;
    out += text.slice(from, i) + entity;
    from = i + 1;
  }
  return out + text.slice(from);
}

/**
 * Installs the serializer on the prototype that owns linkedom's element toString and innerHTML
 * getter; whether it could. `probe` is an element of an HTML document. Attributes, texts and
 * comments are written out here only while their toString is linkedom's own.
 */
export function installSerializer(probe: Element, symbols: Symbols): boolean {
  const { next: NEXT, end: END, start: START, value: VALUE, mime: MIME } = symbols;
  let owner: object | null = probe;
  while (owner && !Object.hasOwn(owner, 'toString')) owner = Object.getPrototypeOf(owner);
  const innerOwner = owner && Object.getOwnPropertyDescriptor(owner, 'innerHTML');
  const attr = probe.ownerDocument.createAttribute('probe');
  const text = probe.ownerDocument.createTextNode('probe');
  const comment = probe.ownerDocument.createComment('probe');
  const attrToString = Object.getPrototypeOf(attr).toString as (this: LinkedNode) => string;
  const textToString = Object.getPrototypeOf(text).toString as (this: LinkedNode) => string;
  const commentToString = Object.getPrototypeOf(comment).toString as (this: LinkedNode) => string;
  if (!owner || !innerOwner?.get || owner === Object.prototype) return false;
  const original = (owner as { toString(this: LinkedNode): string }).toString;
  const isHtml = (node: LinkedNode) => node.ownerDocument?.[MIME]?.ignoreCase === true;

  /** What `' ' + attribute` gives in linkedom, for an attribute of an HTML document. */
  const writeAttribute = (node: LinkedNode): string => {
    if (node.toString !== attrToString || !isHtml(node)) return ` ${node.toString()}`;
    const value = node[VALUE] as unknown as string;
    // linkedom writes an empty value of a boolean-like attribute as the name alone: left to it.
    if (!value) return ` ${attrToString.call(node)}`;
    return ` ${node.name}="${value.includes('"') ? value.replace(QUOTE, '&quot;') : value}"`;
  };

  const writeLeaf = (node: LinkedNode): string => {
    const type = node.nodeType;
    if (type === TEXT_NODE && node.toString === textToString) return escapeText(node[VALUE] as unknown as string);
    if (type === COMMENT_NODE && node.toString === commentToString) return `<!--${node[VALUE] as unknown as string}-->`;
    return node.toString();
  };

  function serialize(this: LinkedNode): string {
    return isHtml(this) ? write(this) : original.call(this);
  }

  function write(root: LinkedNode): string {
    const own = root.toString;
    const end = root[END];
    let out = '';
    let node = root;
    let isOpened = false;
    for (;;) {
      switch (node.nodeType) {
        case ATTRIBUTE_NODE: {
          const written = writeAttribute(node);
          if (written !== ' id' && written !== ' class' && written !== ' style') out += written;
          break;
        }
        case NODE_END: {
          const start = node[START];
          if (isOpened) {
            if ('ownerSVGElement' in start) out += ' />';
            else if (start.ownerDocument[MIME].voidElements.test(start.localName))
              out += start.ownerDocument[MIME].ignoreCase ? '>' : ' />';
            else out += `></${start.localName}>`;
            isOpened = false;
          } else out += `</${start.localName}>`;
          break;
        }
        case ELEMENT_NODE:
          if (isOpened) out += '>';
          if (node.toString !== own) {
            out += node.toString();
            node = node[END];
            isOpened = false;
          } else {
            out += `<${node.localName}`;
            isOpened = true;
          }
          break;
        case TEXT_NODE:
        case COMMENT_NODE:
        case CDATA_SECTION_NODE:
          out += (isOpened ? '>' : '') + writeLeaf(node);
          isOpened = false;
          break;
      }
      if (node === end) return out;
      node = node[NEXT];
    }
  }

  Object.defineProperty(owner, 'toString', { configurable: true, writable: true, enumerable: false, value: serialize });
  Object.defineProperty(owner, 'innerHTML', {
    ...innerOwner,
    get(this: LinkedNode) {
      if (!isHtml(this)) return innerOwner.get?.call(this) as string;
      // linkedom: the children's toStrings joined.
      let out = '';
      const end = this[END];
      let child = this[NEXT];
      while (child.nodeType === ATTRIBUTE_NODE) child = child[NEXT];
      while (child !== end) {
        if (child.nodeType === ELEMENT_NODE) {
          out += child.toString();
          child = child[END][NEXT];
        } else {
          out += writeLeaf(child);
          child = child[NEXT];
        }
      }
      return out;
    },
  });
  return true;
}
