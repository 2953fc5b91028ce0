import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { openLedger } from '../../electron/ledger/database.ts';
import { applyMigrations } from '../../electron/ledger/migrate.ts';
import { migrations } from '../../electron/ledger/migrations/index.ts';
import { useTempFolder } from '../support/temp-ledger.ts';

const temp = useTempFolder();

/** Writes a ledger at schema version 1 with two credit notes, one of them a write-off. */
function versionOneLedger(): { path: string; dir: string } {
  const dir = temp.folder();
  const path = `${dir}/old.sqlite`;
  const db = new Database(path);
  applyMigrations(db, path, migrations.slice(0, 1));
  const now = '2026-01-01T00:00:00.000Z';
  db.prepare(`INSERT INTO clients (code, name, created_at) VALUES ('c1', 'Client', ?)`).run(now);
  const credit = db.prepare(
    `INSERT INTO credit_notes (client_id, credit_date, amount_cents, currency, reason, created_at)
     VALUES (1, '2025-12-01', ?, 'USD', ?, ?)`,
  );
  credit.run(5_000, 'Bad debt: customer closed', now);
  credit.run(1_000, 'Returned goods', now);
  db.close();
  return { path, dir };
}

describe('ledger migrations', () => {
  it('upgrades a version 1 ledger after backing it up, keeping its records', () => {
    const { path, dir } = versionOneLedger();
    const db = openLedger(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT reason, kind FROM credit_notes ORDER BY id').all()).toEqual([
      { reason: 'Bad debt: customer closed', kind: 'write-off' },
      { reason: 'Returned goods', kind: 'credit' },
    ]);
    const backups = readdirSync(dir).filter((name) => name.endsWith('.backup'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^old\.sqlite\.v1\./);
    const backup = new Database(`${dir}/${backups[0]}`, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT COUNT(*) FROM credit_notes').pluck().get()).toBe(2);
    backup.close();
    const audit = db
      .prepare(`SELECT entity_id AS version FROM audit_log WHERE action = 'migrate' ORDER BY id`)
      .all();
    expect(audit).toEqual(migrations.map((migration) => ({ version: migration.version })));
    db.close();
  });

  it('upgrades a ledger opened read-only, so that reports can read it', () => {
    const { path } = versionOneLedger();
    const db = openLedger(path, { readOnly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(
      db.prepare(`SELECT COUNT(*) FROM credit_notes WHERE kind = 'write-off'`).pluck().get(),
    ).toBe(1);
    db.close();
  });

  it('refuses a ledger written by a newer version', () => {
    const { path } = versionOneLedger();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openLedger(path)).toThrow(
      `has schema version 99, newer than this Duedesk (${migrations.length}). ` +
        'Update Duedesk to open it.',
    );
  });

  it('rejects a late fee that names no invoice', () => {
    const { db } = temp.ledger();
    db.prepare(`INSERT INTO clients (code, name, created_at) VALUES ('c1', 'C', 'now')`).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO invoices (client_id, number, invoice_date, due_date, amount_cents,
             currency, kind, created_at)
           VALUES (1, 'F-1', '2026-01-01', '2026-01-01', 100, 'USD', 'late-fee', 'now')`,
        )
        .run(),
    ).toThrow('a late fee names its invoice and period, and only a late fee does');
  });
});
