/**
 * The same answers, faster, to the DOM calls that Readability and our own passes make many
 * thousand times a page on linkedom. linkedom parses and compiles a selector with css-select on
 * every querySelector call, and upper-cases the name anew on every tagName read; Readability's
 * selectors are all plain lists of tag names (`"p,pre,article"`), which are matched here by name.
 * Any other selector, and any document that is not HTML, goes to linkedom's own code.
 *
 * linkedom also gives every node, as it is created, its own Map of event listeners (kept in a
 * WeakMap): a page of 20,000 nodes allocates 20,000 Maps that nothing fills, and the garbage
 * collector pays for them. Nodes are now created without one (their base class becomes Object,
 * which V8 constructs fastest); a node's listener map is made when it is first listened to, and
 * listening and dispatching work as in linkedom's event-target.js, reproduced below.
 *
 * linkedom keeps a tree as a linked list of nodes and end markers under private symbols; the walks
 * below follow that list exactly as linkedom's own do (skipping a <template>'s content, like it).
 * The symbols are found on a probe document; if linkedom ever lays its nodes out differently,
 * nothing is installed and linkedom answers as before.
 */
import { parseHTML } from 'linkedom';
import { isWhitespace } from '@shared/anchoring/normalize-text';
import { installSerializer } from './linkedom-serializer';

interface Internals {
  next: symbol;
  end: symbol;
  mime: symbol;
  /** A text node's data, an attribute's value. */
  value: symbol;
  /** An element's DOMTokenList, made on first use. */
  classList: symbol;
}

interface LinkedNode extends Element {
  [internal: symbol]: LinkedNode;
}
type Matcher = (node: LinkedNode) => boolean;
type NodeListClass = new () => Element[];
type Query = (this: ParentNode, selectors: string) => unknown;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const TAG_LIST = /^\s*[a-z][a-z0-9-]*\s*(?:,\s*[a-z][a-z0-9-]*\s*)*$/i;
/** Selector and name caches are bounded: pages may bring any number of custom element names. */
const CACHE_LIMIT = 5000;

function memo(compute: (key: string) => string): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, (value = compute(key)));
    }
    return value;
  };
}

const upper = memo((name) => name.toUpperCase());
const lower = memo((name) => name.toLowerCase());

/**
 * A test for a plain tag-name list, or null for any other selector. Each name met is looked up
 * once per list, lower-cased as css-select would: pages use few names, and walk them many times.
 */
function tagList(selectors: string): Matcher | null {
  if (!TAG_LIST.test(selectors)) return null;
  const tags = new Set(selectors.split(',').map((t) => t.trim().toLowerCase()));
  const verdicts = new Map<string, boolean>();
  return (node) => {
    const name = node.localName;
    let verdict = verdicts.get(name);
    if (verdict === undefined) {
      if (verdicts.size >= CACHE_LIMIT) verdicts.clear();
      verdicts.set(name, (verdict = tags.has(lower(name))));
    }
    return verdict;
  };
}

/** What a selector compiles to here: any element, a test, or null for linkedom's own code. */
type Compiled = '*' | Matcher | null;

/**
 * css-select reads these attributes' values case-insensitively in HTML: left to it. (Its list, from
 * https://html.spec.whatwg.org/multipage/semantics-other.html#case-sensitivity-of-selectors.)
 */
