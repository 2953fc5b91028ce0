/**
 * A client's balance per currency on one day, read from `agingReport`, the function the aging
 * reports and the rest of the ledger read. A statement's opening and closing balances come
 * from here, so its closing balance is the ledger's balance for that client.
 */

import type { IsoDate } from '../../../../shared/calendar-date.ts';
import type { Ledger } from '../../../ledger/database.ts';
import { agingReport } from '../../aging-report.ts';

/** Balances per currency, in minor units. A currency the client never used is absent. */
export type Balances = ReadonlyMap<string, number>;

/**
 * Reads the client's balance per currency at the end of `date`: open invoice balances less the
 * payments and credits not yet applied, exactly as the aging report totals them.
 */
export function clientBalances(db: Ledger, clientId: number, date: IsoDate): Balances {
  const report = agingReport(db, date, undefined, true, { clientId });
  const client = report.clients?.find((entry) => entry.clientId === clientId);
  return new Map(Object.entries(client?.currencies ?? {}).map(([code, t]) => [code, t.total]));
}
