import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dunningConfigSchema, type DunningConfig } from '../../shared/dunning/dunning-ladder.ts';
import { firstIssue } from '../../shared/validation-issue.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';

const SETTINGS_KEY = 'dunning';
const defaultsFile = fileURLToPath(new URL('../../resources/dunning-ladder.json', import.meta.url));

let defaults: DunningConfig | null = null;

/** Returns the ladders and templates Duedesk ships, from resources/dunning-ladder.json. */
export function defaultDunningConfig(): DunningConfig {
  if (defaults === null) {
    const parsed = dunningConfigSchema.safeParse(JSON.parse(readFileSync(defaultsFile, 'utf8')));
    if (!parsed.success) {
      throw new Error(`${defaultsFile} is not a valid dunning ladder: ${firstIssue(parsed.error)}`);
    }
    defaults = parsed.data;
  }
  return defaults;
}

/** Reads the ledger's ladders and templates; a ledger that never saved any has the defaults. */
export function readDunningConfig(db: Ledger): DunningConfig {
  const stored = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTINGS_KEY);
  if (typeof stored !== 'string') return defaultDunningConfig();
  const parsed = dunningConfigSchema.safeParse(JSON.parse(stored));
  if (!parsed.success) {
    throw new Error(
      `The dunning ladder saved in this ledger is damaged (${firstIssue(parsed.error)}). ` +
        'Save the ladder again to repair it.',
    );
  }
  return parsed.data;
}

/** Validates and saves the ladders and templates, recording the change in the audit log. */
export function saveDunningConfig(db: Ledger, candidate: unknown): DunningConfig {
  const parsed = dunningConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new RangeError(`Invalid dunning ladder: ${firstIssue(parsed.error)}.`);
  }
  db.transaction(() => {
    db.prepare(
      `INSERT INTO settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(SETTINGS_KEY, JSON.stringify(parsed.data));
    recordAudit(db, { action: 'update', entity: 'dunning-ladder', details: {} });
  })();
  return parsed.data;
}
