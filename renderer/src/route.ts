import { useEffect, useRef, useState } from 'react';
import { LIBRARY_VIEWS, type LibraryView } from '@shared/model';

/** Where the app is; kept in the location hash so a reload returns to the same place. */
export type Route =
  | { name: 'library'; view: LibraryView; tag?: string; focus?: Focus }
  | { name: 'reader'; id: string; highlight?: string }
  | { name: 'clips'; focus?: Focus };

/** What a list view puts the cursor in when it opens ("/" in the reader: its search field). */
export type Focus = 'search';
const FOCUS_SUFFIX = '?focus=search';

export const INBOX: Route = { name: 'library', view: 'inbox' };

export function parseRoute(hash: string): Route {
  const focus: { focus?: Focus } = hash.endsWith(FOCUS_SUFFIX) ? { focus: 'search' } : {};
  const place = focus.focus ? hash.slice(0, -FOCUS_SUFFIX.length) : hash;
  const parts = place.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'read' && parts[1])
    return parts[2] === 'highlight' && parts[3]
      ? { name: 'reader', id: parts[1], highlight: parts[3] }
      : { name: 'reader', id: parts[1] };
  if (parts[0] === 'clips') return { name: 'clips', ...focus };
  if (parts[0] === 'tag' && parts[1]) return { name: 'library', view: 'all', tag: parts[1], ...focus };
  const view = LIBRARY_VIEWS.find((v) => v === parts[0]);
  return { ...(view ? { name: 'library', view } : INBOX), ...focus };
}

export function routeHref(route: Route): string {
  if (route.name === 'reader') {
    const at = route.highlight ? `/highlight/${encodeURIComponent(route.highlight)}` : '';
    return `#/read/${encodeURIComponent(route.id)}${at}`;
  }
  const focus = route.focus ? FOCUS_SUFFIX : '';
  if (route.name === 'clips') return `#/clips${focus}`;
  if (route.tag) return `#/tag/${encodeURIComponent(route.tag)}${focus}`;
  return `#/${route.view}${focus}`;
}

export function navigate(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash !== href) window.location.hash = href;
}

/**
 * Puts the cursor where the route asks (once: the route then drops the request, without a new
 * history entry, so Back and a reload do not ask again).
 */
export function useRouteFocus(route: ListRoute, targets: Record<Focus, { current: HTMLElement | null }>): void {
  const latestTargets = useRef(targets);
  latestTargets.current = targets;
  useEffect(() => {
    if (!route.focus) return;
    latestTargets.current[route.focus].current?.focus();
    window.location.replace(routeHref({ ...route, focus: undefined }));
  }, [route]);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** The routes of the list views the reader returns to. */
export type ListRoute = Extract<Route, { name: 'library' | 'clips' }>;

let lastLibrary: ListRoute = { name: 'library', view: 'inbox' };
/** The library view the reader returns to. */
export const rememberLibraryRoute = (route: Route): void => {
  if (route.name === 'library' || route.name === 'clips') lastLibrary = { ...route, focus: undefined };
};
export const backToLibrary = (): void => navigate(lastLibrary);
/** Back to the library with the cursor in its search field. */
export const searchLibrary = (): void => navigate({ ...lastLibrary, focus: 'search' });
