import {
  addToAging,
  addUnappliedToAging,
  DEFAULT_AGING_OPTIONS,
  emptyAgingTotals,
  validateBucketBounds,
  type AgingOptions,
  type AgingTotals,
} from '../../shared/aging.ts';
import { parseIsoDate, type IsoDate } from '../../shared/calendar-date.ts';
import type { Ledger } from '../ledger/database.ts';
import {
  openInvoicesAt,
  unappliedAt,
  type OpenBalances,
  type ReceivablesFilter,
} from '../ledger/receivables.ts';

export interface ClientAging {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  readonly currencies: Record<string, AgingTotals>;
}

export interface AgingReport {
  readonly asOf: IsoDate;
  readonly basis: AgingOptions['basis'];
  readonly bounds: readonly number[];
  /** Portfolio totals per currency, in minor units. */
  readonly currencies: Record<string, AgingTotals>;
  /** Present when asked for: one entry per client with a balance, by name. */
  readonly clients?: ClientAging[];
}

/** Ages the ledger's receivables at the end of `asOf`, per currency and optionally per client. */
export function agingReport(
  db: Ledger,
  asOf: IsoDate,
  options: AgingOptions = DEFAULT_AGING_OPTIONS,
  byClient = false,
  filter: ReceivablesFilter = {},
): AgingReport {
  parseIsoDate(asOf, 'as-of date');
  validateBucketBounds(options.bounds);
  const portfolio = new Map<string, AgingTotals>();
  const perClient = new Map<number, Map<string, AgingTotals>>();
  const totalsFor = (map: Map<string, AgingTotals>, currency: string) => {
    let totals = map.get(currency);
    if (!totals) {
      totals = emptyAgingTotals(options.bounds);
      map.set(currency, totals);
    }
    return totals;
  };
  const clientTotals = (clientId: number, currency: string) => {
    let map = perClient.get(clientId);
    if (!map) {
      map = new Map();
      perClient.set(clientId, map);
    }
    return totalsFor(map, currency);
  };

  const openBalances: OpenBalances = new Map();
  for (const invoice of openInvoicesAt(db, asOf, filter)) {
    addToAging(totalsFor(portfolio, invoice.currency), invoice, asOf, options);
    const balances = openBalances.get(invoice.clientId) ?? new Map<string, number>();
    balances.set(invoice.currency, (balances.get(invoice.currency) ?? 0) + invoice.balanceCents);
    openBalances.set(invoice.clientId, balances);
    if (byClient)
      addToAging(clientTotals(invoice.clientId, invoice.currency), invoice, asOf, options);
  }
  for (const amount of unappliedAt(db, asOf, openBalances, filter)) {
    addUnappliedToAging(totalsFor(portfolio, amount.currency), amount);
    if (byClient) addUnappliedToAging(clientTotals(amount.clientId, amount.currency), amount);
  }

  const report: AgingReport = {
    asOf,
    basis: options.basis,
    bounds: [...options.bounds],
    currencies: sortedRecord(portfolio),
  };
  if (!byClient) return report;
  const names = db.prepare('SELECT code, name FROM clients WHERE id = ?');
  const clients = [...perClient.entries()].map(([clientId, totals]) => {
    const client = names.get(clientId) as { code: string; name: string };
    return { clientId, code: client.code, name: client.name, currencies: sortedRecord(totals) };
  });
  clients.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
  return { ...report, clients };
}

/** Receivables at the end of `asOf` per currency: the aging total, unapplied amounts included. */
export function receivablesAt(
  db: Ledger,
  asOf: IsoDate,
  filter: ReceivablesFilter = {},
): Map<string, AgingTotals> {
  return new Map(Object.entries(agingReport(db, asOf, undefined, false, filter).currencies));
}

function sortedRecord<T>(map: Map<string, T>): Record<string, T> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
