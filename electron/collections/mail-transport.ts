import { createTransport } from 'nodemailer';
import { fromHeader, type SmtpSettings } from '../../shared/mail/smtp-settings.ts';
import type { Ledger } from '../ledger/database.ts';
import type { MailTransport, Sender } from './reminder-delivery.ts';
import type { SecretStore } from './secret-store.ts';
import { readSmtpSettings } from './smtp-store.ts';

export interface MailSetup {
  readonly transport: MailTransport & { close(): void };
  readonly sender: Sender;
}

/** Makes a nodemailer transport for the user's SMTP server. */
export function createMailTransport(settings: SmtpSettings, password: string | null): MailSetup {
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.user === '' ? {} : { auth: { user: settings.user, pass: password ?? '' } }),
    // A reminder pass must not hang on a server that accepts the connection and stalls.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    transport,
    sender: {
      from: fromHeader(settings),
      ...(settings.replyTo === '' ? {} : { replyTo: settings.replyTo }),
    },
  };
}

/** Returns the ledger's mail set-up, or null while no SMTP server is set. */
export async function ledgerMailSetup(db: Ledger, secrets: SecretStore): Promise<MailSetup | null> {
  const stored = readSmtpSettings(db);
  if (stored === null) return null;
  return createMailTransport(stored.settings, await secrets.decrypt(stored.passwordCipher));
}
