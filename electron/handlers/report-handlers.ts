import { addDays, daysBetween, type IsoDate } from '../../shared/calendar-date.ts';
import { bucketKeys, bucketKeyFor, type AgingOptions } from '../../shared/aging.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { openInvoicesAt } from '../ledger/receivables.ts';
import { readSettings } from '../ledger/settings-store.ts';
import { agingReport } from '../reports/aging-report.ts';
import { collectionMetrics } from '../reports/collection-metrics-report.ts';
import { dsoByMonth } from '../reports/dso-trend.ts';
import type { LedgerContext } from './ledger-context.ts';

/** Days of the rolling window the dashboard's DSO, CEI and days late cover. */
const DASHBOARD_WINDOW_DAYS = 90;

function agingOptions(context: LedgerContext): AgingOptions {
  const settings = readSettings(context.reader);
  return { basis: settings.agingBasis, bounds: settings.agingBounds };
}

/** Handlers of the dashboard and the aging views. */
export function reportHandlers(
  context: LedgerContext,
): Pick<IpcHandlers, 'ledger/summary' | 'dashboard/get' | 'aging/summary' | 'aging/detail'> {
  const { reader } = context;
  return {
    'ledger/summary': () => {
      const counts = reader
        .prepare(
          `SELECT (SELECT COUNT(*) FROM clients) AS clients,
                  (SELECT COUNT(*) FROM invoices WHERE voided_at IS NULL) AS invoices,
                  (SELECT MIN(invoice_date) FROM invoices WHERE voided_at IS NULL) AS first,
                  (SELECT MAX(invoice_date) FROM invoices WHERE voided_at IS NULL) AS last`,
        )
        .get() as {
        clients: number;
        invoices: number;
        first: IsoDate | null;
        last: IsoDate | null;
      };
      const currencies = reader
        .prepare('SELECT DISTINCT currency FROM invoices ORDER BY currency')
        .pluck()
        .all() as string[];
      return {
        path: context.path,
        clients: counts.clients,
        invoices: counts.invoices,
        currencies,
        firstInvoiceDate: counts.first,
        lastInvoiceDate: counts.last,
      };
    },

    'dashboard/get': ({ asOf, currency }) => {
      const options = agingOptions(context);
      const totals = agingReport(reader, asOf, options).currencies[currency];
      const from = addDays(asOf, -(DASHBOARD_WINDOW_DAYS - 1));
      const metrics = collectionMetrics(reader, from, asOf).currencies[currency];
      const keys = bucketKeys(options.bounds);
      const buckets = keys.map((key) => ({ key, cents: totals?.buckets[key] ?? 0 }));
      const open = buckets.reduce((sum, bucket) => sum + bucket.cents, 0);
      const overdue = buckets
        .filter((bucket) => bucket.key !== 'current')
        .reduce((sum, bucket) => sum + bucket.cents, 0);
      return {
        asOf,
        currency,
        totalReceivablesCents: totals?.total ?? 0,
        overdueCents: overdue,
        overdueShare: open > 0 ? overdue / open : null,
        dso: metrics?.dso ?? null,
        cei: metrics?.cei ?? null,
        averageDaysLate: metrics?.averageDaysLate ?? null,
        buckets,
        unappliedCents: (totals?.unappliedPayments ?? 0) + (totals?.unappliedCredits ?? 0),
        dsoByMonth: dsoByMonth(reader, asOf, currency),
      };
    },

    'aging/summary': ({ asOf }) => {
      const options = agingOptions(context);
      const report = agingReport(reader, asOf, options, true);
      return {
        asOf,
        bucketKeys: bucketKeys(options.bounds),
        currencies: report.currencies,
        clients: report.clients ?? [],
      };
    },

    'aging/detail': ({ asOf, currency }) => {
      const options = agingOptions(context);
      const names = new Map(
        (
          reader.prepare('SELECT id, name FROM clients').all() as { id: number; name: string }[]
        ).map((client) => [client.id, client.name]),
      );
      const rows = [];
      for (const invoice of openInvoicesAt(reader, asOf)) {
        if (invoice.currency !== currency) continue;
        const start = options.basis === 'invoice' ? invoice.invoiceDate : invoice.dueDate;
        const daysPastDue = daysBetween(start, asOf);
        rows.push({
          invoiceId: invoice.invoiceId,
          clientId: invoice.clientId,
          clientName: names.get(invoice.clientId) ?? '',
          number: invoice.number,
          currency: invoice.currency,
          invoiceDate: invoice.invoiceDate,
          dueDate: invoice.dueDate,
          amountCents: invoice.amountCents,
          balanceCents: invoice.balanceCents,
          daysPastDue,
          bucket: bucketKeyFor(daysPastDue, options.bounds),
        });
      }
      return { rows };
    },
  };
}