const CASE_INSENSITIVE_ATTRIBUTES = new Set(
  (
    'accept accept-charset align alink axis bgcolor charset checked clear codetype color compact declare defer dir ' +
    'direction disabled enctype face frame hreflang http-equiv lang language link media method multiple nohref ' +
    'noresize noshade nowrap readonly rel rev rules scope scrolling selected shape target text type valign ' +
    'valuetype vlink'
  ).split(' '),
);
/** A compound of an optional tag name and attribute tests: `main[itemtype]`, `[role="main"]`, `[class*="review"]`. */
const COMPOUND = /^([a-z][a-z0-9-]*)?((?:\[[a-z][a-z0-9_-]*(?:\*?="[^"\\,]*")?\])*)$/;
const ATTRIBUTE_TEST = /\[([a-z][a-z0-9_-]*)(?:(\*?=)"([^"\\,]*)")?\]/g;
/** Compounds are joined by child (`>`) or descendant (space) combinators: `div > br`, `li p`. */
const COMBINATOR = /(\s*>\s*|\s+)/;

/**
 * A test for a selector list of compounds and combinators, answering as css-select does in an HTML
 * document (names lower-cased, attribute values compared as written); null for anything else.
 */
function compileMatcher(selectors: string): Matcher | null {
  const alternatives: Matcher[] = [];
  for (const selector of selectors.split(',')) {
    const trimmed = selector.trim();
    if (!trimmed) return null;
    const parts = trimmed.split(COMBINATOR);
    let matcher: Matcher | null = null;
    for (let i = 0; i < parts.length; i += 2) {
      const compound = compileCompound(parts[i]);
      if (!compound) return null;
      if (!matcher) matcher = compound;
      else matcher = combine(matcher, parts[i - 1].trim() === '>', compound);
    }
    if (!matcher) return null;
    alternatives.push(matcher);
  }
  if (alternatives.length === 1) return alternatives[0];
  return (node) => alternatives.some((matches) => matches(node));
}

/** The parent when it is an element: css-select's getElementParent. */
const elementParent = (node: LinkedNode): LinkedNode | null => {
  const parent = node.parentNode as LinkedNode | null;
  return parent && parent.nodeType === ELEMENT_NODE ? parent : null;
};

function combine(left: Matcher, child: boolean, right: Matcher): Matcher {
  if (child)
    return (node) => {
      if (!right(node)) return false;
      const parent = elementParent(node);
      return parent !== null && left(parent);
    };
  return (node) => {
    if (!right(node)) return false;
    for (let parent = elementParent(node); parent; parent = elementParent(parent)) if (left(parent)) return true;
    return false;
  };
}

function compileCompound(compound: string): Matcher | null {
  const match = COMPOUND.exec(compound);
  if (!match || (!match[1] && !match[2])) return null;
  const tag = match[1] ?? null;
  const tests: Matcher[] = [];
  for (const [, name, operator, value] of (match[2] ?? '').matchAll(ATTRIBUTE_TEST)) {
    if (!operator) tests.push((node) => node.hasAttribute(name));
    else if (CASE_INSENSITIVE_ATTRIBUTES.has(name)) return null;
    else if (operator === '=') tests.push((node) => attributeValue(node, name) === value);
    // css-select: `[name*=""]` matches nothing.
    else if (!value) tests.push(() => false);
    else tests.push((node) => !!attributeValue(node, name)?.includes(value));
  }
  return (node) => (tag === null || lower(node.localName) === tag) && tests.every((test) => test(node));
}

/** As css-select's linkedom adapter reads it in an HTML document (getAttribute there returns the value as it is). */
const attributeValue = (node: LinkedNode, name: string): string | null => node.getAttributeNode(name)?.value ?? null;

const compiled = new Map<string, Compiled>();
function compileSelectors(selectors: string): Compiled {
  let result = compiled.get(selectors);
  if (result === undefined) {
    result = selectors.trim() === '*' ? '*' : (tagList(selectors) ?? compileMatcher(selectors));
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(selectors, result);
  }
  return result;
}

function findInternals(): { internals: Internals; document: Document } | null {
  const { document } = parseHTML('<html><body><p>probe</p></body></html>') as unknown as { document: Document };
  const p = document.body?.firstChild;
  if (!p) return null;
  const symbol = (of: object, description: string) =>
    Object.getOwnPropertySymbols(of).find((s) => s.description === description);
  const next = symbol(p, 'next');
  const end = symbol(p, 'end');
  const mime = symbol(document, 'mime');
  const classList = symbol(p, 'classList');
  const value = p.firstChild && symbol(p.firstChild, 'value');
  if (!next || !end || !mime || !classList || !value) return null;
  const internals = { next, end, mime, value, classList };
  // The layout the walks rely on: an element's list runs from its first child to its own end marker.
  const linked = p as unknown as LinkedNode;
  const text = linked[next] as unknown as Node | undefined;
  if (text?.nodeType !== 3 || text.textContent !== 'probe' || (text as unknown as LinkedNode)[next] !== linked[end])
    return null;
  if (
    (text as unknown as Record<symbol, unknown>)[value] !== 'probe' ||
    (p as unknown as Record<symbol, unknown>)[classList] !== null
  )
    return null;
  if ((document as unknown as Record<symbol, { ignoreCase?: boolean }>)[mime]?.ignoreCase !== true) return null;
  return { internals, document };
}

function ownerOf(prototype: object | null, name: string): object | null {
  for (let proto = prototype; proto; proto = Object.getPrototypeOf(proto)) if (Object.hasOwn(proto, name)) return proto;
  return null;
}

interface ListenedEvent {
  type: string;
  bubbles: boolean;
  eventPhase: number;
  cancelBubble: boolean;
  defaultPrevented: boolean;
  currentTarget?: unknown;
  target?: unknown;
  _path: { currentTarget: EventTarget; target: EventTarget }[];
  _stopImmediatePropagationFlag: boolean;
  readonly NONE: number;
  readonly CAPTURING_PHASE: number;
  readonly AT_TARGET: number;
  readonly BUBBLING_PHASE: number;
}
type Listener = ((event: ListenedEvent) => void) | { handleEvent(event: ListenedEvent): void };
type ListenerOptions = { once?: boolean } | boolean | undefined;
type Listened = EventTarget & { _getParent?: () => Listened | null };

/** linkedom's event-target.js, with each target's listener map made on first use instead of at construction. */
function lazyListenerMaps(eventTargetPrototype: Record<string, unknown>): void {
  const listened = new WeakMap<object, Map<string, Map<Listener, ListenerOptions>>>();
  const dispatch = (event: ListenedEvent, listener: Listener) => {
    if (typeof listener === 'function') listener.call(event.target, event);
    else listener.handleEvent(event);
    return event._stopImmediatePropagationFlag;
  };
  function invokeListeners(this: ListenedEvent, { currentTarget, target }: ListenedEvent['_path'][number]) {
    const map = listened.get(currentTarget);
    if (!map?.has(this.type)) return undefined;
    const listeners = map.get(this.type) as Map<Listener, ListenerOptions>;
    this.eventPhase = currentTarget === target ? this.AT_TARGET : this.BUBBLING_PHASE;
    this.currentTarget = currentTarget;
    this.target = target;
    for (const [listener, options] of listeners) {
      if (options && typeof options === 'object' && options.once) listeners.delete(listener);
      if (dispatch(this, listener)) break;
    }
    delete this.currentTarget;
    delete this.target;
    return this.cancelBubble;
  }
  eventTargetPrototype.addEventListener = function (
    this: object,
    type: string,
    listener: Listener,
    options: ListenerOptions,
  ) {
    let map = listened.get(this);
    if (!map) listened.set(this, (map = new Map()));
    if (!map.has(type)) map.set(type, new Map());
    map.get(type)?.set(listener, options);
  };
  eventTargetPrototype.removeEventListener = function (this: object, type: string, listener: Listener) {
    const listeners = listened.get(this)?.get(type);
    if (listeners?.delete(listener) && !listeners.size) listened.get(this)?.delete(type);
  };
  // linkedom's simplified path: the target and, for a bubbling event, its ancestors.
  const collectPath = (target: Listened, event: ListenedEvent) => {
    for (let node: Listened | null | undefined | false = target; node;) {
      if ((node as Partial<Listened>).dispatchEvent) event._path.push({ currentTarget: node, target });
      node = event.bubbles && node._getParent && node._getParent();
    }
  };
  eventTargetPrototype.dispatchEvent = function (this: Listened, event: ListenedEvent) {
    event.eventPhase = event.CAPTURING_PHASE;
    collectPath(this, event);
    event._path.some(invokeListeners, event);
    event._path = [];
    event.eventPhase = event.NONE;
    return !event.defaultPrevented;
  };
}

/** Node's base class, linkedom's EventTarget, becomes Object; EventTarget's methods then make a node's listener map on first use. */
function createNodesWithoutListenerMaps(probe: Element): boolean {
  let nodePrototype: object | null = null;
  for (let proto = Object.getPrototypeOf(probe); proto; proto = Object.getPrototypeOf(proto)) {
    if (Object.getPrototypeOf(Object.getPrototypeOf(proto)) === Object.prototype) {
      nodePrototype = proto;
      break;
    }
  }
  const eventTargetPrototype = nodePrototype && (Object.getPrototypeOf(nodePrototype) as Record<string, unknown>);
  const NodeClass = nodePrototype?.constructor;
  const methods = ['addEventListener', 'removeEventListener', 'dispatchEvent', '_getParent'];
  if (
    !eventTargetPrototype ||
    !NodeClass ||
    Object.getPrototypeOf(NodeClass) !== eventTargetPrototype.constructor ||
    !methods.every((name) => Object.hasOwn(eventTargetPrototype, name)) ||
    !Object.hasOwn(nodePrototype as object, 'ELEMENT_NODE')
  )
    return false;
  lazyListenerMaps(eventTargetPrototype);
  Object.setPrototypeOf(NodeClass, Object);
  return true;
}

/**
 * An element's text, as linkedom's getter gives it (its text and CDATA nodes' data, in order),
 * built by concatenation rather than in an array joined at the end.
 */
function textByConcatenation(probe: Element, { next: NEXT, end: END, value: VALUE }: Internals): void {
  const owner = ownerOf(probe, 'textContent');
  const original = owner && Object.getOwnPropertyDescriptor(owner, 'textContent');
  if (!owner || !original?.get || !original.set) return;
  Object.defineProperty(owner, 'textContent', {
    ...original,
    get(this: LinkedNode) {
      let text = '';
      const end = this[END];
      for (let node = this[NEXT]; node !== end; node = node[NEXT]) {
        const type = node.nodeType;
        if (type === TEXT_NODE || type === CDATA_SECTION_NODE) text += node[VALUE] as unknown as string;
      }
      return text;
    },
  });
}

/** What a DOMTokenList made from a class attribute holds, written out: its distinct words, in order, one space apart. */
const tokenList = memo((value) => [...new Set(value.split(/\s+/).filter((token) => token))].join(' '));
const SPACE = /\s/;
/** A value without white space (one class, or none) is its own list: no look-up in the memo. */
const classTokens = (value: string) => (SPACE.test(value) ? tokenList(value) : value);

/**
 * linkedom gives every element with a class attribute a DOMTokenList as it parses (a Set, filled
 * and written back to the attribute), and makes one again for each className read that finds
 * none. Both now go through the attribute alone while an element has no list yet: setting
 * className writes the attribute as the list would have, reading it gives what the list would
 * hold. The list itself is made, from the attribute, when classList is first asked for.
 */
function classNamesWithoutTokenLists(probe: Element, { value: VALUE, classList: CLASS_LIST }: Internals): void {
  const owner = ownerOf(probe, 'className');
  const original = owner && Object.getOwnPropertyDescriptor(owner, 'className');
  if (!owner || !original?.get || !original.set) return;
  const { get, set } = original;
  type Classed = Element & Record<symbol, unknown>;
  Object.defineProperty(owner, 'className', {
    ...original,
    get(this: Classed) {
      if (this[CLASS_LIST]) return get.call(this) as string;
      const attribute = this.getAttributeNode('class') as (Attr & Record<symbol, string>) | null;
      return attribute ? classTokens(attribute[VALUE]) : '';
    },
    set(this: Classed, value: unknown) {
      const attribute = this[CLASS_LIST]
        ? null
        : (this.getAttributeNode('class') as (Attr & Record<symbol, string>) | null);
      if (!attribute) return set.call(this, value);
      // As the parser sets className to the attribute's own value, mostly already a list written out.
      const tokens = classTokens(String(value));
      if (tokens !== attribute[VALUE]) attribute.value = tokens;
    },
  });
}

const ATTRIBUTE_NODE = 2;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;
const NODE_END = -1;

/**
 * linkedom's nextSibling, parentElement, children and getAttribute, with the helpers they call written out:
 * the extractor reads them for every node it walks, and the CLI's V8 inlines only small functions
 * (electron/cli/v8-flags.ts). Same answers: the next node after the element's end marker (or the
 * text node), unless that is its parent's end; the parent unless it is a document or fragment;
 * the attribute's value as written in an HTML document (linkedom's own code elsewhere).
 */
function gettersWrittenOut(
  probe: Element,
  { next: NEXT, end: END, value: VALUE }: Internals,
  isHtml: (node: { ownerDocument: Document | null }) => boolean,
): void {
  const text = probe.ownerDocument.createTextNode('probe');
  const elementOwner = ownerOf(probe, 'nextSibling');
  const textOwner = ownerOf(text, 'nextSibling');
  const getAttributeOwner = ownerOf(probe, 'getAttribute') as Record<string, unknown> | null;
  if (!elementOwner || !textOwner || !getAttributeOwner) return;
  for (const owner of [elementOwner, textOwner]) {
    if (Object.getOwnPropertyDescriptor(owner, 'parentElement')?.get === undefined) return;
    if (Object.getOwnPropertyDescriptor(owner, 'nextSibling')?.get === undefined) return;
  }
  const original = getAttributeOwner.getAttribute as (this: Element, name: string) => string | null;
  Object.defineProperty(elementOwner, 'nextSibling', {
    configurable: true,
    enumerable: false,
    get(this: LinkedNode) {
      const next = this[END][NEXT];
      return next && (next.nodeType === NODE_END ? null : next);
    },
  });
  Object.defineProperty(textOwner, 'nextSibling', {
    configurable: true,
    enumerable: false,
    get(this: LinkedNode) {
      const next = this[NEXT];
      return next && (next.nodeType === NODE_END ? null : next);
    },
  });
  for (const owner of [elementOwner, textOwner])
    Object.defineProperty(owner, 'parentElement', {
      configurable: true,
      enumerable: false,
      get(this: Node) {
        const parent = this.parentNode;
        if (parent) {
          const type = parent.nodeType;
          if (type === DOCUMENT_NODE || type === DOCUMENT_FRAGMENT_NODE) return null;
        }
        return parent;
      },
    });
  const childrenOwner = ownerOf(probe, 'children');
  const NodeList = probe.children.constructor as NodeListClass;
  if (childrenOwner && Object.getOwnPropertyDescriptor(childrenOwner, 'children')?.get)
    Object.defineProperty(childrenOwner, 'children', {
      configurable: true,
      enumerable: false,
      get(this: LinkedNode) {
        const children = new NodeList();
        const end = this[END];
        let next = this[NEXT];
        while (next.nodeType === ATTRIBUTE_NODE) next = next[NEXT];
        // A child's successor is its next sibling or, after the last, this element's end.
        while (next !== end) {
          if (next.nodeType === ELEMENT_NODE) {
            children.push(next);
            next = next[END][NEXT];
          } else next = next[NEXT];
        }
        return children;
      },
    });
  getAttributeOwner.getAttribute = function (this: LinkedNode, name: string) {
    if (name === 'class' || !isHtml(this)) return original.call(this, name);
    for (let next = this[NEXT]; next.nodeType === ATTRIBUTE_NODE; next = next[NEXT])
      if ((next as unknown as Attr).name === name) return next[VALUE] as unknown as string;
    return null;
  };
}

const NON_SPACE = /\S/;
let textNodeHoldsNonSpace: ((element: Element) => boolean) | null = null;

/**
 * Whether `element.textContent.trim()` would be non-empty (`\s` and trim() know the same white
 * space), stopping at the first text node that has more than white space instead of building
 * the whole text.
 */
export function holdsNonSpaceText(element: Element): boolean {
  return textNodeHoldsNonSpace ? textNodeHoldsNonSpace(element) : NON_SPACE.test(element.textContent ?? '');
}

/** Counts `text.trim().replace(/\s{2,}/g, ' ').length` over a text given in pieces, without joining them. */
class CollapsedLength {
  length = 0;
  private started = false;
  private pendingSpace = false;

  add(piece: string): void {
    let { length, started, pendingSpace } = this;
    for (let i = 0; i < piece.length; i++) {
      const code = piece.charCodeAt(i);
      // Printable ASCII answered here: the CLI's V8 inlines only small functions (electron/cli/v8-flags.ts).
      if ((code <= 0x20 || code >= 0x7f) && isWhitespace(code)) {
        if (started) pendingSpace = true;
        continue;
      }
      if (pendingSpace) {
        length += 1;
        pendingSpace = false;
      }
      started = true;
      length += 1;
    }
    this.length = length;
    this.started = started;
    this.pendingSpace = pendingSpace;
  }
}

let textPieces: ((element: Element, counter: CollapsedLength, limit: number) => void) | null = null;

/**
 * The length of `element.textContent.trim().replace(/\s{2,}/g, ' ')` (Readability's
 * `_getInnerText(element).length`), counted over the element's text nodes: every run of white
 * space between words counts one, the runs at either end none.
 */
export function collapsedTextLength(element: Element): number {
  const counter = new CollapsedLength();
  if (textPieces) textPieces(element, counter, Infinity);
  else counter.add(element.textContent ?? '');
  return counter.length;
}

/** Whether collapsedTextLength(element) > max, counting no further than that. */
export function collapsedTextLongerThan(element: Element, max: number): boolean {
  const counter = new CollapsedLength();
  if (textPieces) textPieces(element, counter, max);
  else counter.add(element.textContent ?? '');
  return counter.length > max;
}

let linkWalk: ((element: Element, weight: (link: Element) => number) => number) | null = null;

/**
 * Readability's link density, `Σ collapsedTextLength(a) × weight(a) / collapsedTextLength(element)`
 * over the element's links (`getElementsByTagName('a')`, nested ones too, summed in their order),
 * 0 when the element has no text: counted in one walk over the element, where each text node
 * counts for the element and for every link it is in, instead of a walk for the text and one for
 * the links.
 */
export function linkDensity(element: Element, weight: (link: Element) => number): number {
  return linkWalk ? linkWalk(element, weight) : linkDensityByParts(element, weight);
}

function linkDensityByParts(element: Element, weight: (link: Element) => number): number {
  const textLength = collapsedTextLength(element);
  if (textLength === 0) return 0;
  let linkLength = 0;
  for (const link of element.getElementsByTagName('a')) linkLength += collapsedTextLength(link) * weight(link);
  return linkLength / textLength;
}

let installed: boolean | undefined;

/** Installs the fast paths on linkedom's shared prototypes, once; whether they could be. */
export function installLinkedomFastPaths(): boolean {
  installed ??= install();
  return installed;
}

function install(): boolean {
  const found = findInternals();
  if (!found) return false;
  const { internals, document } = found;
  const { next: NEXT, end: END, mime: MIME, value: VALUE } = internals;
  const probe = document.body as Element;
  const parentNode = ownerOf(probe, 'querySelectorAll') as Record<string, unknown> | null;
  const element = ownerOf(probe, 'closest') as Record<string, unknown> | null;
  const tagNameOwner = ownerOf(probe, 'tagName');
  if (!parentNode || !element || !tagNameOwner || !Object.hasOwn(parentNode, 'getElementsByTagName')) return false;
  const originalAll = parentNode.querySelectorAll as Query;
  const originalOne = parentNode.querySelector as Query;
  const originalClosest = element.closest as (this: Element, selectors: string) => Element | null;
  const originalMatches = element.matches as (this: Element, selectors: string) => boolean;
  const NodeList = Object.getPrototypeOf(originalAll.call(probe, 'p')).constructor as NodeListClass;

  const isHtml = (node: { ownerDocument: Document | null }) =>
    (node.ownerDocument as unknown as Record<symbol, { ignoreCase: boolean }> | null)?.[MIME]?.ignoreCase === true;
  // css-select compares linkedom's name (lower-cased in HTML) with the selector's, lower-cased too.
  const matchesAny = (compiled: Exclude<Compiled, null>, node: LinkedNode) => compiled === '*' || compiled(node);
  const fastTags = (context: { ownerDocument: Document | null }, selectors: string) =>
    isHtml(context) ? compileSelectors(selectors) : null;
  // Written out in the two walks below, which run once per node of the page: a <template>'s content is skipped.
  parentNode.querySelectorAll = function (this: LinkedNode, selectors: string) {
    const tags = fastTags(this, selectors);
    if (!tags) return originalAll.call(this, selectors);
    const elements = new NodeList();
    const end = this[END];
    const any = tags === '*';
    for (let node = this[NEXT]; node !== end;) {
      if (node.nodeType !== ELEMENT_NODE) {
        node = node[NEXT];
        continue;
      }
      if (any || (tags as Matcher)(node)) elements.push(node);
      node = node.localName === 'template' ? node[END] : node[NEXT];
    }
    return elements;
  };

  parentNode.querySelector = function (this: LinkedNode, selectors: string) {
    const tags = fastTags(this, selectors);
    if (!tags) return originalOne.call(this, selectors);
    const end = this[END];
    const any = tags === '*';
    for (let node = this[NEXT]; node !== end;) {
      if (node.nodeType !== ELEMENT_NODE) {
        node = node[NEXT];
        continue;
      }
      if (any || (tags as Matcher)(node)) return node;
      node = node.localName === 'template' ? node[END] : node[NEXT];
    }
    return null;
  };

  element.closest = function (this: LinkedNode, selectors: string) {
    const tags = fastTags(this, selectors);
    if (!tags) return originalClosest.call(this, selectors);
    if (matchesAny(tags, this)) return this;
    for (let node = this.parentElement; node; node = node.parentElement)
      if (matchesAny(tags, node as unknown as LinkedNode)) return node;
    return null;
  };

  element.matches = function (this: LinkedNode, selectors: string) {
    const tags = fastTags(this, selectors);
    return tags ? matchesAny(tags, this) : originalMatches.call(this, selectors);
  };

  // As linkedom's own: the name as written, or upper-cased in an HTML document ('*' matches nothing).
  parentNode.getElementsByTagName = function (this: LinkedNode, tagName: string) {
    const elements = new NodeList();
    const end = this[END];
    // An upper-cased name can only equal a name that upper-casing leaves as it is ("P", not "p").
    const mayBeUpper = String(tagName) === upper(String(tagName));
    for (let node = this[NEXT]; node !== end; node = node[NEXT]) {
      if (node.nodeType !== ELEMENT_NODE) continue;
      const name = node.localName;
      if (name === tagName || (mayBeUpper && isHtml(node) && upper(name) === tagName)) elements.push(node);
    }
    return elements;
  };

  createNodesWithoutListenerMaps(probe);
  textByConcatenation(probe, internals);
  textNodeHoldsNonSpace = (element) => {
    const linked = element as unknown as LinkedNode;
    const end = linked[END];
    if (!end) return NON_SPACE.test(element.textContent ?? '');
    for (let node = linked[NEXT]; node !== end; node = node[NEXT]) {
      const type = node.nodeType;
      if ((type === TEXT_NODE || type === CDATA_SECTION_NODE) && NON_SPACE.test(node[VALUE] as unknown as string))
        return true;
    }
    return false;
  };
  // The count only grows: once past the limit, the rest of the text cannot bring it back.
  textPieces = (element, counter, limit) => {
    const linked = element as unknown as LinkedNode;
    const end = linked[END];
    if (!end) return counter.add(element.textContent ?? '');
    for (let node = linked[NEXT]; node !== end && counter.length <= limit; node = node[NEXT]) {
      const type = node.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) counter.add(node[VALUE] as unknown as string);
    }
  };
  linkWalk = (element, weight) => {
    const linked = element as unknown as LinkedNode;
    const end = linked[END];
    if (!end) return linkDensityByParts(element, weight);
    const text = new CollapsedLength();
    const links: LinkedNode[] = [];
    const counters: CollapsedLength[] = [];
    // The links the walk is inside, innermost last, with their end markers.
    const open: CollapsedLength[] = [];
    const openEnds: LinkedNode[] = [];
    for (let node = linked[NEXT]; node !== end; node = node[NEXT]) {
      const type = node.nodeType;
      if (type === ELEMENT_NODE) {
        if (node.localName === 'a') {
          const counter = new CollapsedLength();
          links.push(node);
          counters.push(counter);
          open.push(counter);
          openEnds.push(node[END]);
        }
      } else if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
        const piece = node[VALUE] as unknown as string;
        text.add(piece);
        for (let i = 0; i < open.length; i++) open[i].add(piece);
      } else if (openEnds.length > 0 && node === openEnds[openEnds.length - 1]) {
        open.pop();
        openEnds.pop();
      }
    }
    if (text.length === 0) return 0;
    let linkLength = 0;
    for (let i = 0; i < links.length; i++) linkLength += counters[i].length * weight(links[i]);
    return linkLength / text.length;
  };
  classNamesWithoutTokenLists(probe, internals);
  gettersWrittenOut(probe, internals, isHtml);
  const start = Object.getOwnPropertySymbols((probe as unknown as LinkedNode)[END]).find(
    (s) => s.description === 'start',
  );
  if (start) installSerializer(probe, { ...internals, start });

  Object.defineProperty(tagNameOwner, 'tagName', {
    configurable: true,
    enumerable: false,
    get(this: Element) {
      return isHtml(this) ? upper(this.localName) : this.localName;
    },
  });
  return true;
}
