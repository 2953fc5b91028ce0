import { IpcFailure } from '../../shared/ipc/ipc-error.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { trendReport } from '../trends/trend-report.ts';
import type { LedgerContext } from './ledger-context.ts';

/** Handlers of the trends page. */
export function trendHandlers(context: LedgerContext): Pick<IpcHandlers, 'trends/report'> {
  const { reader } = context;
  return {
    'trends/report': ({ from, to }) => {
      // The schema checks each date alone; only the handler can detect a reversed period.
      if (from > to) {
        throw new IpcFailure(
          'rejected',
          `Invalid period ${from} to ${to}: give a start date on or before the end date.`,
        );
      }
      const report = trendReport(reader, from, to);
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
      // Each client's months stay out: the page shows the portfolio, and the series of every
      // client would multiply the response by the number of clients.
      const alerts = report.alerts.map((alert) => ({
        clientId: alert.clientId,
        code: alert.code,
        name: alert.name,
        currency: alert.currency,
        kind: alert.kind,
        sentence: alertSentence(alert.message),
      }));
      return { from, to, months: report.months, portfolio, alerts };
    },
  };
}

/** Turns an alert's message into a sentence of its own, capitalised with a full stop. */
export function alertSentence(message: string): string {
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}
