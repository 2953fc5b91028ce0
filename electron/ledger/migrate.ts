import type Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { migrations, type Migration } from './migrations/index.ts';
import { recordAudit } from './audit-log.ts';

/**
 * Applies the migrations the ledger has not seen yet, in one transaction, after saving a
 * consistent copy of a non-empty ledger beside it. Returns the path of that copy, if any.
 */
export function applyMigrations(
  db: Database.Database,
  file: string,
  available: readonly Migration[] = migrations,
): string | null {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = available.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `Ledger ${file} has schema version ${current}, newer than this Duedesk (${latest}). ` +
        'Update Duedesk to open it.',
    );
  }
  const pending = available.filter((migration) => migration.version > current);
  if (pending.length === 0) return null;

  const backup = current > 0 ? backUpBeforeMigrating(db, file, current) : null;
  const migrate = db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
      recordAudit(db, {
        action: 'migrate',
        entity: 'schema',
        entityId: migration.version,
        details: { name: migration.name, backup },
      });
    }
  });
  migrate.immediate();
  return backup;
}

function backUpBeforeMigrating(db: Database.Database, file: string, version: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(dirname(file), `${basename(file)}.v${version}.${stamp}.backup`);
  if (existsSync(target)) throw new Error(`Backup file already exists: ${target}`);
  // VACUUM INTO writes a transactionally consistent copy, WAL contents included.
  db.prepare('VACUUM INTO ?').run(target);
  if (statSync(target).size === 0) throw new Error(`Backup before migrating is empty: ${target}`);
  return target;
}
