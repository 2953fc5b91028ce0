import { z } from 'zod';
import { isIsoDate } from '../calendar-date.ts';
import { isCurrencyCode } from '../money.ts';

/** Building blocks of the IPC contract's payloads. */

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'expected an existing calendar date as YYYY-MM-DD' });

export const currencyCode = z
  .string()
  .refine(isCurrencyCode, { message: 'expected an ISO 4217 currency code such as USD' });

/** Money in integer minor units; JSON numbers are exact up to 2^53. */
export const cents = z.number().int().refine(Number.isSafeInteger, {
  message: 'expected whole minor units within the safe-integer range',
});

export const id = z.number().int().positive();

export const agingBasis = z.enum(['due', 'invoice']);

export const bucketBounds = z
  .array(z.number().int().positive().max(36_500))
  .min(1)
  .max(12)
  .refine((bounds) => bounds.every((bound, index) => index === 0 || bound > bounds[index - 1]!), {
    message: 'bucket bounds must be ascending',
  });

export const agingTotals = z.object({
  buckets: z.record(z.string(), cents),
  unappliedPayments: cents,
  unappliedCredits: cents,
  total: cents,
  count: z.number().int().nonnegative(),
});

/** A file the main process opened for the renderer: the renderer never sees or sends paths. */
export const fileRef = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  name: z.string().max(1024),
  sizeBytes: z.number().int().nonnegative(),
});

export const importKind = z.enum(['invoices', 'payments', 'credit_notes']);
export const dateOrder = z.enum(['mdy', 'dmy', 'ymd']);
export const presetId = z.enum(['generic', 'ibm-ar', 'quickbooks', 'xero']);
