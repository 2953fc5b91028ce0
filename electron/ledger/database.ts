import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { applyMigrations } from './migrate.ts';
import { migrations } from './migrations/index.ts';

export type Ledger = Database.Database;

export interface OpenLedgerOptions {
  /** Open an existing ledger without writing to it; raises when it is missing or outdated. */
  readonly readOnly?: boolean;
  /** Raise instead of creating a ledger, for commands that change an existing one. */
  readonly mustExist?: boolean;
}

/**
 * Opens (and creates when missing) the ledger file at `path`, with the pragmas every
 * connection needs, and brings its schema up to date.
 */
export function openLedger(path: string, options: OpenLedgerOptions = {}): Ledger {
  // ':memory:' gives a scratch ledger that vanishes on close, for dry runs on no file.
  const file = path === ':memory:' ? path : resolve(path);
  if ((options.readOnly || options.mustExist) && file !== ':memory:' && !existsSync(file)) {
    throw new Error(
      `Ledger not found: ${file}. Create it with "duedesk import" or "duedesk demo".`,
    );
  }
  if (!options.readOnly && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  if (options.readOnly) upgradeBeforeReading(file);
  const db = new Database(file, { readonly: options.readOnly ?? false, fileMustExist: false });
  try {
    configureConnection(db, options.readOnly ?? false);
    if (!options.readOnly) applyMigrations(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Applies pending migrations to a ledger about to be opened read-only, because the queries of
 * this version need its schema. A ledger that cannot be written is reported, not half-read.
 */
function upgradeBeforeReading(file: string): void {
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  const version = probe.pragma('user_version', { simple: true }) as number;
  probe.close();
  if (version >= (migrations.at(-1)?.version ?? 0)) return;
  let writer: Ledger;
  try {
    writer = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new Error(
      `Ledger ${file} has schema version ${version} and needs upgrading, but it cannot be ` +
        `opened for writing (${(error as Error).message}). Copy it to a writable folder.`,
    );
  }
  try {
    configureConnection(writer, false);
    applyMigrations(writer, file);
  } finally {
    writer.close();
  }
}

function configureConnection(db: Ledger, readOnly: boolean): void {
  // WAL lets readers (reports, the UI) run while an import writes; FULL sync makes each
  // committed transaction survive a power cut, which matters more than write speed here.
  if (!readOnly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache instead of SQLite's 2 MiB default: a ledger of a million invoices
  // has indexes far larger than 2 MiB, and imports spent most of their time re-reading them.
  db.pragma('cache_size = -65536');
}
