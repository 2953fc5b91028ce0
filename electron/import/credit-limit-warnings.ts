import { checkCreditLimit, creditLimitWarning } from '../../shared/credit-limit.ts';
import type { Ledger } from '../ledger/database.ts';
import { openBalance } from '../invoices/invoice-entry.ts';

/**
 * Warns about each client that the invoices of import batch `batchId` leave over its credit
 * limit, at the date of the client's last invoice in the batch. Imports record what was
 * already invoiced elsewhere, so these are warnings for the bookkeeper, never refusals.
 * Call it inside the import's transaction, before the commit or the dry run's rollback.
 */
export function creditLimitWarningsForBatch(db: Ledger, batchId: number): string[] {
  const clients = db
    .prepare(
      `SELECT c.id, c.name, c.credit_limit_cents AS limitCents,
              c.credit_limit_currency AS currency, MAX(i.invoice_date) AS lastDate
       FROM invoices i JOIN clients c ON c.id = i.client_id
       WHERE i.import_batch_id = ? AND c.credit_limit_cents IS NOT NULL
         AND c.credit_limit_currency IS NOT NULL AND i.currency = c.credit_limit_currency
       GROUP BY c.id ORDER BY c.name`,
    )
    .all(batchId) as {
    id: number;
    name: string;
    limitCents: number;
    currency: string;
    lastDate: string;
  }[];
  const warnings: string[] = [];
  for (const client of clients) {
    const balance = openBalance(db, client.id, client.currency, client.lastDate);
    const check = checkCreditLimit(
      { cents: client.limitCents, currency: client.currency },
      balance,
      0,
      client.currency,
    );
    const warning = creditLimitWarning(client.name, check);
    if (warning !== null) warnings.push(`${warning} on ${client.lastDate}`);
  }
  return warnings;
}
