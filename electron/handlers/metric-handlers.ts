import { IpcFailure } from '../../shared/ipc/ipc-error.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { managementReport } from '../reports/management-metrics-report.ts';
import type { LedgerContext } from './ledger-context.ts';

/** Handlers of the metrics page and the client page's own row. */
export function metricHandlers(context: LedgerContext): Pick<IpcHandlers, 'metrics/management'> {
  const { reader } = context;
  return {
    'metrics/management': ({ from, to, clientId }) => {
      // The schema checks each date alone; only the handler can detect a reversed period.
      if (from > to) {
        throw new IpcFailure(
          'rejected',
          `Invalid period ${from} to ${to}: give a start date on or before the end date.`,
        );
      }
      const report = managementReport(reader, from, to);
      const clients = report.clients
        .filter((client) => clientId === undefined || client.clientId === clientId)
        .map(({ clientId: id, code, name, tier, currency, clients: count, metrics }) => ({
          clientId: id,
          code,
          name,
          tier,
          currency,
          clients: count,
          metrics: { ...metrics },
        }));
      return {
        from: report.from,
        to: report.to,
        monthEnds: report.monthEnds,
        portfolio: report.portfolio.map(({ currency, clients: count, metrics }) => ({
          currency,
          clients: count,
          metrics: { ...metrics },
        })),
        tiers: report.tiers.map(({ tier, currency, clients: count, metrics }) => ({
          tier,
          currency,
          clients: count,
          metrics: { ...metrics },
        })),
        clients,
      };
    },
  };
}
