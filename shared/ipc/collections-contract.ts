/**
 * The channels of the collections work: the outbox of reminders, the dunning ladder editor and
 * the SMTP settings. Part of `ipcContract`, kept here so that the contract file stays short.
 */

import { z } from 'zod';
import { dunningConfigSchema } from '../dunning/dunning-ladder.ts';
import { reminderEditSchema } from '../dunning/reminder-edit.ts';
import { smtpSettingsSchema } from '../mail/smtp-settings.ts';
import { cents, id, isoDate } from './schemas.ts';

export const reminderStatuses = [
  'review',
  'queued',
  'sending',
  'failed',
  'sent',
  'skipped',
  'cancelled',
  'superseded',
] as const;

const reminderStatus = z.enum(reminderStatuses);

/** One reminder as the outbox lists it. Times are ISO instants, dates `YYYY-MM-DD`. */
const outboxRow = z.object({
  reminderId: id,
  clientId: id,
  clientCode: z.string(),
  clientName: z.string(),
  stageId: z.string(),
  stageName: z.string(),
  channel: z.enum(['email', 'letter', 'call']),
  status: reminderStatus,
  queuedOn: isoDate,
  recipient: z.string().nullable(),
  /** Amount the reminder requests, per currency, in minor units. */
  totals: z.record(z.string(), cents),
  invoiceCount: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  statusReason: z.string().nullable(),
  sentAt: z.string().nullable(),
});

/** One reminder with its message and the invoices it covers. */
const reminderDetail = outboxRow.extend({
  subject: z.string(),
  bodyText: z.string(),
  bodyHtml: z.string(),
  /**
   * Time a person last changed its subject or text, or null while it is as the template made it.
   */
  editedAt: z.string().nullable(),
  invoices: z.array(
    z.object({
      number: z.string(),
      dueDate: isoDate,
      currency: z.string(),
      /** The balance when the reminder was queued. */
      balanceCents: cents,
    }),
  ),
});

const reminderRequest = z.object({ reminderId: id }).strict();

const deliverySummary = z.object({
  sent: z.array(id),
  failed: z.array(z.object({ reminderId: id, error: z.string() })),
  cancelled: z.array(id),
});

const outboxActionResponse = z.object({
  reminder: reminderDetail,
  /** Result of the delivery run right after the change, or null when none ran (no SMTP server). */
  delivery: deliverySummary.nullable(),
});

const dunningResponse = z.object({
  config: dunningConfigSchema,
  /** The ladders and templates Duedesk ships, for "Restore the defaults". */
  defaults: dunningConfigSchema,
  placeholders: z.array(z.object({ name: z.string(), description: z.string() })),
});

const smtpResponse = z.object({
  /** Null until the SMTP server is set: e-mail reminders then wait in the outbox. */
  settings: smtpSettingsSchema.nullable(),
  /** Whether an encrypted password is saved. The password itself never leaves the ledger. */
  hasPassword: z.boolean(),
});

/** New password: missing keeps the saved password, and null removes it. */
const password = z.string().min(1).max(1000).nullable().optional();

export const collectionsContract = {
  'outbox/list': {
    /** Without a status, every reminder, newest first. */
    request: z.object({ status: reminderStatus.optional() }).strict(),
    response: z.object({
      rows: z.array(outboxRow),
      /** How many reminders have each status, whatever the filter. */
      counts: z.record(z.string(), z.number().int().nonnegative()),
    }),
  },
  'outbox/get': {
    request: reminderRequest,
    response: reminderDetail,
  },
  /** An e-mail waiting for review goes into the queue. */
  'outbox/approve': { request: reminderRequest, response: outboxActionResponse },
  /**
   * A letter posted or a call made: the reminder becomes sent and the client's timeline records
   * the letter or call.
   */
  'outbox/mark-done': {
    request: reminderRequest.extend({ note: z.string().trim().max(500).optional() }).strict(),
    response: outboxActionResponse,
  },
  'outbox/edit': {
    request: reminderRequest.extend(reminderEditSchema.shape).strict(),
    response: outboxActionResponse,
  },
  'outbox/skip': {
    request: reminderRequest
      .extend({
        reason: z
          .string()
          .trim()
          .min(1, 'say why the reminder is skipped')
          .max(200)
          .regex(/^[^\p{Cc}]*$/u, 'use one line of printable characters'),
      })
      .strict(),
    response: outboxActionResponse,
  },
  /** A queued or failed e-mail goes out now, if the SMTP server is set. */
  'outbox/send-now': { request: reminderRequest, response: outboxActionResponse },
  /** A failed e-mail is tried again now. */
  'outbox/retry': { request: reminderRequest, response: outboxActionResponse },
  'dunning/get': { request: z.object({}).strict(), response: dunningResponse },
  'dunning/save': { request: dunningConfigSchema, response: dunningResponse },
  'smtp/get': { request: z.object({}).strict(), response: smtpResponse },
  'smtp/save': {
    request: z.object({ settings: smtpSettingsSchema, password }).strict(),
    response: smtpResponse,
  },
  /**
   * Sends one message with `settings` (saved or not) to `to`. Without a password in the
   * request, the saved one is used. When the server rejects the message, the error message
   * contains the server's response.
   */
  'smtp/test': {
    request: z
      .object({ settings: smtpSettingsSchema, password, to: smtpSettingsSchema.shape.fromAddress })
      .strict(),
    response: z.object({ to: z.string() }),
  },
} as const;
