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

interface Internals {
  next: symbol;
  end: symbol;
  mime: symbol;
}

interface LinkedNode extends Element {
  [internal: symbol]: LinkedNode;
}
type NodeListClass = new () => Element[];
type Query = (this: ParentNode, selectors: string) => unknown;

const ELEMENT_NODE = 1;
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

/** The lower-cased names of a plain tag-name list, or null for any other selector (linkedom handles those). */
const tagLists = new Map<string, ReadonlySet<string> | null>();
function tagList(selectors: string): ReadonlySet<string> | null {
  let tags = tagLists.get(selectors);
  if (tags === undefined) {
    tags = TAG_LIST.test(selectors) ? new Set(selectors.split(',').map((t) => t.trim().toLowerCase())) : null;
    if (tagLists.size >= CACHE_LIMIT) tagLists.clear();
    tagLists.set(selectors, tags);
  }
  return tags;
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
  if (!next || !end || !mime) return null;
  const internals = { next, end, mime };
  // The layout the walks rely on: an element's list runs from its first child to its own end marker.
  const linked = p as unknown as LinkedNode;
  const text = linked[next] as unknown as Node | undefined;
  if (text?.nodeType !== 3 || text.textContent !== 'probe' || (text as unknown as LinkedNode)[next] !== linked[end])
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
  const { next: NEXT, end: END, mime: MIME } = internals;
  const probe = document.body as Element;
  const parentNode = ownerOf(probe, 'querySelectorAll') as Record<string, unknown> | null;
  const element = ownerOf(probe, 'closest') as Record<string, unknown> | null;
  const tagNameOwner = ownerOf(probe, 'tagName');
  if (!parentNode || !element || !tagNameOwner || !Object.hasOwn(parentNode, 'getElementsByTagName')) return false;
  const originalAll = parentNode.querySelectorAll as Query;
  const originalOne = parentNode.querySelector as Query;
  const originalClosest = element.closest as (this: Element, selectors: string) => Element | null;
  const NodeList = Object.getPrototypeOf(originalAll.call(probe, 'p')).constructor as NodeListClass;

  const isHtml = (node: { ownerDocument: Document | null }) =>
    (node.ownerDocument as unknown as Record<symbol, { ignoreCase: boolean }> | null)?.[MIME]?.ignoreCase === true;
  // css-select compares linkedom's name (lower-cased in HTML) with the selector's, lower-cased too.
  const matchesAny = (tags: ReadonlySet<string> | '*', node: LinkedNode) =>
    tags === '*' || tags.has(lower(node.localName));
  const fastTags = (context: { ownerDocument: Document | null }, selectors: string) =>
    isHtml(context) ? (selectors.trim() === '*' ? '*' : tagList(selectors)) : null;
  const advance = (node: LinkedNode) =>
    node.nodeType === ELEMENT_NODE && node.localName === 'template' ? node[END] : node[NEXT];

  parentNode.querySelectorAll = function (this: LinkedNode, selectors: string) {
    const tags = fastTags(this, selectors);
    if (!tags) return originalAll.call(this, selectors);
    const elements = new NodeList();
    const end = this[END];
    for (let node = this[NEXT]; node !== end; node = advance(node))
      if (node.nodeType === ELEMENT_NODE && matchesAny(tags, node)) elements.push(node);
    return elements;
  };

  parentNode.querySelector = function (this: LinkedNode, selectors: string) {
    const tags = fastTags(this, selectors);
    if (!tags) return originalOne.call(this, selectors);
    const end = this[END];
    for (let node = this[NEXT]; node !== end; node = advance(node))
      if (node.nodeType === ELEMENT_NODE && matchesAny(tags, node)) return node;
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

  Object.defineProperty(tagNameOwner, 'tagName', {
    configurable: true,
    enumerable: false,
    get(this: Element) {
      return isHtml(this) ? upper(this.localName) : this.localName;
    },
  });
  return true;
}
