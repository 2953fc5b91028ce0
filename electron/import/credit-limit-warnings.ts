import { checkCreditLimit, creditLimitWarning } from '../../shared/credit-limit.ts';
import type { Ledger } from '../ledger/database.ts';
import { outstandingBalance } from '../invoices/invoice-entry.ts';

/**
 * Warns about each client that the invoices of import batch `batchId` leave over its credit
 * limit, counting everything the client owes after the import, whatever the dates. Imports
 * record what was already invoiced elsewhere, so these are warnings, never refusals.
 * Call it inside the import's transaction, before the commit or the dry run's rollback.
 */
export function creditLimitWarningsForBatch(db: Ledger, batchId: number): string[] {
  const clients = db
    .prepare(
      `SELECT c.id, c.name, c.credit_limit_cents AS limitCents,
              c.credit_limit_currency AS currency
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
  }[];
  const warnings: string[] = [];
  for (const client of clients) {
    const balance = outstandingBalance(db, client.id, client.currency);
    const check = checkCreditLimit(
      { cents: client.limitCents, currency: client.currency },
      balance,
      0,
      client.currency,
    );
    const warning = creditLimitWarning(client.name, check, client.currency);
    if (warning !== null) warnings.push(warning);
  }
  return warnings;
}
