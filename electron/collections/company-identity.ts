import type { Ledger } from '../ledger/database.ts';
import { readSettings } from '../ledger/settings-store.ts';
import { readSmtpSettings } from './smtp-store.ts';

export interface CompanyIdentity {
  readonly name: string;
  /** E-mail and phone on one line, for the foot of a reminder. */
  readonly contact: string;
}

/**
 * Names the sender of reminders: the company in the settings, else the SMTP sender's name and
 * address, so that every reminder goes out signed.
 */
export function companyIdentity(db: Ledger): CompanyIdentity {
  const company = readSettings(db).company;
  const smtp = readSmtpSettings(db)?.settings;
  const name = company.name.trim() || smtp?.fromName.trim() || 'your supplier';
  const email = company.email.trim() || smtp?.fromAddress || '';
  return { name, contact: [email, company.phone.trim()].filter(Boolean).join(', ') };
}
