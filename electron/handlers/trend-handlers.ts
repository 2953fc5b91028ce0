import { IpcFailure } from '../../shared/ipc/ipc-error.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { trendReport } from '../trends/trend-report.ts';
import type { LedgerContext } from './ledger-context.ts';

/** Handlers of the trends page. */
export function trendHandlers(context: LedgerContext): Pick<IpcHandlers, 'trends/report'> {
  const { reader } = context;
  return {
    'trends/report': ({ from, to, clientId }) => {
      // The schema checks each date alone; only the handler can detect a reversed period.
      if (from > to) {
        throw new IpcFailure(
          'rejected',
          `Invalid period ${from} to ${to}: give a start date on or before the end date.`,
        );
      }
      const report = trendReport(reader, from, to, {}, { clientId });
      const portfolio = Object.fromEntries(
        Object.entries(report.portfolio).map(([currency, months]) => [
          currency,
          // Credit utilisation is left out: it is always null for the portfolio, which has no
          // credit limit.
          months.map((month) => ({
            month: month.month,
            settledInvoices: month.settledInvoices,
            lateInvoices: month.lateInvoices,
            settledAmountCents: month.settledAmountCents,
            averagePaymentDays: month.averagePaymentDays,
            averageDaysLate: month.averageDaysLate,
            lateShare: month.lateShare,
            dso: month.dso,
            receivablesCents: month.receivablesCents,
            creditSalesCents: month.creditSalesCents,
            openBalanceCents: month.openBalanceCents,
          })),
        ]),
      );
      // Only a named client's months are sent: the series of every client would multiply the
      // response by the number of clients, so the picker gets names only.
      const clients = report.clients.map(({ clientId, code, name, currency }) => ({
        clientId,
        code,
        name,
        currency,
      }));
      // A one-client report contains that client alone, unless it had no invoice by `to`.
      const client = clientId === undefined ? null : (report.clients[0] ?? null);
      const alerts = report.alerts.map((alert) => ({
        clientId: alert.clientId,
        code: alert.code,
        name: alert.name,
        currency: alert.currency,
        kind: alert.kind,
        sentence: alertSentence(alert.message),
      }));
      return { from, to, months: report.months, portfolio, clients, client, alerts };
    },
  };
}

/** Turns an alert's message into a sentence of its own, capitalised with a full stop. */
export function alertSentence(message: string): string {
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}
