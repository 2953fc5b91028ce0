import { realpathSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

/** SQLite keeps a WAL ledger in up to three files: the database, its log and shared memory. */
export function ledgerFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`];
}

/** Deletes a ledger and its companion files; only for ledgers this process just created. */
export function removeLedgerFiles(path: string): void {
  for (const file of ledgerFiles(path)) rmSync(file, { force: true });
}

/** Tells whether `candidate` names the ledger at `ledgerPath` or one of its companion files. */
export function isLedgerFile(candidate: string, ledgerPath: string): boolean {
  const canonical = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  const target = canonical(candidate);
  return ledgerFiles(canonical(ledgerPath)).includes(target);
}
