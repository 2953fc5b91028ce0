import { useEffect, useRef, type MouseEvent } from 'react';
import { AppHeader } from './components/app-header.tsx';
import { ErrorBanner } from './components/error-banner.tsx';
import { AgingPage } from './pages/aging/aging-page.tsx';
import { ClientListPage } from './pages/clients/client-list-page.tsx';
import { ClientPage } from './pages/clients/client-page.tsx';
import { DashboardPage } from './pages/dashboard/dashboard-page.tsx';
import { ImportPage } from './pages/import/import-page.tsx';
import { RiskPage } from './pages/risk/risk-page.tsx';
import { TrendsPage } from './pages/trends/trends-page.tsx';
import { MetricsPage } from './pages/metrics/metrics-page.tsx';
import { OutboxPage } from './pages/outbox/outbox-page.tsx';
import { ReportsPage } from './pages/reports/reports-page.tsx';
import { SettingsPage } from './pages/settings/settings-page.tsx';
import { pageKey, useRouteStore, type Route } from './state/route-store.ts';

export function App() {
  const route = useRouteStore((state) => state.route);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const shownPage = pageKey(route);

  // After a page change, focus moves to the new page so that keyboard and screen-reader
  // users start reading there instead of at the link they followed.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [shownPage]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <AppHeader />
      <ErrorBanner />
      <main id="main" ref={main} tabIndex={-1}>
        <PageFor route={route} />
      </main>
    </>
  );
}

function PageFor({ route }: { route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'aging':
      return <AgingPage />;
    case 'clients':
      return <ClientListPage />;
    case 'client':
      // Keyed so that one client's figures never show under another's name while loading.
      return <ClientPage key={route.clientId} clientId={route.clientId} />;
    case 'risk':
      return <RiskPage />;
    case 'trends':
      return <TrendsPage clientId={route.clientId ?? null} />;
    case 'metrics':
      return <MetricsPage />;
    case 'reports':
      return <ReportsPage />;
    case 'outbox':
      return <OutboxPage />;
    case 'import':
      return <ImportPage />;
    case 'settings':
      return <SettingsPage />;
    case 'not-found':
      return (
        <section>
          <h1>Page not found</h1>
          <p>
            Nothing lives at <code>{route.hash}</code>.{' '}
            <a href="#/dashboard">Go to the dashboard</a>.
          </p>
        </section>
      );
  }
}

/** Moves focus to the content without following #main, which the router would read as a route. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
