import { z } from 'zod';
import { smtpSettingsSchema, type SmtpSettings } from '../../shared/mail/smtp-settings.ts';
import { firstIssue } from '../../shared/validation-issue.ts';
import { recordAudit } from '../ledger/audit-log.ts';
import type { Ledger } from '../ledger/database.ts';

const SETTINGS_KEY = 'smtp';

const storedSchema = z.object({
  settings: smtpSettingsSchema,
  /** The password as the secret store encrypted it; null when none was saved. */
  passwordCipher: z.string().nullable(),
});

export interface StoredSmtp {
  readonly settings: SmtpSettings;
  readonly passwordCipher: string | null;
}

/** Reads the SMTP settings, or null when none were saved (reminders then stay queued). */
export function readSmtpSettings(db: Ledger): StoredSmtp | null {
  const stored = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTINGS_KEY);
  if (typeof stored !== 'string') return null;
  const parsed = storedSchema.safeParse(JSON.parse(stored));
  if (!parsed.success) {
    throw new Error(
      `The SMTP settings saved in this ledger are damaged (${firstIssue(parsed.error)}). ` +
        'Save them again to repair them.',
    );
  }
  return parsed.data;
}

/**
 * Saves the SMTP settings. `passwordCipher` replaces the stored password when given (null
 * removes it) and keeps it when undefined. The audit log records the change, never the password.
 */
export function saveSmtpSettings(
  db: Ledger,
  candidate: unknown,
  passwordCipher?: string | null,
): SmtpSettings {
  const parsed = smtpSettingsSchema.safeParse(candidate);
  if (!parsed.success) throw new RangeError(`Invalid SMTP settings: ${firstIssue(parsed.error)}.`);
  db.transaction(() => {
    const cipher =
      passwordCipher === undefined
        ? (readSmtpSettings(db)?.passwordCipher ?? null)
        : passwordCipher;
    db.prepare(
      `INSERT INTO settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(SETTINGS_KEY, JSON.stringify({ settings: parsed.data, passwordCipher: cipher }));
    recordAudit(db, {
      action: 'update',
      entity: 'smtp-settings',
      details: {
        host: parsed.data.host,
        port: parsed.data.port,
        passwordChanged: passwordCipher !== undefined,
      },
    });
  })();
  return parsed.data;
}
