import { IpcFailure } from '../../shared/ipc/ipc-error.ts';
import type { IpcHandlers } from '../ipc/dispatch.ts';
import { collectionActivityReport } from '../reports/collection-activity-report.ts';
import type { LedgerContext } from './ledger-context.ts';

/** Handler of the collection activity metrics on the metrics page. */
export function collectionActivityHandlers(
  context: LedgerContext,
): Pick<IpcHandlers, 'metrics/collection-activity'> {
  return {
    'metrics/collection-activity': ({ from, to, clientId }) => {
      // The schema checks each date alone; only the handler can detect a reversed period.
      if (from > to) {
        throw new IpcFailure(
          'rejected',
          `Invalid period ${from} to ${to}: give a start date on or before the end date.`,
        );
      }
      const report = collectionActivityReport(context.reader, from, to);
      return {
        ...report,
        clients: report.clients.filter(
          (client) => clientId === undefined || client.clientId === clientId,
        ),
      };
    },
  };
}
