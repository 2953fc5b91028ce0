/**
 * The "Send test e-mail" action of the SMTP settings: one message through the settings as typed,
 * so that a wrong port or password shows before any reminder waits on it. A failure is described
 * in plain words, with the server's response.
 */

import type { SmtpSettings } from '../../shared/mail/smtp-settings.ts';
import { createMailTransport } from './mail-transport.ts';

/** Sends the test message to `to`. Raises a RangeError that describes the failure. */
export async function sendTestMessage(
  settings: SmtpSettings,
  password: string | null,
  to: string,
  now: Date = new Date(),
): Promise<void> {
  const { transport, sender } = createMailTransport(settings, password);
  const text =
    'Duedesk sent this message to check its SMTP settings. ' +
    'Reminders to your clients go out through this server.\n';
  try {
    await transport.sendMail({
      from: sender.from,
      to,
      ...(sender.replyTo === undefined ? {} : { replyTo: sender.replyTo }),
      subject: 'Duedesk test message',
      text,
      html: `<p>${text.trim()}</p>`,
      messageId: `<smtp-test-${now.getTime()}@duedesk.invalid>`,
      headers: {},
    });
  } catch (error) {
    throw new RangeError(describeMailError(error, settings));
  } finally {
    transport.close();
  }
}

/** The fields nodemailer puts on its errors. */
interface MailError {
  readonly message?: unknown;
  readonly code?: unknown;
  readonly response?: unknown;
}

/**
 * Describes in plain words why a message did not go out through `settings`, and what to check.
 */
export function describeMailError(error: unknown, settings: SmtpSettings): string {
  const { message, code, response } = (error ?? {}) as MailError;
  const text = typeof message === 'string' ? message : String(error);
  const serverResponse = typeof response === 'string' && response !== '' ? response : null;
  const server = `${settings.host}:${settings.port}`;

  if (code === 'EAUTH') {
    const detail = serverResponse ? ` (response: ${serverResponse})` : '';
    return `The server ${server} rejected the login${detail}. Check the user name and password.`;
  }

  if (code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(text)) {
    return `No server named ${settings.host} was found. Check the server name.`;
  }

  if (/ECONNREFUSED/.test(text)) {
    return (
      `Nothing accepted a connection at ${server}. ` +
      'Check the server name and port, and that the server is running.'
    );
  }

  if (code === 'ETIMEDOUT' || /timeout|timed out/i.test(text)) {
    return (
      `The server ${server} timed out. ` +
      'Check the server name, the port and the security setting.'
    );
  }

  if (code === 'ETLS' || /TLS|SSL|certificate/i.test(text)) {
    return (
      `No secure connection could be made with ${server} (${text}). Check the security ` +
      'setting: port 465 usually takes TLS, port 587 STARTTLS.'
    );
  }

  if (code === 'EENVELOPE' && serverResponse) {
    return (
      `The server ${server} rejected the addresses: ${serverResponse}. ` + 'Check the from address.'
    );
  }

  if (serverResponse) return `The server ${server} rejected the message: ${serverResponse}.`;
  return `The message could not be sent through ${server}: ${text}.`;
}
