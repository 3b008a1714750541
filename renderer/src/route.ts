import { useEffect, useState } from 'react';
import { LIBRARY_VIEWS, type LibraryView } from '@shared/model';

/** Where the app is; kept in the location hash so a reload returns to the same place. */
export type Route =
  | { name: 'library'; view: LibraryView; tag?: string }
  | { name: 'reader'; id: string; highlight?: string }
  | { name: 'clips' };

export const INBOX: Route = { name: 'library', view: 'inbox' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'read' && parts[1])
    return parts[2] === 'highlight' && parts[3]
      ? { name: 'reader', id: parts[1], highlight: parts[3] }
      : { name: 'reader', id: parts[1] };
  if (parts[0] === 'clips') return { name: 'clips' };
  if (parts[0] === 'tag' && parts[1]) return { name: 'library', view: 'all', tag: parts[1] };
  const view = LIBRARY_VIEWS.find((v) => v === parts[0]);
  return view ? { name: 'library', view } : INBOX;
}

export function routeHref(route: Route): string {
  if (route.name === 'reader') {
    const at = route.highlight ? `/highlight/${encodeURIComponent(route.highlight)}` : '';
    return `#/read/${encodeURIComponent(route.id)}${at}`;
  }
  if (route.name === 'clips') return '#/clips';
  if (route.tag) return `#/tag/${encodeURIComponent(route.tag)}`;
  return `#/${route.view}`;
}

export function navigate(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash !== href) window.location.hash = href;
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

let lastLibrary: Route = INBOX;
/** The library view the reader returns to. */
export const rememberLibraryRoute = (route: Route): void => {
  if (route.name === 'library' || route.name === 'clips') lastLibrary = route;
};
export const backToLibrary = (): void => navigate(lastLibrary);
