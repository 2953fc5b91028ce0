import { DEFAULT_AGING_OPTIONS } from '../../shared/aging.ts';
import { ipcContract, type Settings } from '../../shared/ipc/contract.ts';
import { recordAudit } from './audit-log.ts';
import type { Ledger } from './database.ts';

const SETTINGS_KEY = 'app';

/** Settings of a new ledger; the home currency follows the ledger's most invoiced currency. */
function defaultSettings(db: Ledger): Settings {
  const currency = db
    .prepare(
      `SELECT currency FROM invoices WHERE voided_at IS NULL
       GROUP BY currency ORDER BY COUNT(*) DESC, currency LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;
  return {
    agingBounds: [...DEFAULT_AGING_OPTIONS.bounds],
    agingBasis: DEFAULT_AGING_OPTIONS.basis,
    homeCurrency: currency ?? 'USD',
    company: { name: '', address: '', email: '', phone: '' },
  };
}

/** Reads the ledger's settings, filling what was never saved with defaults. */
export function readSettings(db: Ledger): Settings {
  const stored = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTINGS_KEY);
  const defaults = defaultSettings(db);
  if (typeof stored !== 'string') return defaults;
  const parsed = ipcContract['settings/update'].request.safeParse(JSON.parse(stored));
  // Settings written by a newer or broken version fall back to defaults field by field.
  return parsed.success ? { ...defaults, ...parsed.data } : defaults;
}

/** Saves the given fields over the current settings and records the change in the audit log. */
export function updateSettings(db: Ledger, changes: Partial<Settings>): Settings {
  const next = { ...readSettings(db), ...changes };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(SETTINGS_KEY, JSON.stringify(next));
    recordAudit(db, { action: 'update', entity: 'settings', details: { changes } });
  })();
  return next;
}
