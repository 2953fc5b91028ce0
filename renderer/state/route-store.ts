import { create } from 'zustand';

export type Route =
  | { readonly page: 'dashboard' }
  | { readonly page: 'aging' }
  | { readonly page: 'clients' }
  | { readonly page: 'client'; readonly clientId: number }
  | { readonly page: 'risk' }
  | { readonly page: 'trends' }
  | { readonly page: 'import' }
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
  const pages = ['aging', 'clients', 'risk', 'trends', 'import', 'settings'] as const;
  const page = pages.find((candidate) => candidate === path);
  if (page !== undefined) return { page };
  const client = /^clients\/(\d{1,15})$/.exec(path);
  if (client) {
    const clientId = Number(client[1]);
    if (clientId > 0) return { page: 'client', clientId };
  }
  return { page: 'not-found', hash };
}

/** A route that a link can point at: every route but the fallback for unknown addresses. */
export type LinkableRoute = Exclude<Route, { page: 'not-found' }>;

export function hrefFor(route: LinkableRoute): string {
  return route.page === 'client' ? `#/clients/${route.clientId}` : `#/${route.page}`;
}

export function navigate(route: LinkableRoute): void {
  location.hash = hrefFor(route);
}
