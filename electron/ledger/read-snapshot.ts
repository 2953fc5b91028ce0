import type { Ledger } from './database.ts';

/**
 * Runs `work` inside one read transaction, so that every query it makes, across awaits, reads
 * the ledger as it was at the first one. In WAL mode an import committing meanwhile then
 * cannot give a report its invoices from before the import and its balances from after.
 * A call inside another joins the open transaction. The connection must run nothing else
 * until `work` settles, so callers give it a connection of its own.
 */
export async function inReadSnapshot<T>(db: Ledger, work: () => Promise<T>): Promise<T> {
  if (db.inTransaction) return work();
  db.exec('BEGIN');
  try {
    return await work();
  } finally {
    endReadTransaction(db);
  }
}

/**
 * Ends the read transaction. A read-only transaction has nothing to keep, so when COMMIT
 * fails (a statement of a failed report still in progress), ROLLBACK ends it instead.
 */
function endReadTransaction(db: Ledger): void {
  if (!db.inTransaction) return;
  try {
    db.exec('COMMIT');
  } catch {
    db.exec('ROLLBACK');
  }
}
