import { useAsOfStore } from '../state/as-of-store.ts';
import { useCurrency, useCurrencyChoices, useCurrencyStore } from '../state/currency-store.ts';
import { useLedgerStore } from '../state/ledger-store.ts';
import { hrefFor, useRouteStore, type Route } from '../state/route-store.ts';

const sections = [
  { page: 'dashboard', label: 'Dashboard' },
  { page: 'aging', label: 'Aging' },
  { page: 'clients', label: 'Clients' },
  { page: 'risk', label: 'Risk' },
  { page: 'trends', label: 'Trends' },
  { page: 'metrics', label: 'Metrics' },
  { page: 'reports', label: 'Reports' },
  { page: 'outbox', label: 'Outbox' },
  { page: 'import', label: 'Import' },
  { page: 'settings', label: 'Settings' },
] as const;

/** Title, navigation and the as-of date and currency that every report uses. */
export function AppHeader() {
  const route = useRouteStore((state) => state.route);
  const ledgerPath = useLedgerStore((state) => state.summary?.path);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">Duedesk</span>
        {ledgerPath !== undefined && (
          <span className="ledger-name" title={ledgerPath}>
            {fileName(ledgerPath)}
          </span>
        )}
      </div>
      <nav aria-label="Sections">
        <ul className="nav-list">
          {sections.map((section) => (
            <li key={section.page}>
              <a
                href={hrefFor({ page: section.page })}
                aria-current={isInSection(route, section.page) ? 'page' : undefined}
              >
                {section.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="report-controls">
        <AsOfField />
        <CurrencyField />
      </div>
    </header>
  );
}

function AsOfField() {
  const asOf = useAsOfStore((state) => state.asOf);
  const setAsOf = useAsOfStore((state) => state.setAsOf);
  return (
    <label className="field-inline">
      <span>As of</span>
      <input
        type="date"
        value={asOf}
        min="1900-01-01"
        max="9999-12-31"
        required
        onChange={(event) => setAsOf(event.target.value)}
      />
    </label>
  );
}

function CurrencyField() {
  const currency = useCurrency();
  const choices = useCurrencyChoices();
  const choose = useCurrencyStore((state) => state.choose);
  return (
    <label className="field-inline">
      <span>Currency</span>
      <select
        value={currency ?? ''}
        disabled={currency === null}
        onChange={(event) => choose(event.target.value)}
      >
        {currency === null && <option value="">Loading…</option>}
        {choices.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </label>
  );
}

function isInSection(route: Route, page: Route['page']): boolean {
  return route.page === page || (route.page === 'client' && page === 'clients');
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
