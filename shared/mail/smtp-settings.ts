/**
 * The settings of the user's own SMTP server, through which reminders go out. The password is not part of these settings:
 * it is kept encrypted by the operating system's secret store and never written in plain text.
 */

import { z } from 'zod';

const host = z
  .string()
  .trim()
  .min(1, 'enter the server name, such as smtp.example.com')
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'use a host name or an IP address');

const address = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@<>]+@[^\s@<>]+$/, 'enter an address such as accounts@example.com');

export const smtpSettingsSchema = z
  .object({
    host,
    port: z.number().int().min(1).max(65_535),
    /** `starttls` upgrades a plain connection (port 587), `tls` starts encrypted (port 465). */
    security: z.enum(['starttls', 'tls', 'none']),
    /** Empty when the server needs no login. */
    user: z.string().trim().max(254),
    fromAddress: address,
    fromName: z
      .string()
      .trim()
      .max(100)
      .regex(
        /^[^\p{Cc}"<>]*$/u,
        'use letters, digits and spaces, without quotes or angle brackets',
      ),
    /** Empty to have replies go to the from address. */
    replyTo: z.union([z.literal(''), address]),
  })
  .strict();

export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

/**
 * Returns whether `value` is one plain e-mail address, such as ap@client.com: no display name,
 * no list, no spaces or line breaks. A reminder goes to the client's address alone, so a
 * value that a mail library could read as several addresses or extra headers is refused.
 */
export function isSingleAddress(value: string | null): value is string {
  return (
    value !== null &&
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(value)
  );
}

/** Returns the From header: `Name <address>`, or the address alone. */
export function fromHeader(settings: SmtpSettings): string {
  return settings.fromName === ''
    ? settings.fromAddress
    : `"${settings.fromName}" <${settings.fromAddress}>`;
}
