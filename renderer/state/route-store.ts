import { create } from 'zustand';

export type Route =
  | { readonly page: 'dashboard' }
  | { readonly page: 'aging' }
  | { readonly page: 'clients' }
  | { readonly page: 'client'; readonly clientId: number }
  | { readonly page: 'risk' }
  /** With a clientId, the trends page charts that client instead of all clients. */
  | { readonly page: 'trends'; readonly clientId?: number }
  | { readonly page: 'metrics' }
  | { readonly page: 'reports' }
  | { readonly page: 'import' }
  | { readonly page: 'outbox' }
  | { readonly page: 'settings' }
  | { readonly page: 'not-found'; readonly hash: string };

interface RouteState {
  readonly route: Route;
}

/**
 * The page shown, read from the location hash. Hash routes work the same whether the app is
 * loaded from Electron's file:// URL or from the loopback host.
 */
export const useRouteStore = create<RouteState>()(() => ({ route: parseHash(location.hash) }));

window.addEventListener('hashchange', () => {
  useRouteStore.setState({ route: parseHash(location.hash) });
});

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  if (path === '' || path === 'dashboard') return { page: 'dashboard' };
  const pages = [
    'aging',
    'clients',
    'risk',
    'trends',
    'metrics',
    'reports',
    'outbox',
    'import',
    'settings',
  ] as const;
  const page = pages.find((candidate) => candidate === path);
  if (page !== undefined) return { page };
  const client = /^clients\/(\d{1,15})$/.exec(path);
  if (client) {
    const clientId = Number(client[1]);
    if (clientId > 0) return { page: 'client', clientId };
  }
  const trendsClient = /^trends\/(\d{1,15})$/.exec(path);
  if (trendsClient) {
    const clientId = Number(trendsClient[1]);
    if (clientId > 0) return { page: 'trends', clientId };
  }
  return { page: 'not-found', hash };
}

/** A route that a link can point at: every route but the fallback for unknown addresses. */
export type LinkableRoute = Exclude<Route, { page: 'not-found' }>;

export function hrefFor(route: LinkableRoute): string {
  if (route.page === 'trends' && route.clientId !== undefined) {
    return `#/trends/${route.clientId}`;
  }
  return route.page === 'client' ? `#/clients/${route.clientId}` : `#/${route.page}`;
}

/**
 * Names the page a route shows, leaving out the client the trends page charts: choosing one
 * there changes the charts, not the page, so focus should stay on the picker.
 */
export function pageKey(route: Route): string {
  if (route.page === 'not-found') return route.hash;
  return route.page === 'trends' ? hrefFor({ page: 'trends' }) : hrefFor(route);
}

export function navigate(route: LinkableRoute): void {
  location.hash = hrefFor(route);
}
